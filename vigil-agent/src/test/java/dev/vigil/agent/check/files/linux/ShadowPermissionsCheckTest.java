package dev.vigil.agent.check.files.linux;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.agent.check.Outcome;
import dev.vigil.agent.policy.Policy;
import dev.vigil.agent.probe.FileStat;
import dev.vigil.agent.probe.LiveProbe;
import dev.vigil.agent.testing.FakeProbe;
import dev.vigil.agent.testing.Fixtures;
import dev.vigil.core.report.Status;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ShadowPermissionsCheckTest {

    private static final Instant T = Instant.parse("2026-05-20T00:00:00Z");
    private final ShadowPermissionsCheck check = new ShadowPermissionsCheck();

    /** Debian's defaults: shadow and gshadow 0640 root:shadow, passwd and group 0644 root:root. */
    private static FakeProbe debian() {
        return FakeProbe.linux()
                .stat("/etc/shadow", FileStat.Type.FILE, 0640, 0, 42, T)
                .stat("/etc/gshadow", FileStat.Type.FILE, 0640, 0, 42, T)
                .stat("/etc/passwd", FileStat.Type.FILE, 0644, 0, 0, T)
                .stat("/etc/group", FileStat.Type.FILE, 0644, 0, 0, T)
                .file("/etc/group", Fixtures.output("linux/etc-group/debian12.txt"));
    }

    @Test
    void passesWithDebiansDefaults() {
        Outcome o = check.run(debian(), Policy.defaults());
        assertThat(o.status()).isEqualTo(Status.PASS);
        assertThat(o.detail()).contains("/etc/shadow and /etc/gshadow are owned by root");
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> files = (Map<String, Map<String, Object>>) o.facts().get("files");
        assertThat(files.get("/etc/shadow")).containsEntry("mode", "0640").containsEntry("group", "shadow").containsEntry("ok", true);
    }

    @ParameterizedTest(name = "{0} {1} {2}:{3} -> {4}")
    @CsvSource(delimiter = '|', textBlock = """
            /etc/shadow  | 0600 | 0    | 0   | PASS | stricter than the maximum
            /etc/shadow  | 0000 | 0    | 0   | PASS | Red Hat's mode, group root
            /etc/shadow  | 0644 | 0    | 42  | FAIL | others can read the hashes
            /etc/shadow  | 0660 | 0    | 42  | FAIL | the group can write
            /etc/shadow  | 0640 | 1000 | 42  | FAIL | owned by a user
            /etc/shadow  | 0640 | 0    | 100 | FAIL | group users may read it
            /etc/shadow  | 0640 | 0    | 999 | FAIL | a group id not in /etc/group
            /etc/shadow  | 4640 | 0    | 42  | FAIL | setuid bit beyond the maximum
            /etc/gshadow | 0644 | 0    | 42  | FAIL | others can read group hashes
            /etc/passwd  | 0666 | 0    | 0   | FAIL | anyone can write passwd
            /etc/passwd  | 0664 | 0    | 0   | FAIL | the group can write passwd
            /etc/group   | 0644 | 1000 | 0   | FAIL | group owned by a user
            """)
    void judgesModesOwnersAndGroups(String path, String mode, int uid, int gid, Status status, String what) {
        Outcome o = check.run(debian().stat(path, FileStat.Type.FILE, Integer.parseInt(mode, 8), uid, gid, T), Policy.defaults());
        assertThat(o.status()).isEqualTo(status);
        if (status == Status.FAIL) {
            assertThat(o.detail()).startsWith(path);
        }
    }

    @Test
    void reportsFailSayingWhoGainsAccess() {
        Outcome o = check.run(debian().stat("/etc/shadow", FileStat.Type.FILE, 0644, 0, 100, T), Policy.defaults());
        assertThat(o.detail()).isEqualTo("/etc/shadow has mode 0644, beyond 0640 (others can read) and belongs to group users,"
                + " not root or shadow.");
    }

    @Test
    void followsAStricterPolicy() {
        Policy d = Policy.defaults();
        Policy strict = new Policy(d.highRiskPorts(), d.aslr(), d.sysctls(), d.sshPermitRootLogin(), d.packageListMaxAgeDays(),
                "0600", List.of("root"), d.updateMaxAgeDays(), d.updateStaleAgeDays(), d.signatureMaxAgeDays());
        Outcome o = check.run(debian(), strict);
        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.detail()).contains("beyond 0600 (group can read)").contains("not root");
    }

    @Test
    void passesWithoutGshadow() {
        FakeProbe p = FakeProbe.linux()
                .stat("/etc/shadow", FileStat.Type.FILE, 0640, 0, 42, T)
                .stat("/etc/passwd", FileStat.Type.FILE, 0644, 0, 0, T)
                .stat("/etc/group", FileStat.Type.FILE, 0644, 0, 0, T)
                .file("/etc/group", Fixtures.output("linux/etc-group/debian12.txt"));
        Outcome o = check.run(p, Policy.defaults());
        assertThat(o.status()).isEqualTo(Status.PASS);
        assertThat(o.detail()).startsWith("/etc/shadow is owned by root");
    }

    @Test
    void judgesAMissingShadowByWhatPasswdHolds() {
        FakeProbe noHashes = FakeProbe.linux()
                .stat("/etc/passwd", FileStat.Type.FILE, 0644, 0, 0, T)
                .stat("/etc/group", FileStat.Type.FILE, 0644, 0, 0, T)
                .file("/etc/passwd", Fixtures.output("linux/etc-passwd/debian12.txt"));
        assertThat(check.run(noHashes, Policy.defaults()).status()).isEqualTo(Status.PASS);

        FakeProbe hashes = noHashes.file("/etc/passwd", "root:$6$salt$hash:0:0:root:/root:/bin/bash\nbin:*:2:2::/:/bin/false\n");
        Outcome o = check.run(hashes, Policy.defaults());
        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.detail()).startsWith("There is no /etc/shadow").contains("holds password hashes for root").doesNotContain("$6$");

        FakeProbe unreadable = FakeProbe.linux()
                .stat("/etc/passwd", FileStat.Type.FILE, 0644, 0, 0, T)
                .stat("/etc/group", FileStat.Type.FILE, 0644, 0, 0, T)
                .deniedFile("/etc/passwd");
        assertThat(check.run(unreadable, Policy.defaults()).status()).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void reportsMissingPasswdAndNonPosixOwners() {
        FakeProbe noPasswd = FakeProbe.linux().stat("/etc/shadow", FileStat.Type.FILE, 0640, 0, 42, T)
                .stat("/etc/group", FileStat.Type.FILE, 0644, 0, 0, T);
        assertThat(check.run(noPasswd, Policy.defaults()).detail()).contains("/etc/passwd does not exist");
        assertThat(check.run(debian().stat("/etc/shadow", FileStat.Type.FILE, 0640, -1, -1, T), Policy.defaults()).status())
                .isEqualTo(Status.UNKNOWN);
    }

    @Test
    void judgesAMountedFileSystemTheSameWay() {
        FakeProbe p = debian().live(false).elevated(false).stat("/etc/shadow", FileStat.Type.FILE, 0644, 0, 42, T);
        assertThat(check.run(p, Policy.defaults()).status()).isEqualTo(Status.FAIL);
        assertThat(p.ran()).isEmpty();
    }

    @Test
    void givesADefiniteWellFormedAnswerOnThisMachine() {
        Outcome o = check.run(LiveProbe.system(), Policy.defaults());
        assertThat(o.detail()).isNotBlank();
        assertThat(o.status()).isIn(Status.PASS, Status.FAIL);
        System.out.println("files.shadow-permissions on this machine: " + o.status() + " — " + o.detail());
    }
}
