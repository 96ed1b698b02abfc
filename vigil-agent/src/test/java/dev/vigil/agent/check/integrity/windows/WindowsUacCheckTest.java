package dev.vigil.agent.check.integrity.windows;

import static org.assertj.core.api.Assertions.assertThat;

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

class WindowsUacCheckTest {

    private static final List<String> POLICIES = WindowsUacCheck.POLICIES.argv();
    private final WindowsUacCheck check = new WindowsUacCheck();

    private static FakeProbe windows() {
        return FakeProbe.linux().family(OsFamily.WINDOWS);
    }

    private Outcome run(FakeProbe probe) {
        return check.run(probe, Policy.defaults());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // Windows defaults
            "uac-default.txt | PASS | prompt for consent for non-Windows binaries",
            // EnableLUA 0
            "uac-off.txt | FAIL | User Account Control is off (EnableLUA = 0)",
            // ConsentPromptBehaviorAdmin 0
            "uac-no-prompt.txt | WARN | elevate without any prompt",
            // cut off before EnableLUA: defaults apply
            "truncated.txt | PASS | User Account Control is on",
    })
    void decidesFromThePolicyValues(String fixture, Status status, String phrase) {
        Outcome o = run(windows().command(POLICIES, 0, Fixtures.output("windows/reg-query/" + fixture)));
        assertThat(o.status()).isEqualTo(status);
        assertThat(o.detail()).contains(phrase);
    }

    @Test
    void putsTheConsentSettingInTheFacts() {
        Outcome o = run(windows().command(POLICIES, 0, Fixtures.output("windows/reg-query/uac-no-prompt.txt")));
        assertThat(o.facts()).containsEntry("enable_lua", 1L).containsEntry("consent_prompt_behavior_admin", 0L)
                .containsEntry("consent_prompt", "elevate without prompting").containsEntry("prompt_on_secure_desktop", 1L);
    }

    @Test
    void reportsUnknownWhenTheKeyIsMissingUnreadableOrRegIsNot() {
        assertThat(run(windows().command(POLICIES, 1, "", Fixtures.output("windows/reg-query/not-found.txt"))).detail())
                .contains("does not exist");
        assertThat(run(windows().command(POLICIES, 1, "", Fixtures.output("windows/reg-query/access-denied.txt"))).detail())
                .contains("Access is denied");
        assertThat(run(windows()).detail()).isEqualTo("cannot read the UAC policy: command not found: reg");
        assertThat(run(windows().timedOut(POLICIES, Duration.ofSeconds(5))).status()).isEqualTo(Status.UNKNOWN);
        assertThat(run(windows().command(POLICIES, 0, Fixtures.output("windows/reg-query/garbled.txt"))).detail())
                .contains("expected `reg query` output");
    }

    @Test
    void decidesWithoutAdministratorRightsAndNotUnderRoot() {
        assertThat(run(windows().elevated(false).command(POLICIES, 0, Fixtures.output("windows/reg-query/uac-default.txt"))).status())
                .isEqualTo(Status.PASS);
        assertThat(run(windows().live(false)).status()).isEqualTo(Status.UNKNOWN);
    }
}
