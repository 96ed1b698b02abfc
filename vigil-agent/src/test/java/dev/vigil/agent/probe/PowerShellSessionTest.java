package dev.vigil.agent.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Java side of the PowerShell session against a stand-in shell that speaks the same line protocol
 * (PowerShell itself does not run on the build machines).
 */
class PowerShellSessionTest {

    private PowerShellSession session;

    @BeforeEach
    void start() throws URISyntaxException {
        assumeTrue(new ProcessRunner(System.getenv("PATH")).locate("python3").isPresent(), "python3 runs the stand-in shell; not installed here");
        Path fake = Path.of(getClass().getResource("/powershell/fake-powershell.py").toURI());
        session = new PowerShellSession(List.of("python3", fake.toString()));
    }

    @AfterEach
    void stop() {
        if (session != null) {
            session.close();
        }
    }

    @Test
    void answersEachQueryAsItsOwnCommand() {
        Command q = Command.powershell("say:{\"ProtectionStatus\": 1};say:second line");
        assertThat(session.run(q)).isEqualTo(new CommandResult.Completed(q.argv(), 0, "{\"ProtectionStatus\": 1}\nsecond line\n", ""));
        Command q2 = Command.powershell("say:again");
        assertThat(session.run(q2)).isEqualTo(new CommandResult.Completed(q2.argv(), 0, "again\n", ""));
    }

    @Test
    void errorRecordsGoToStderrWithExitStatusOne() {
        Command q = Command.powershell("fail:Access denied;say:partial");
        assertThat(session.run(q)).isEqualTo(new CommandResult.Completed(q.argv(), 1, "partial\n", "Access denied\n"));
    }

    @Test
    void aHungQueryTimesOutAndTheNextQueryGetsAFreshShell() {
        Command hung = Command.powershell("sleep:30").withTimeout(Duration.ofMillis(300));
        assertThat(session.run(hung)).isInstanceOf(CommandResult.TimedOut.class);
        Command next = Command.powershell("say:alive");
        assertThat(session.run(next)).isEqualTo(new CommandResult.Completed(next.argv(), 0, "alive\n", ""));
    }

    @Test
    void aShellThatDiesIsRestarted() {
        Command die = Command.powershell("die").withTimeout(Duration.ofMillis(500));
        assertThat(session.run(die)).isInstanceOf(CommandResult.TimedOut.class);
        Command next = Command.powershell("say:back");
        assertThat(session.run(next)).isEqualTo(new CommandResult.Completed(next.argv(), 0, "back\n", ""));
    }

    @Test
    void concurrentQueriesAreAnsweredOneAtATimeWithoutMixingOutputs() throws Exception {
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<CommandResult>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 20; i++) {
                Command q = Command.powershell("say:query " + i + ";say:end " + i);
                results.add(pool.submit((Callable<CommandResult>) () -> session.run(q)));
            }
            for (int i = 0; i < 20; i++) {
                assertThat(results.get(i).get()).isInstanceOfSatisfying(CommandResult.Completed.class,
                        c -> assertThat(c.stdout()).matches("query (\\d+)\nend \\1\n"));
            }
        }
    }

    @Test
    void aMissingShellIsNotFoundSoChecksFallBack() {
        PowerShellSession none = new PowerShellSession(List.of("vigil-no-such-shell"));
        assertThat(none.run(Command.powershell("say:x"))).isInstanceOf(CommandResult.NotFound.class);
    }

    @Test
    void recognisesItsQueries() {
        assertThat(PowerShellSession.isQuery(Command.powershell("Get-MpComputerStatus"))).isTrue();
        assertThat(PowerShellSession.isQuery(Command.of("powershell.exe", "-Command", "x"))).isFalse();
        assertThat(PowerShellSession.wrap("Get-Date", 7)).contains("<<VIGIL-END-7:", "FromBase64String('R2V0LURhdGU=')")
                .doesNotContain("Get-Date");
    }
}
