package dev.vigil.agent.check.integrity.macos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.agent.check.Outcome;
import dev.vigil.agent.check.ParseException;
import dev.vigil.agent.policy.Policy;
import dev.vigil.agent.testing.FakeProbe;
import dev.vigil.agent.testing.Fixtures;
import dev.vigil.agent.testing.ParserProperties;
import dev.vigil.core.report.OsFamily;
import dev.vigil.core.report.Status;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MacSipAndGatekeeperTest {

    private static final Policy POLICY = Policy.defaults();
    private static final List<String> CSRUTIL = MacSipCheck.CSRUTIL.argv();
    private static final List<String> SPCTL = MacGatekeeperCheck.SPCTL.argv();

    private static FakeProbe mac() {
        return FakeProbe.linux().family(OsFamily.MACOS);
    }

    private static String csrutil(String name) {
        return Fixtures.output("macos/csrutil-status/" + name);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            // fully enabled
            "enabled.txt | PASS | System Integrity Protection is enabled.",
            // csrutil disable
            "disabled.txt | FAIL | System Integrity Protection is disabled.",
            // macOS 11+ partial: 'unknown (Custom Configuration)'
            "custom-big-sur.txt | WARN | System Integrity Protection runs a custom configuration with Apple Internal, Filesystem Protections, NVRAM Protections disabled.",
            // macOS 10.11-10.15 partial: 'enabled (Custom Configuration)'
            "custom-el-capitan.txt | WARN | System Integrity Protection runs a custom configuration with Apple Internal, Kext Signing, Filesystem Protections, Debugging Restrictions, DTrace Restrictions, NVRAM Protections disabled.",
    })
    void decidesSipFromCsrutil(String file, Status status, String detail) {
        Outcome o = new MacSipCheck().run(mac().command(CSRUTIL, 0, csrutil(file)), POLICY);
        assertThat(o.status()).isEqualTo(status);
        assertThat(o.detail()).isEqualTo(detail);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // a custom configuration cut off before its protections
            "custom-truncated.txt",
            // a shell message
            "garbled.txt",
            // nothing
            "empty.txt",
    })
    void rejectsUnusableCsrutilOutput(String file) {
        assertThatThrownBy(() -> CsrutilStatusParser.parse(csrutil(file))).isInstanceOf(ParseException.class);
        assertThat(new MacSipCheck().run(mac().command(CSRUTIL, 0, csrutil(file)), POLICY).status()).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void sipUnknownWhenCsrutilIsMissingTimesOutOrCannotRun() {
        assertThat(new MacSipCheck().run(mac(), POLICY).detail()).isEqualTo("command not found: /usr/bin/csrutil");
        assertThat(new MacSipCheck().run(mac().timedOut(CSRUTIL, Duration.ofSeconds(5)), POLICY).detail()).contains("timed out");
        assertThat(new MacSipCheck().run(mac().live(false), POLICY).detail()).startsWith("cannot run /usr/bin/csrutil");
        assertThat(new MacSipCheck().run(mac().command(CSRUTIL, 1, "", "csrutil: error"), POLICY).status()).isEqualTo(Status.UNKNOWN);
    }

    @ParameterizedTest(name = "{0} exit {1} -> {2}")
    @CsvSource({
            // Gatekeeper on
            "enabled.txt, 0, PASS",
            // Gatekeeper off: spctl exits 1
            "disabled.txt, 1, FAIL",
            // an unexpected message
            "garbled.txt, 1, UNKNOWN",
            // nothing
            "empty.txt, 0, UNKNOWN",
    })
    void decidesGatekeeperFromSpctl(String file, int exit, Status status) {
        Outcome o = new MacGatekeeperCheck().run(mac().command(SPCTL, exit, Fixtures.output("macos/spctl-status/" + file)), POLICY);
        assertThat(o.status()).isEqualTo(status);
    }

    @Test
    void gatekeeperReadsStandardErrorToo() {
        Outcome o = new MacGatekeeperCheck().run(mac().command(SPCTL, 1, "", "assessments disabled\n"), POLICY);
        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.detail()).isEqualTo("Gatekeeper is off: apps from anywhere run without assessment.");
    }

    @Test
    void gatekeeperUnknownWhenSpctlIsMissingOrTimesOut() {
        assertThat(new MacGatekeeperCheck().run(mac(), POLICY).detail()).isEqualTo("command not found: /usr/sbin/spctl");
        assertThat(new MacGatekeeperCheck().run(mac().timedOut(SPCTL, Duration.ofSeconds(5)), POLICY).status()).isEqualTo(Status.UNKNOWN);
        assertThat(new MacGatekeeperCheck().run(mac().command(SPCTL, 64, "", "usage"), POLICY).status()).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void arbitraryTextNeverThrowsAnythingButParseException() {
        ParserProperties.throwsOnlyParseException(CsrutilStatusParser::parse,
                "macos/csrutil-status/custom-big-sur.txt", "macos/csrutil-status/custom-el-capitan.txt");
        ParserProperties.throwsOnlyParseException(SpctlStatusParser::parse, "macos/spctl-status/enabled.txt");
    }
}
