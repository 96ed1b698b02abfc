package dev.vigil.agent.check.patch.windows;

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

class WindowsPendingRebootCheckTest {

    private static final List<String> CBS = WindowsPendingRebootCheck.CBS.argv();
    private static final List<String> WU = WindowsPendingRebootCheck.WU.argv();
    private static final List<String> RENAMES = WindowsPendingRebootCheck.RENAMES.argv();
    private static final String NOT_FOUND = Fixtures.output("windows/reg-query/not-found.txt");
    private final WindowsPendingRebootCheck check = new WindowsPendingRebootCheck();

    /** A Windows host where reg answers "not found" for all three, unless planted otherwise afterwards. */
    private static FakeProbe clean() {
        return FakeProbe.linux().family(OsFamily.WINDOWS)
                .command(CBS, 1, "", NOT_FOUND).command(WU, 1, "", NOT_FOUND).command(RENAMES, 1, "", NOT_FOUND);
    }

    private static String reg(String fixture) {
        return Fixtures.output("windows/reg-query/" + fixture);
    }

    @Test
    void reportsPassWhenNoSignalIsSet() {
        Outcome o = check.run(clean(), Policy.defaults());
        assertThat(o.status()).isEqualTo(Status.PASS);
        assertThat(o.facts()).containsEntry("signals", List.of());
    }

    @Test
    void reportsFailWhenTheServicingStackHasARebootPending() {
        Outcome o = check.run(clean().command(CBS, 0, reg("cbs-rebootpending-present.txt")), Policy.defaults());
        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.detail()).contains("Component Based Servicing\\RebootPending");
        assertThat(o.facts()).containsEntry("signals", List.of("cbs_reboot_pending"));
    }

    @Test
    void reportsFailWithBothUpdateSignalsAndCountsTheUpdates() {
        Outcome o = check.run(clean().command(CBS, 0, reg("cbs-rebootpending-present.txt"))
                .command(WU, 0, reg("wu-rebootrequired-present.txt"))
                .command(RENAMES, 0, reg("pending-file-rename.txt")), Policy.defaults());
        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.facts()).containsEntry("updates_awaiting_reboot", 2).containsEntry("pending_file_renames", 2)
                .containsEntry("signals", List.of("cbs_reboot_pending", "windows_update_reboot_required", "pending_file_rename_operations"));
    }

    @Test
    void reportsWarnWhenOnlyFileRenamesArePending() {
        Outcome o = check.run(clean().command(RENAMES, 0, reg("pending-file-rename.txt")), Policy.defaults());
        assertThat(o.status()).isEqualTo(Status.WARN);
        assertThat(o.detail()).contains("2 file operation(s)");
    }

    @Test
    void readsAnEmptyRenameListAsNothingPending() {
        assertThat(check.run(clean().command(RENAMES, 0, reg("pending-file-rename-empty.txt")), Policy.defaults()).status())
                .isEqualTo(Status.PASS);
    }

    @Test
    void reportsUnknownWhenAKeyCannotBeReadAndNothingElseIsPending() {
        Outcome o = check.run(clean().command(WU, 1, "", reg("access-denied.txt")), Policy.defaults());
        assertThat(o.status()).isEqualTo(Status.UNKNOWN);
        assertThat(o.detail()).contains("Windows Update RebootRequired").contains("Access is denied");
    }

    @Test
    void aSetSignalDecidesEvenWhenAnotherCannotBeRead() {
        Outcome o = check.run(clean().command(CBS, 0, reg("cbs-rebootpending-present.txt"))
                .timedOut(RENAMES, Duration.ofSeconds(5)), Policy.defaults());
        assertThat(o.status()).isEqualTo(Status.FAIL);
    }

    @Test
    void reportsUnknownWhenRegIsMissing() {
        Outcome o = check.run(FakeProbe.linux().family(OsFamily.WINDOWS), Policy.defaults());
        assertThat(o.status()).isEqualTo(Status.UNKNOWN);
        assertThat(o.detail()).contains("command not found: reg");
    }

    @Test
    void reportsUnknownUnderRootAndDecidesWithoutAdministratorRights() {
        assertThat(check.run(clean().live(false), Policy.defaults()).status()).isEqualTo(Status.UNKNOWN);
        assertThat(check.run(clean().elevated(false), Policy.defaults()).status()).isEqualTo(Status.PASS);
    }
}
