package dev.vigil.agent.check.integrity.windows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.agent.check.Outcome;
import dev.vigil.agent.policy.Policy;
import dev.vigil.agent.testing.FakeProbe;
import dev.vigil.agent.testing.Fixtures;
import dev.vigil.core.report.OsFamily;
import dev.vigil.core.report.Status;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WindowsSecureBootCheckTest {

    private static final List<String> CONFIRM = WindowsSecureBootCheck.CONFIRM.argv();
    private static final List<String> STATE = WindowsSecureBootCheck.STATE.argv();
    private final WindowsSecureBootCheck check = new WindowsSecureBootCheck();

    private static FakeProbe windows() {
        return FakeProbe.linux().family(OsFamily.WINDOWS);
    }

    private static String fixture(String name) {
        return Fixtures.output("windows/confirm-securebootuefi/" + name);
    }

    private Outcome run(FakeProbe probe) {
        return check.run(probe, Policy.defaults());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // enabled
            "true.txt | 0 | PASS | uefi",
            // disabled in firmware
            "false.txt | 0 | FAIL | uefi",
            // legacy BIOS
            "legacy-bios.txt | 1 | FAIL | bios",
            // no SecureBoot variable
            "variable-undefined.txt | 1 | FAIL | uefi",
            // setup mode
            "setup-mode.txt | 1 | WARN | uefi",
    })
    void decidesFromTheFirmware(String fixture, int exit, Status status, String boot) {
        String text = fixture(fixture);
        FakeProbe host = exit == 0 ? windows().command(CONFIRM, 0, text) : windows().command(CONFIRM, exit, "", text);
        Outcome o = run(host);
        assertThat(o.status()).isEqualTo(status);
        assertThat(o.facts()).containsEntry("boot", boot).containsEntry("source", "Confirm-SecureBootUEFI");
        assertThat(host.ran()).containsExactly(CONFIRM);
    }

    @Test
    void readsTheRegistryWhenNotElevated() {
        Outcome o = run(windows().elevated(false).command(CONFIRM, 1, "", fixture("access-denied.txt"))
                .command(STATE, 0, Fixtures.output("windows/reg-query/secureboot-state-on.txt")));
        assertThat(o.status()).isEqualTo(Status.PASS);
        assertThat(o.facts()).containsEntry("source", "registry");
        assertThat(o.detail()).contains("UEFISecureBootEnabled = 1");
    }

    @Test
    void readsTheRegistryWhenTheCmdletIsMissing() {
        Outcome o = run(windows().command(CONFIRM, 1, "", fixture("not-recognized.txt"))
                .command(STATE, 0, Fixtures.output("windows/reg-query/secureboot-state-off.txt")));
        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.detail()).contains("UEFISecureBootEnabled = 0");
    }

    @Test
    void reportsRequiresAdministratorWhenNeitherSourceAnswers() {
        Outcome o = run(windows().elevated(false).command(CONFIRM, 1, "", fixture("access-denied.txt"))
                .command(STATE, 1, "", Fixtures.output("windows/reg-query/not-found.txt")));
        assertThat(o.status()).isEqualTo(Status.UNKNOWN);
        assertThat(o.detail()).startsWith("requires administrator (Confirm-SecureBootUEFI: Unable to set proper privileges")
                .endsWith("and the registry has no UEFISecureBootEnabled value");
    }

    @Test
    void reportsUnknownWhenPowerShellIsMissingOrTimesOutAndRegFails() {
        assertThat(run(windows()).detail()).isEqualTo("command not found: powershell.exe; and command not found: reg");
        Outcome o = run(windows().timedOut(CONFIRM, Duration.ofSeconds(10)).timedOut(STATE, Duration.ofSeconds(5)));
        assertThat(o.status()).isEqualTo(Status.UNKNOWN);
        assertThat(o.detail()).contains("timed out after 10 s");
    }

    @Test
    void fallsBackOnGarbledOutput() {
        Outcome o = run(windows().command(CONFIRM, 0, fixture("garbled.txt"))
                .command(STATE, 0, Fixtures.output("windows/reg-query/secureboot-state-on.txt")));
        assertThat(o.status()).isEqualTo(Status.PASS);
        Outcome garbled = run(windows().command(CONFIRM, 0, fixture("garbled.txt")));
        assertThat(garbled.detail()).startsWith("expected True or False from Confirm-SecureBootUEFI");
    }

    @Test
    void reportsUnknownUnderRoot() {
        assertThat(run(windows().live(false)).status()).isEqualTo(Status.UNKNOWN);
    }
}
