package dev.vigil.agent.check.disk.windows;

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

class BitLockerCheckTest {

    private static final String NOT_RECOGNIZED = "Get-BitLockerVolume : The term 'Get-BitLockerVolume' is not recognized as the name of a "
            + "cmdlet, function, script file, or operable program.\r\n    + CategoryInfo          : ObjectNotFound: (Get-BitLockerVolume:String) "
            + "[], CommandNotFoundException\r\n";

    private static FakeProbe windows() {
        return FakeProbe.linux().family(OsFamily.WINDOWS);
    }

    private static FakeProbe cmdlet(String fixture) {
        return windows().command(BitLockerCheck.CMDLET.argv(), 0, Fixtures.output("windows/get-bitlockervolume/" + fixture + ".txt"));
    }

    private static FakeProbe manageBde(String fixture) {
        return windows().command(BitLockerCheck.CMDLET.argv(), 1, "", NOT_RECOGNIZED)
                .command(BitLockerCheck.MANAGE_BDE.argv(), 0, Fixtures.output("windows/manage-bde-status/" + fixture + ".txt"));
    }

    private static Outcome run(FakeProbe probe) {
        return new BitLockerCheck().run(probe, Policy.defaults());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ps51-fully-encrypted-on         | PASS | fully encrypted with BitLocker (XtsAes128) and protection is on (Tpm, RecoveryPassword)
            ps51-decrypted                  | FAIL | is not encrypted with BitLocker
            ps51-suspended                  | WARN | protection is suspended
            ps51-waiting-for-activation     | FAIL | no key protector
            ps51-decryption-in-progress     | WARN | is being decrypted (37.5% still encrypted)
            ps51-encryption-paused          | WARN | encryption is paused
            ps7-enums-as-strings-encrypting | WARN | is being encrypted with BitLocker (43.5% done)
            """)
    void judgesTheCmdletsAnswer(String fixture, Status status, String phrase) {
        Outcome o = run(cmdlet(fixture));

        assertThat(o.status()).isEqualTo(status);
        assertThat(o.detail()).contains(phrase.strip());
        assertThat(o.facts()).containsEntry("source", "Get-BitLockerVolume").containsKeys("protection", "percent_encrypted", "method",
                "volume_status", "key_protectors");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            used-space-only-on                | PASS | fully encrypted with BitLocker (XtsAes128)
            decrypted                         | FAIL | is not encrypted
            encryption-in-progress            | WARN | being encrypted
            suspended-reboots-left            | WARN | suspended
            """)
    void fallsBackToManageBdeWhenTheCmdletIsMissing(String fixture, Status status, String phrase) {
        Outcome o = run(manageBde(fixture));

        assertThat(o.status()).isEqualTo(status);
        assertThat(o.detail()).contains(phrase.strip());
        assertThat(o.facts()).containsEntry("source", "manage-bde -status");
    }

    @Test
    void reportsTheFactsInTheCmdletsVocabulary() {
        Outcome o = run(cmdlet("ps51-fully-encrypted-on"));

        assertThat(o.detail()).isEqualTo("The system drive C: is fully encrypted with BitLocker (XtsAes128) and protection is on (Tpm, RecoveryPassword).");
        assertThat(o.facts()).containsEntry("protection", "on").containsEntry("percent_encrypted", 100L).containsEntry("method", "XtsAes128")
                .containsEntry("volume_status", "FullyEncrypted").containsEntry("key_protectors", List.of("Tpm", "RecoveryPassword"));
    }

    @Test
    void reportsUnknownForManageBdeInALanguageItDoesNotKnow() {
        Outcome o = run(manageBde("decrypted-german"));

        assertThat(o.status()).isEqualTo(Status.UNKNOWN);
        assertThat(o.detail()).startsWith("manage-bde output is in a language the parser does not know")
                .contains("Get-BitLockerVolume: `powershell.exe");
    }

    @Test
    void fallsBackWhenTheCmdletPrintsSomethingUnreadable() {
        Outcome o = run(windows().command(BitLockerCheck.CMDLET.argv(), 0, Fixtures.output("windows/get-bitlockervolume/garbled.txt"))
                .command(BitLockerCheck.MANAGE_BDE.argv(), 0, Fixtures.output("windows/manage-bde-status/used-space-only-on.txt")));

        assertThat(o.status()).isEqualTo(Status.PASS);
        assertThat(o.facts()).containsEntry("source", "manage-bde -status");
    }

    @Test
    void reportsUnknownWhenBothSourcesAreMissing() {
        Outcome o = run(windows());

        assertThat(o.status()).isEqualTo(Status.UNKNOWN);
        assertThat(o.detail()).isEqualTo("cannot read BitLocker status: command not found: powershell.exe; command not found: manage-bde");
    }

    @Test
    void reportsUnknownWhenTheCmdletTimesOutAndManageBdeIsMissing() {
        Outcome o = run(windows().timedOut(BitLockerCheck.CMDLET.argv(), Duration.ofSeconds(10)));

        assertThat(o.status()).isEqualTo(Status.UNKNOWN);
        assertThat(o.detail()).contains("timed out after 10 s").contains("command not found: manage-bde");
    }

    @Test
    void reportsUnknownWhenManageBdeIsDenied() {
        Outcome o = run(windows().command(BitLockerCheck.CMDLET.argv(), 1, "", "Access denied")
                .command(BitLockerCheck.MANAGE_BDE.argv(), -1, Fixtures.output("windows/manage-bde-status/access-denied.txt")));

        assertThat(o.status()).isEqualTo(Status.UNKNOWN);
        assertThat(o.detail()).startsWith("manage-bde reported an error: An attempt to access a required resource was denied.");
    }

    @Test
    void saysItRequiresAnAdministratorWithoutRunningAnything() {
        FakeProbe probe = cmdlet("ps51-decrypted").elevated(false);

        Outcome o = run(probe);

        assertThat(o.status()).isEqualTo(Status.UNKNOWN);
        assertThat(o.detail()).startsWith("requires administrator");
        assertThat(probe.ran()).isEmpty();
    }

    @Test
    void needsALiveSystemAndRunsOnlyOnWindows() {
        assertThat(new BitLockerCheck().needs()).containsExactly(Need.LIVE_SYSTEM);
        assertThat(new BitLockerCheck().platforms()).containsExactly(OsFamily.WINDOWS);
        assertThat(run(cmdlet("ps51-fully-encrypted-on").live(false)).status()).isEqualTo(Status.UNKNOWN);
    }
}
