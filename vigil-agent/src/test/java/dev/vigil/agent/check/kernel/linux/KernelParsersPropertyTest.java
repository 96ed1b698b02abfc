package dev.vigil.agent.check.kernel.linux;

import dev.vigil.agent.testing.ParserProperties;
import dev.vigil.core.testing.RandomInputs;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KernelParsersPropertyTest {

    @Test
    void procSysParserThrowsOnlyParseException() {
        ParserProperties.throwsOnlyParseException(ProcSysParser::value, "linux/proc-sys/port-range-tab.txt");
    }

    @Test
    void sysctlConfParserThrowsOnlyParseException() {
        List<String> inputs = new ArrayList<>(ParserProperties.inputs("linux/sysctl-d/systemd-50-default-globs.txt",
                "linux/sysctl-d/debian-sysctl-conf-commented.txt"));
        inputs.addAll(RandomInputs.fromAlphabet("-=;#./*?[]! \tabc01\n", 80, 61, RandomInputs.TRIES));
        ParserProperties.throwsOnlyParseExceptionOn(SysctlConfParser::parse, inputs);
    }

    @Test
    void kernelConfigParserThrowsOnlyParseException() {
        ParserProperties.throwsOnlyParseException(KernelConfigParser::parse, "linux/boot-config/distro-hardened.txt");
    }

    @Test
    void globMatchingNeverThrows() {
        List<String> patterns = RandomInputs.fromAlphabet("net.ipv4*?[]!/.-_abc", 30, 62, RandomInputs.TRIES);
        List<String> names = RandomInputs.strings(63, RandomInputs.TRIES);
        for (int i = 0; i < patterns.size(); i++) {
            SysctlNames.globMatches(patterns.get(i), names.get(i));
            SysctlNames.globMatches(names.get(i), patterns.get(i));
        }
    }
}
