package dev.vigil.agent.check.remote.linux;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.agent.check.Outcome;
import dev.vigil.agent.policy.Policy;
import dev.vigil.agent.probe.FileStat;
import dev.vigil.agent.testing.FakeProbe;
import dev.vigil.agent.testing.Fixtures;
import dev.vigil.core.report.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SshChecksTest {

    private static final List<String> SSHD_T = SshdConfigLoader.SSHD_T.argv();

    private static FakeProbe effective(String fixture) {
        return FakeProbe.linux().command(SSHD_T, 0, Fixtures.output("linux/sshd-T/" + fixture + ".txt"));
    }

    private static Outcome root(FakeProbe p) {
        return new SshRootLoginCheck().run(p, Policy.defaults());
    }

    private static Outcome password(FakeProbe p) {
        return new SshPasswordAuthCheck().run(p, Policy.defaults());
    }

    @ParameterizedTest(name = "{0}: root login {1}, password auth {2}")
    @CsvSource(delimiter = '|', textBlock = """
            # sshd -T fixture               | root login | password auth
            debian-default                  | WARN       | FAIL
            permissive                      | FAIL       | FAIL
            hardened                        | PASS       | PASS
            kbdint-pam                      | WARN       | WARN
            authenticationmethods-publickey | WARN       | PASS
            challengeresponse-alias         | PASS       | WARN
            debian-dropin                   | PASS       | PASS
            """)
    void judgesTheEffectiveConfiguration(String fixture, Status rootLogin, Status passwordAuth) {
        assertThat(root(effective(fixture)).status()).isEqualTo(rootLogin);
        assertThat(password(effective(fixture)).status()).isEqualTo(passwordAuth);
    }

    @Test
    void explainsEachRootLoginVerdict() {
        assertThat(root(effective("hardened")).detail()).isEqualTo("sshd refuses root logins (permitrootlogin no).");
        assertThat(root(effective("debian-default")).detail())
                .isEqualTo("sshd lets root log in with a key, though not with a password (permitrootlogin without-password).");
        assertThat(root(effective("permissive")).detail())
                .isEqualTo("sshd lets root log in with any enabled method, passwords included (permitrootlogin yes).");
    }

    @Test
    void passesRootLoginValuesThePolicyAccepts() {
        Policy keysOk = new Policy(Set.of(22), 2, Map.of(), Set.of("no", "prohibit-password", "without-password"), 7, "0640", List.of("root"), 35, 90, 7);

        Outcome o = new SshRootLoginCheck().run(effective("debian-default"), keysOk);

        assertThat(o.status()).isEqualTo(Status.PASS);
        assertThat(o.detail()).contains("which the policy accepts");
    }

    @Test
    void explainsEachPasswordVerdict() {
        assertThat(password(effective("permissive")).detail()).isEqualTo("sshd accepts passwords (passwordauthentication yes).");
        assertThat(password(effective("kbdint-pam")).detail()).contains("keyboard-interactive through PAM is on");
        assertThat(password(effective("authenticationmethods-publickey")).detail())
                .startsWith("Every sshd AuthenticationMethods list requires a non-password method (authenticationmethods publickey)");
        assertThat(password(effective("hardened")).detail())
                .isEqualTo("sshd accepts no passwords (passwordauthentication no, kbdinteractiveauthentication no, usepam yes).");
    }

    @Test
    void failsWhenAnAuthenticationMethodsListIsPasswordOnly() {
        FakeProbe p = FakeProbe.linux().file("/etc/ssh/sshd_config",
                "AuthenticationMethods publickey password\nPasswordAuthentication yes\n");

        assertThat(password(p).status()).isEqualTo(Status.FAIL);
    }

    @Test
    void reportsNotApplicableWithoutAnSshServer() {
        Outcome r = root(FakeProbe.linux());
        Outcome p = password(FakeProbe.linux());

        assertThat(r.status()).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(r.detail()).isEqualTo("no SSH server installed (sshd not found, no /etc/ssh/sshd_config)");
        assertThat(p.status()).isEqualTo(Status.NOT_APPLICABLE);
    }

    @Test
    void fallsBackToTheFilesWhenNotRootAndSaysWhy() {
        FakeProbe p = FakeProbe.linux().elevated(false)
                .command(SSHD_T, 1, "", Fixtures.output("linux/sshd-T/no-hostkeys-stderr.txt"))
                .file("/etc/ssh/sshd_config", Fixtures.output("linux/sshd_config/debian-default.txt"));

        Outcome o = password(p);

        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.facts()).containsEntry("source", "configuration files read directly")
                .containsEntry("passwordauthentication", "yes")
                .containsEntry("defaults_used", List.of("permitrootlogin", "passwordauthentication", "authenticationmethods"));
        assertThat(o.facts()).extractingByKey("notes").asList()
                .anySatisfy(n -> assertThat((String) n).contains("exited 1: sshd: no hostkeys available -- exiting. (sshd -T needs root"));
    }

    @Test
    void fallsBackToTheFilesWhenSshdTTimesOut() {
        FakeProbe p = FakeProbe.linux().timedOut(SSHD_T, Duration.ofSeconds(5))
                .file("/etc/ssh/sshd_config", "PermitRootLogin no\n");

        assertThat(root(p).status()).isEqualTo(Status.PASS);
    }

    @Test
    void evaluatesAnInstalledButStoppedServerAndSaysSo() {
        FakeProbe p = FakeProbe.linux().command(SSHD_T, 255, "", Fixtures.output("linux/sshd-T/missing-privsep-dir-stderr.txt"))
                .file("/etc/ssh/sshd_config", "PermitRootLogin yes\n");

        Outcome o = root(p);

        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.facts()).extractingByKey("notes").asList()
                .anySatisfy(n -> assertThat((String) n).startsWith("no /run/sshd.pid: sshd may not be running"));
    }

    @Test
    void saysWhenSshdIsRunning() {
        FakeProbe p = effective("hardened").stat("/run/sshd.pid", FileStat.Type.FILE, 0644, 0, 0, Instant.EPOCH);

        assertThat(root(p).facts()).extractingByKey("notes").asList().contains("sshd is running (/run/sshd.pid exists)");
    }

    @Test
    void reportsUnknownWhenTheConfigurationIsUnreadable() {
        FakeProbe p = FakeProbe.linux().elevated(false)
                .command(SSHD_T, 1, "", Fixtures.output("linux/sshd-T/no-hostkeys-stderr.txt"))
                .deniedFile("/etc/ssh/sshd_config");

        Outcome o = root(p);

        assertThat(o.status()).isEqualTo(Status.UNKNOWN);
        assertThat(o.detail()).startsWith("permission denied reading /etc/ssh/sshd_config (requires root)");
    }

    @Test
    void reportsUnknownForAnUnrecognisedValue() {
        Outcome o = root(FakeProbe.linux().file("/etc/ssh/sshd_config", "PermitRootLogin maybe\n"));

        assertThat(o.status()).isEqualTo(Status.UNKNOWN);
        assertThat(o.detail()).isEqualTo("unrecognised permitrootlogin value 'maybe' (configuration files read directly)");
    }

    @Test
    void readsTheMountedFileSystemUnderRoot() {
        FakeProbe p = FakeProbe.linux().live(false)
                .file("/etc/ssh/sshd_config", Fixtures.output("linux/sshd_config/debian-default.txt"))
                .stat("/usr/sbin/sshd", FileStat.Type.FILE, 0755, 0, 0, Instant.EPOCH);

        assertThat(root(p).status()).isEqualTo(Status.WARN);
        assertThat(password(p).status()).isEqualTo(Status.FAIL);
        assertThat(root(FakeProbe.linux().live(false)).status()).isEqualTo(Status.NOT_APPLICABLE);
    }
}
