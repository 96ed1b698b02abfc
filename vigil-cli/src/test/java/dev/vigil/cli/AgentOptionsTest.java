package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.core.report.OsFamily;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The agent's settings: default outbox per platform, sizes, and the mistakes that stop it before it starts. */
class AgentOptionsTest {

    @TempDir
    Path dir;

    static final Path HOME = Path.of("/home/ada");

    @Test
    void theDefaultOutboxFollowsEachPlatformsConventions() {
        assertThat(DefaultOutbox.of(OsFamily.LINUX, true, Map.of(), HOME)).isEqualTo(Path.of("/var/lib/vigil/outbox"));
        assertThat(DefaultOutbox.of(OsFamily.LINUX, false, Map.of(), HOME)).isEqualTo(Path.of("/home/ada/.local/state/vigil/outbox"));
        assertThat(DefaultOutbox.of(OsFamily.LINUX, false, Map.of("XDG_STATE_HOME", "/x/state"), HOME)).isEqualTo(Path.of("/x/state/vigil/outbox"));
        assertThat(DefaultOutbox.of(OsFamily.MACOS, false, Map.of(), HOME))
                .isEqualTo(Path.of("/home/ada/Library/Application Support/Vigil/outbox"));
        assertThat(DefaultOutbox.of(OsFamily.MACOS, true, Map.of(), HOME)).isEqualTo(Path.of("/Library/Application Support/Vigil/outbox"));
        assertThat(DefaultOutbox.of(OsFamily.WINDOWS, false, Map.of("LOCALAPPDATA", "C:/Users/ada/AppData/Local"), HOME))
                .isEqualTo(Path.of("C:/Users/ada/AppData/Local", "Vigil", "outbox"));
    }

    @Test
    void setupMistakesExit2BeforeAnyAudit() {
        Cli noServer = Cli.run("agent", "--once", "--token", "t", "--outbox", dir.toString());
        assertThat(noServer.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(noServer.err()).contains("no kernel");

        Cli badUrl = Cli.run("agent", "--once", "--server", "ftp://x", "--token", "t", "--outbox", dir.toString());
        assertThat(badUrl.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(badUrl.err()).contains("http://");

        Cli contradiction = Cli.run("agent", "--once", "--server", "https://x", "--token", "t", "--insecure", "--ca-cert",
                dir.resolve("ca.pem").toString(), "--outbox", dir.toString());
        assertThat(contradiction.exitCode()).isEqualTo(ExitCodes.USAGE);

        Cli limits = Cli.run("agent", "--once", "--server", "http://127.0.0.1:1", "--token", "t", "--max-outbox-reports", "0",
                "--outbox", dir.toString());
        assertThat(limits.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(limits.err()).contains("at least 1 report");
    }

    @Test
    void insecureWarnsAndATokenOnTheCommandLineGetsAHint() {
        Cli r = Cli.run("agent", "--once", "--server", "https://127.0.0.1:1", "--token", "t", "--insecure",
                "--outbox", dir.resolve("o").toString(), "--replay", ReplayAudits.folder("linux-hardened").toString(),
                "--connect-timeout", "1s");
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        assertThat(r.err()).contains("WARNING: --insecure").contains("hint: a token on the command line");
        assertThat(r.out()).contains("1 report(s) wait in the outbox");
    }
}
