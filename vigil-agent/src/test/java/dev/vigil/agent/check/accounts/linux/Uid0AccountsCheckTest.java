package dev.vigil.agent.check.accounts.linux;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.agent.check.Outcome;
import dev.vigil.agent.policy.Policy;
import dev.vigil.agent.probe.LiveProbe;
import dev.vigil.agent.testing.FakeProbe;
import dev.vigil.agent.testing.Fixtures;
import dev.vigil.core.report.Status;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class Uid0AccountsCheckTest {

    private final Uid0AccountsCheck check = new Uid0AccountsCheck();

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            debian12.txt           | PASS    | only root has uid 0
            planted-uid0-empty.txt | FAIL    | toor has uid 0 too
            nis-compat.txt         | PASS    | compat lines are not accounts
            truncated.txt          | PASS    | the entries that survive are judged
            empty.txt              | UNKNOWN | nothing to judge
            garbled.txt            | UNKNOWN | not a passwd file
            """)
    void judgesPasswd(String fixture, Status status, String what) {
        Outcome o = check.run(FakeProbe.linux().file("/etc/passwd", Fixtures.output("linux/etc-passwd/" + fixture)), Policy.defaults());
        assertThat(o.status()).isEqualTo(status);
    }

    @Test
    void reportsFailNamingTheExtraSuperusers() {
        Outcome o = check.run(FakeProbe.linux().live(false).file("/etc/passwd",
                Fixtures.output("linux/etc-passwd/planted-uid0-empty.txt")), Policy.defaults());
        assertThat(o.detail()).endsWith("full superuser power: toor.");
        assertThat(o.facts()).containsEntry("uid0_accounts", List.of("root", "toor"));
    }

    @Test
    void reportsUnknownWhenPasswdIsMissingOrDenied() {
        assertThat(check.run(FakeProbe.linux(), Policy.defaults()).detail()).isEqualTo("/etc/passwd does not exist");
        assertThat(check.run(FakeProbe.linux().deniedFile("/etc/passwd"), Policy.defaults()).detail())
                .isEqualTo("permission denied reading /etc/passwd");
    }

    @Test
    void givesADefiniteWellFormedAnswerOnThisMachine() {
        Outcome o = check.run(LiveProbe.system(), Policy.defaults());
        assertThat(o.detail()).isNotBlank();
        assertThat(o.status()).isIn(Status.PASS, Status.FAIL);
        System.out.println("accounts.uid0 on this machine: " + o.status() + " — " + o.detail());
    }
}
