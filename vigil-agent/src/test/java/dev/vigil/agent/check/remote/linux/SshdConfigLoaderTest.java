package dev.vigil.agent.check.remote.linux;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.agent.check.remote.linux.SshdConfigLoader.Result;
import dev.vigil.agent.probe.FileStat;
import dev.vigil.agent.testing.FakeProbe;
import dev.vigil.agent.testing.Fixtures;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SshdConfigLoaderTest {

    private static final List<String> SSHD_T = SshdConfigLoader.SSHD_T.argv();

    private static SshdSettings loaded(FakeProbe probe) {
        Result r = SshdConfigLoader.load(probe);
        assertThat(r).isInstanceOf(Result.Loaded.class);
        return ((Result.Loaded) r).settings();
    }

    /** The Debian drop-in layout whose effective values sshd -T printed in sshd-T/debian-dropin.txt. */
    private static FakeProbe debianWithDropIns() {
        return FakeProbe.linux()
                .command(SSHD_T, 1, "", Fixtures.output("linux/sshd-T/no-hostkeys-stderr.txt"))
                .file("/etc/ssh/sshd_config", Fixtures.output("linux/sshd_config/debian-dropin-main.txt"))
                .listing("/etc/ssh/sshd_config.d", "50-hardening.conf", "60-late.conf", "README")
                .file("/etc/ssh/sshd_config.d/50-hardening.conf", Fixtures.output("linux/sshd_config/debian-dropin-50-hardening.txt"))
                .file("/etc/ssh/sshd_config.d/60-late.conf", Fixtures.output("linux/sshd_config/debian-dropin-60-late.txt"));
    }

    @Test
    void prefersSshdsEffectiveConfiguration() {
        SshdSettings s = loaded(FakeProbe.linux().command(SSHD_T, 0, Fixtures.output("linux/sshd-T/hardened.txt")));

        assertThat(s.source()).isEqualTo(SshdSettings.Source.EFFECTIVE);
        assertThat(s.value("permitrootlogin")).isEqualTo("no");
        assertThat(s.files()).isEmpty();
    }

    @Test
    void readsTheFilesLikeSshdWhenSshdTFailsAndAgreesWithSshd() throws Exception {
        SshdSettings s = loaded(debianWithDropIns());
        var effective = SshdConfigParser.parseEffective(Fixtures.output("linux/sshd-T/debian-dropin.txt"));

        assertThat(s.source()).isEqualTo(SshdSettings.Source.CONFIG_FILES);
        SshdSettings.KEYWORDS.keySet().forEach(k -> assertThat(s.value(k)).as(k).isEqualTo(effective.get(k)));
        assertThat(s.files()).containsExactly("/etc/ssh/sshd_config", "/etc/ssh/sshd_config.d/50-hardening.conf",
                "/etc/ssh/sshd_config.d/60-late.conf");
        assertThat(s.notes()).anySatisfy(n -> assertThat(n).contains("sshd: no hostkeys available"));
    }

    @Test
    void followsRelativeIncludesAndSkipsMatchBlocks() {
        SshdSettings s = loaded(FakeProbe.linux()
                .file("/etc/ssh/sshd_config", Fixtures.output("linux/sshd_config/include-and-match.txt"))
                .listing("/etc/ssh/conf.d", "10-root.conf")
                .file("/etc/ssh/conf.d/10-root.conf", Fixtures.output("linux/sshd_config/include-and-match-10-root.txt")));

        assertThat(s.value("permitrootlogin")).isEqualTo("no");
        assertThat(s.value("passwordauthentication")).isEqualTo("no");
        assertThat(s.value("usepam")).isEqualTo("yes");
        assertThat(s.defaulted()).containsExactly("kbdinteractiveauthentication", "authenticationmethods");
        assertThat(s.notes()).anySatisfy(n -> assertThat(n).startsWith("Match block at /etc/ssh/sshd_config line 8 ignored"));
    }

    @Test
    void endsAMatchBlockAtTheEndOfItsIncludedFile() {
        SshdSettings s = loaded(FakeProbe.linux()
                .file("/etc/ssh/sshd_config", "Include /etc/ssh/sshd_config.d/*.conf\nPermitRootLogin yes\n")
                .listing("/etc/ssh/sshd_config.d", "10-match.conf")
                .file("/etc/ssh/sshd_config.d/10-match.conf", "Match User bob\n  PermitRootLogin no\n"));

        assertThat(s.value("permitrootlogin")).isEqualTo("yes");
    }

    @Test
    void usesOpenSshDefaultsForKeywordsSetNowhere() {
        SshdSettings s = loaded(FakeProbe.linux().file("/etc/ssh/sshd_config", "# all commented out\n#PermitRootLogin no\n"));

        assertThat(s.values()).containsEntry("permitrootlogin", "prohibit-password").containsEntry("passwordauthentication", "yes")
                .containsEntry("kbdinteractiveauthentication", "yes").containsEntry("usepam", "no");
        assertThat(s.defaulted()).hasSize(5);
    }

    @Test
    void reportsNoServerWhenNeitherSshdNorItsConfigurationExist() {
        assertThat(SshdConfigLoader.load(FakeProbe.linux())).isInstanceOf(Result.NoServer.class);
    }

    @Test
    void isUndecidedWhenAnIncludedFileIsUnreadable() {
        Result r = SshdConfigLoader.load(FakeProbe.linux().elevated(false)
                .file("/etc/ssh/sshd_config", "Include /etc/ssh/sshd_config.d/*.conf\n")
                .listing("/etc/ssh/sshd_config.d", "secret.conf")
                .deniedFile("/etc/ssh/sshd_config.d/secret.conf"));

        assertThat(r).isInstanceOfSatisfying(Result.Undecided.class, u -> assertThat(u.reason())
                .startsWith("permission denied reading /etc/ssh/sshd_config.d/secret.conf (requires root)"));
    }

    @Test
    void stopsAnIncludeLoop() {
        Result r = SshdConfigLoader.load(FakeProbe.linux().file("/etc/ssh/sshd_config", "Include sshd_config\n"));

        assertThat(r).isInstanceOfSatisfying(Result.Undecided.class, u -> assertThat(u.reason()).contains("Include nesting deeper than 16"));
    }

    @Test
    void isUndecidedWhenSshdIsInstalledButItsConfigurationIsMissingUnderRoot() {
        Result r = SshdConfigLoader.load(FakeProbe.linux().live(false)
                .stat("/usr/sbin/sshd", FileStat.Type.FILE, 0755, 0, 0, Instant.EPOCH));

        assertThat(r).isInstanceOfSatisfying(Result.Undecided.class, u -> assertThat(u.reason())
                .startsWith("sshd is installed but /etc/ssh/sshd_config does not exist"));
    }

    @Test
    void readsTheFilesUnderRootWithoutRunningAnything() {
        FakeProbe probe = debianWithDropIns().live(false);

        SshdSettings s = loaded(probe);

        assertThat(s.source()).isEqualTo(SshdSettings.Source.CONFIG_FILES);
        assertThat(s.value("passwordauthentication")).isEqualTo("no");
        assertThat(s.notes()).noneSatisfy(n -> assertThat(n).contains("pid"));
    }
}
