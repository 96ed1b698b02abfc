package dev.vigil.agent.check.patch.windows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.agent.check.Outcome;
import dev.vigil.agent.policy.Policy;
import dev.vigil.agent.testing.FakeProbe;
import dev.vigil.agent.testing.Fixtures;
import dev.vigil.core.report.OsFamily;
import dev.vigil.core.report.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WindowsLastUpdateCheckTest {

    private static final List<String> HOTFIX = WindowsLastUpdateCheck.HOTFIX.argv();
    private final WindowsLastUpdateCheck check = new WindowsLastUpdateCheck();

    private static FakeProbe windows(String now) {
        return FakeProbe.linux().family(OsFamily.WINDOWS).now(Instant.parse(now));
    }

    private Outcome run(String fixture, String now) {
        return check.run(windows(now).command(HOTFIX, 0, Fixtures.output("windows/get-hotfix/" + fixture)), Policy.defaults());
    }

    @ParameterizedTest(name = "{0} at {1}")
    @CsvSource(delimiter = '|', value = {
            // newest 2026-11-13, seen 7 days later
            "json-ps51-array.txt | 2026-11-20T09:30:00Z | PASS | 7",
            // 35 days is still current
            "json-ps51-array.txt | 2026-12-18T00:00:00Z | PASS | 35",
            // 36 days: a release missed
            "json-ps51-array.txt | 2026-12-19T00:00:00Z | WARN | 36",
            // 90 days: still a warning
            "json-ps51-array.txt | 2027-02-11T00:00:00Z | WARN | 90",
            // 2017: years behind
            "json-single-object.txt | 2026-11-20T09:30:00Z | FAIL | 3455",
            // PowerShell 7 output, 134 days
            "json-ps7-array.txt | 2026-11-20T09:30:00Z | FAIL | 134",
    })
    void judgesTheAgeOfTheNewestUpdateAtTheObservationTime(String fixture, String now, Status status, long age) {
        Outcome o = run(fixture, now);
        assertThat(o.status()).isEqualTo(status);
        assertThat(o.facts()).containsEntry("age_days", age);
    }

    @Test
    void namesTheUpdateAndItsDay() {
        Outcome o = run("json-ps51-array.txt", "2026-11-20T09:30:00Z");
        assertThat(o.detail()).isEqualTo("The newest installed update, KB5046633, was installed on 2026-11-13 (7 days ago).");
        assertThat(o.facts()).containsEntry("updates_listed", 4).containsEntry("updates_without_date", 1);
    }

    @Test
    void reportsUnknownWhenNothingIsListedOrNothingIsDated() {
        assertThat(run("empty.txt", "2026-11-20T09:30:00Z").detail()).contains("lists no installed updates");
        Outcome o = run("json-no-dates.txt", "2026-11-20T09:30:00Z");
        assertThat(o.status()).isEqualTo(Status.UNKNOWN);
        assertThat(o.detail()).contains("has an install date");
    }

    @Test
    void reportsUnknownOnTheTableForm() {
        Outcome o = run("table-truncated.txt", "2026-11-20T09:30:00Z");
        assertThat(o.status()).isEqualTo(Status.UNKNOWN);
        assertThat(o.detail()).startsWith("unrecognised output from Get-HotFix: expected JSON");
    }

    @Test
    void reportsUnknownWhenPowerShellIsMissingTimesOutOrFails() {
        assertThat(check.run(windows("2026-11-20T09:30:00Z"), Policy.defaults()).detail()).isEqualTo("command not found: powershell.exe");
        assertThat(check.run(windows("2026-11-20T09:30:00Z").timedOut(HOTFIX, Duration.ofSeconds(10)), Policy.defaults()).detail())
                .contains("timed out after 10 s");
        Outcome failed = check.run(windows("2026-11-20T09:30:00Z").command(HOTFIX, 1, "",
                "Get-HotFix : Access denied\r\n    + FullyQualifiedErrorId : GetHotFixNoEntriesFound,Microsoft.PowerShell.Commands.GetHotFixCommand\r\n"), Policy.defaults());
        assertThat(failed.detail()).isEqualTo("Get-HotFix failed: Access denied");
    }

    @Test
    void reportsUnknownUnderRoot() {
        Outcome o = check.run(windows("2026-11-20T09:30:00Z").live(false), Policy.defaults());
        assertThat(o.status()).isEqualTo(Status.UNKNOWN);
        assertThat(o.detail()).contains("mounted file system");
    }

    @Test
    void decidesWithoutAdministratorRights() {
        Outcome o = check.run(windows("2026-11-20T09:30:00Z").elevated(false)
                .command(HOTFIX, 0, Fixtures.output("windows/get-hotfix/json-ps51-array.txt")), Policy.defaults());
        assertThat(o.status()).isEqualTo(Status.PASS);
    }
}
