package dev.vigil.agent.check.accounts.linux;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.agent.check.CheckRunner;
import dev.vigil.agent.check.Outcome;
import dev.vigil.agent.policy.Policy;
import dev.vigil.agent.probe.LiveProbe;
import dev.vigil.agent.testing.FakeProbe;
import dev.vigil.agent.testing.Fixtures;
import dev.vigil.core.catalog.Catalog;
import dev.vigil.core.report.Finding;
import dev.vigil.core.report.Status;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EmptyPasswordsCheckTest {

    private final EmptyPasswordsCheck check = new EmptyPasswordsCheck();

    private static FakeProbe probe(String passwd, String shadow) {
        return FakeProbe.linux()
                .file("/etc/passwd", Fixtures.output("linux/etc-passwd/" + passwd))
                .file("/etc/shadow", Fixtures.output("linux/etc-shadow/" + shadow));
    }

    @Test
    void passesWhenEveryAccountIsLockedOrHasAPassword() {
        Outcome o = check.run(probe("debian12.txt", "debian12-locked.txt"), Policy.defaults());
        assertThat(o.status()).isEqualTo(Status.PASS);
        assertThat(o.detail()).contains("24 accounts");
        assertThat(o.facts()).containsEntry("empty_passwords", List.of()).containsEntry("with_password", 0);
    }

    @Test
    void reportsFailNamingAccountsWithEmptyPasswordsInShadowAndPasswd() {
        String passwd = Fixtures.output("linux/etc-passwd/planted-uid0-empty.txt")
                + "alice:x:1002:1002::/home/alice:/bin/bash\ncarol:x:1003:1003::/home/carol:/bin/bash\n";
        String shadow = Fixtures.output("linux/etc-shadow/planted-hashes-empty.txt") + "toor::19900:0:99999:7:::\n";
        Outcome o = check.run(FakeProbe.linux().file("/etc/passwd", passwd).file("/etc/shadow", shadow), Policy.defaults());
        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.detail()).contains("2 accounts").contains("toor (/etc/shadow)").contains("guest (/etc/passwd)")
                .doesNotContain("carol").doesNotContain("alice");
        assertThat(o.facts()).containsEntry("with_password", 1);
    }

    @Test
    void keepsHashesOutOfDetailFactsAndEvidence() {
        FakeProbe probe = probe("debian12.txt", "planted-hashes-empty.txt")
                .file("/etc/passwd", "root:x:0:0:root:/root:/bin/bash\nalice:x:1002:1002::/home/alice:/bin/bash\n"
                        + "guest::1001:1001::/home/guest:/bin/sh\nlegacy:$1$md5salt$ZzhCGgc3E8x6D4B2xCG3U/:1004:1004::/:/bin/sh\n");
        Finding f = new CheckRunner(Catalog.bundled(), Policy.defaults(), Duration.ofSeconds(5)).run(List.of(check), probe).getFirst();
        assertThat(f.status()).isEqualTo(Status.FAIL);
        String everything = f.detail() + f.facts() + f.evidence();
        assertThat(everything).doesNotContain("$6$", "$5$", "$1$", "Vg7testSalt", "md5salt").contains("$REDACTED$");
        assertThat(f.facts().toString()).contains("guest");
    }

    @Test
    void reportsUnknownRequiringRootWhenShadowIsDenied() {
        Outcome o = check.run(probe("debian12.txt", "debian12-locked.txt").elevated(false).deniedFile("/etc/shadow"), Policy.defaults());
        assertThat(o.status()).isEqualTo(Status.UNKNOWN);
        assertThat(o.detail()).isEqualTo("requires root: permission denied reading /etc/shadow");
    }

    @Test
    void reportsUnknownWhenPasswdIsMissingOrGarbled() {
        assertThat(check.run(FakeProbe.linux(), Policy.defaults()).detail()).isEqualTo("/etc/passwd does not exist");
        assertThat(check.run(probe("garbled.txt", "debian12-locked.txt"), Policy.defaults()).detail())
                .startsWith("unrecognised /etc/passwd");
        assertThat(check.run(probe("debian12.txt", "empty.txt"), Policy.defaults()).detail()).startsWith("unrecognised /etc/shadow");
    }

    @Test
    void passesWithoutShadowWhenPasswdHasNoEmptyFieldAndSaysSo() {
        FakeProbe p = FakeProbe.linux().file("/etc/passwd", Fixtures.output("linux/etc-passwd/debian12.txt"));
        Outcome o = check.run(p, Policy.defaults());
        assertThat(o.status()).isEqualTo(Status.PASS);
        assertThat(o.detail()).contains("there is no /etc/shadow");
        assertThat(o.facts()).containsEntry("shadow_file", "absent");
    }

    @Test
    void judgesAMountedFileSystemTheSameWay() {
        FakeProbe p = probe("planted-uid0-empty.txt", "debian12-locked.txt").live(false);
        Outcome o = check.run(p, Policy.defaults());
        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.detail()).contains("guest (/etc/passwd)");
        assertThat(p.ran()).isEmpty();
    }

    @Test
    void givesADefiniteWellFormedAnswerOnThisMachine() {
        Outcome o = check.run(LiveProbe.system(), Policy.defaults());
        assertThat(o.detail()).isNotBlank();
        assertThat(o.status()).isIn(Status.PASS, Status.FAIL);
        assertThat(o.facts().toString()).doesNotContain("$6$", "$y$", "$5$");
        assertThat(o.facts()).isInstanceOf(Map.class);
        System.out.println("accounts.empty-passwords on this machine: " + o.status() + " — " + o.detail());
    }
}
