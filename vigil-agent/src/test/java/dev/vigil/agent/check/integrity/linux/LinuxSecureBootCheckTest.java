package dev.vigil.agent.check.integrity.linux;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.agent.check.Outcome;
import dev.vigil.agent.policy.Policy;
import dev.vigil.agent.probe.FileStat;
import dev.vigil.agent.probe.LiveProbe;
import dev.vigil.agent.testing.FakeProbe;
import dev.vigil.agent.testing.Fixtures;
import dev.vigil.core.report.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinuxSecureBootCheckTest {

    private static final Policy POLICY = Policy.defaults();
    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");
    private static final List<String> MOKUTIL = LinuxSecureBootCheck.MOKUTIL.argv();
    private final LinuxSecureBootCheck check = new LinuxSecureBootCheck();

    private static FakeProbe uefi() {
        return FakeProbe.linux().stat(LinuxSecureBootCheck.EFI, FileStat.Type.DIRECTORY, 0755, 0, 0, T);
    }

    private static FakeProbe efivars(String secureBoot, String setupMode) {
        FakeProbe p = uefi().listing(LinuxSecureBootCheck.EFIVARS, "BootCurrent-8be4df61-93ca-11d2-aa0d-00e098032b8c")
                .file(LinuxSecureBootCheck.SECURE_BOOT, Fixtures.output("linux/efivars-secureboot/" + secureBoot));
        return setupMode == null ? p : p.file(LinuxSecureBootCheck.SETUP_MODE, Fixtures.output("linux/efivars-secureboot/" + setupMode));
    }

    @Test
    void reportsFailOnLegacyBiosBootAndSaysWhy() {
        Outcome o = check.run(FakeProbe.linux(), POLICY);
        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.detail()).startsWith("Booted in legacy BIOS mode").contains("nothing verifies the boot loader");
    }

    @Test
    void reportsPassWhenSecureBootIsOn() {
        Outcome o = check.run(efivars("enabled.txt", "disabled.txt"), POLICY);
        assertThat(o.status()).isEqualTo(Status.PASS);
        assertThat(o.facts()).containsEntry("source", "efivars").containsEntry("setup_mode", false);
    }

    @Test
    void reportsFailWhenSecureBootIsOff() {
        Outcome o = check.run(efivars("disabled.txt", null), POLICY);
        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.detail()).isEqualTo("Secure Boot is disabled in the UEFI firmware.");
    }

    @Test
    void reportsWarnInSetupMode() {
        Outcome o = check.run(efivars("enabled.txt", "setupmode-on.txt"), POLICY);
        assertThat(o.status()).isEqualTo(Status.WARN);
        assertThat(o.detail()).contains("Setup Mode");
    }

    @Test
    void reportsWarnWhenShimDoesNotValidate() {
        FakeProbe host = efivars("enabled.txt", null)
                .file(LinuxSecureBootCheck.MOK_SB_STATE, Fixtures.output("linux/efivars-secureboot/enabled.txt"));
        assertThat(check.run(host, POLICY).status()).isEqualTo(Status.WARN);
    }

    @Test
    void reportsFailWhenTheFirmwareHasNoSecureBootVariable() {
        Outcome o = check.run(uefi().listing(LinuxSecureBootCheck.EFIVARS, "BootCurrent-8be4df61-93ca-11d2-aa0d-00e098032b8c"), POLICY);
        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.detail()).contains("does not support Secure Boot");
    }

    @Test
    void reportsUnknownOnAGarbledVariable() {
        Outcome o = check.run(efivars("garbled.txt", null), POLICY);
        assertThat(o.status()).isEqualTo(Status.UNKNOWN);
        assertThat(o.detail()).contains("expected 0 or 1");
    }

    @Test
    void asksMokutilWhenEfivarsIsNotMounted() {
        FakeProbe host = uefi().command(MOKUTIL, 0, Fixtures.output("linux/mokutil-sb-state/setup-mode.txt"));
        Outcome o = check.run(host, POLICY);
        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.facts()).containsEntry("source", "mokutil").containsEntry("setup_mode", true);
    }

    @Test
    void asksMokutilWhenTheVariableIsUnreadable() {
        FakeProbe host = uefi().deniedFile(LinuxSecureBootCheck.SECURE_BOOT)
                .command(MOKUTIL, 0, Fixtures.output("linux/mokutil-sb-state/enabled.txt"));
        assertThat(check.run(host, POLICY).status()).isEqualTo(Status.PASS);
    }

    @Test
    void reportsUnknownWhenMokutilIsMissing() {
        Outcome o = check.run(uefi(), POLICY);
        assertThat(o.status()).isEqualTo(Status.UNKNOWN);
        assertThat(o.detail()).contains("command not found: mokutil");
    }

    @Test
    void reportsUnknownWhenMokutilTimesOut() {
        Outcome o = check.run(uefi().timedOut(MOKUTIL, Duration.ofSeconds(5)), POLICY);
        assertThat(o.status()).isEqualTo(Status.UNKNOWN);
        assertThat(o.detail()).contains("timed out after 5 s");
    }

    @Test
    void reportsUnknownWhenMokutilCannotReadVariablesEither() {
        FakeProbe host = uefi().command(MOKUTIL, 255, "", "EFI variables are not supported on this system");
        Outcome o = check.run(host, POLICY);
        assertThat(o.status()).isEqualTo(Status.UNKNOWN);
        assertThat(o.detail()).contains("mokutil says: EFI variables are not supported");
    }

    @Test
    void decidesOnThisMachine() {
        Outcome o = check.run(LiveProbe.system(), POLICY);
        assertThat(o.detail()).isNotBlank();
        assertThat(o.status()).isNotEqualTo(Status.UNKNOWN).isNotEqualTo(Status.NOT_APPLICABLE);
    }
}
