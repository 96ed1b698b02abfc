package dev.vigil.agent.check.kernel.linux;

import dev.vigil.agent.check.ParseException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class KernelParsersPropertiesTest {

    @Property
    void procSysParserThrowsOnlyParseException(@ForAll String text) {
        try {
            ProcSysParser.value(text);
        } catch (ParseException expected) {
            // the only failure allowed
        }
    }

    @Property
    void sysctlConfParserThrowsOnlyParseException(@ForAll String text) {
        try {
            SysctlConfParser.parse(text);
        } catch (ParseException expected) {
            // the only failure allowed
        }
    }

    @Property
    void kernelConfigParserThrowsOnlyParseException(@ForAll String text) {
        try {
            KernelConfigParser.parse(text);
        } catch (ParseException expected) {
            // the only failure allowed
        }
    }

    @Property
    void globMatchingNeverThrows(@ForAll String pattern, @ForAll String name) {
        SysctlNames.globMatches(pattern, name);
    }

    @Property
    void sysctlLikeLinesNeverThrow(@ForAll("sysctlLines") String text) throws ParseException {
        SysctlConfParser.parse(text);
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> sysctlLines() {
        return net.jqwik.api.Arbitraries.strings().withChars("-=;#./*?[]! \tabc01\n").ofMaxLength(80);
    }
}
