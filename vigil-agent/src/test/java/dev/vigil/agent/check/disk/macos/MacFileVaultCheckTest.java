package dev.vigil.agent.check.disk.macos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.agent.check.Need;
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

class MacFileVaultCheckTest {

    private static final List<String> FDESETUP = MacFileVaultCheck.FDESETUP_STATUS.argv();

    private static FakeProbe mac() {
        return FakeProbe.linux().family(OsFamily.MACOS);
    }

    private static Outcome run(FakeProbe probe) {
        return new MacFileVaultCheck().run(probe, Policy.defaults());
    }

    private static Outcome withFixture(String fixture) {
        return run(mac().command(FDESETUP, 0, Fixtures.output("macos/fdesetup-status/" + fixture + ".txt")));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # fixture                   | status  | detail contains
            on                          | PASS    | FileVault is on.
            on-master-keychain          | PASS    | FileVault is on.
            off                         | FAIL    | not encrypted
            off-deferred                | FAIL    | deferred until user 'jane'
            off-until-restart           | FAIL    | after the next restart
            encrypting                  | WARN    | (42.17% done)
            encrypting-pending          | WARN    | pending
            decrypting                  | FAIL    | being turned off
            decrypting-percent-complete | FAIL    | (35% done)
            empty                       | UNKNOWN | unrecognised output from `/usr/bin/fdesetup status`
            garbled                     | UNKNOWN | unrecognised output
            """)
    void judgesEachState(String fixture, Status status, String detail) {
        Outcome o = withFixture(fixture);

        assertThat(o.status()).isEqualTo(status);
        assertThat(o.detail()).contains(detail);
    }

    @Test
    void putsThePercentageInTheFacts() {
        assertThat(withFixture("encrypting").facts())
                .containsEntry("conversion", "encrypting")
                .containsEntry("percent_completed", 42.17)
                .containsEntry("filevault", "on");
        assertThat(withFixture("encrypting-pending").facts()).containsEntry("conversion_pending", true);
        assertThat(withFixture("on-master-keychain").facts()).containsEntry("institutional_recovery_key", true);
    }

    @Test
    void reportsUnknownWhenFdesetupIsMissing() {
        assertThat(run(mac()).detail()).isEqualTo("command not found: /usr/bin/fdesetup");
    }

    @Test
    void reportsUnknownWhenFdesetupTimesOut() {
        Outcome o = run(mac().timedOut(FDESETUP, Duration.ofSeconds(5)));

        assertThat(o.status()).isEqualTo(Status.UNKNOWN);
        assertThat(o.detail()).contains("timed out after 5 s");
    }

    @Test
    void reportsUnknownWithTheErrorWhenFdesetupFails() {
        Outcome o = run(mac().command(FDESETUP, 1, "", "Error: unable to read the volume state.\n"));

        assertThat(o.status()).isEqualTo(Status.UNKNOWN);
        assertThat(o.detail()).isEqualTo("`/usr/bin/fdesetup status` exited 1: Error: unable to read the volume state.");
    }

    @Test
    void decidesWithoutRootSinceFdesetupStatusNeedsNone() {
        assertThat(new MacFileVaultCheck().needs()).containsExactly(Need.LIVE_SYSTEM);
        assertThat(run(mac().elevated(false).command(FDESETUP, 0, "FileVault is On.\n")).status()).isEqualTo(Status.PASS);
    }

    @Test
    void reportsUnknownUnderRootSinceNoCommandRuns() {
        Outcome o = run(mac().live(false).command(FDESETUP, 0, "FileVault is On.\n"));

        assertThat(o.status()).isEqualTo(Status.UNKNOWN);
        assertThat(o.detail()).contains("mounted file system");
    }
}
