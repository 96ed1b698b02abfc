package dev.vigil.agent.check.patch.windows;

import dev.vigil.agent.check.Check;
import dev.vigil.agent.check.Need;
import dev.vigil.agent.check.Outcome;
import dev.vigil.agent.policy.Policy;
import dev.vigil.agent.probe.Command;
import dev.vigil.agent.probe.HostProbe;
import dev.vigil.agent.windows.RegQuery;
import dev.vigil.agent.windows.RegValue;
import dev.vigil.core.report.OsFamily;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code patch.pending-reboot} on Windows, from three registry signals that need no administrator rights:
 * <ul>
 *   <li>the Component Based Servicing {@code RebootPending} key: the servicing stack has staged updates (cumulative
 *       updates, features) that finish only at the next restart;</li>
 *   <li>the Windows Update {@code Auto Update\RebootRequired} key: Windows Update installed updates that need a
 *       restart (its values are the update ids);</li>
 *   <li>{@code PendingFileRenameOperations} under {@code Session Manager}: files to be replaced or deleted at the
 *       next boot.</li>
 * </ul>
 * Either of the first two fails the control: patched code is not running yet. Pending file renames alone are a
 * warning: installers, drivers and antivirus updates leave them as often as Windows updates do, so they say a
 * restart is due, not that security updates wait for one.
 */
public final class WindowsPendingRebootCheck implements Check {

    static final String CBS_KEY = "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Component Based Servicing\\RebootPending";
    static final String WU_KEY = "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\WindowsUpdate\\Auto Update\\RebootRequired";
    static final String SESSION_MANAGER = "HKLM\\SYSTEM\\CurrentControlSet\\Control\\Session Manager";
    static final String PENDING_RENAMES = "PendingFileRenameOperations";
    static final Command CBS = RegQuery.key(CBS_KEY);
    static final Command WU = RegQuery.key(WU_KEY);
    static final Command RENAMES = RegQuery.value(SESSION_MANAGER, PENDING_RENAMES);

    @Override
    public String control() {
        return "patch.pending-reboot";
    }

    @Override
    public Set<OsFamily> platforms() {
        return Set.of(OsFamily.WINDOWS);
    }

    @Override
    public Set<Need> needs() {
        return Set.of(Need.LIVE_SYSTEM);
    }

    @Override
    public Outcome run(HostProbe probe, Policy policy) {
        return evaluate(RegQuery.read(probe.run(CBS)), RegQuery.read(probe.run(WU)), RegQuery.read(probe.run(RENAMES)));
    }

    /** Pure: the three registry reads to a finding. */
    static Outcome evaluate(RegQuery.Read cbs, RegQuery.Read wu, RegQuery.Read renames) {
        List<String> signals = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Map<String, Object> facts = new LinkedHashMap<>();
        if (present(cbs, "Component Based Servicing RebootPending", problems)) {
            signals.add("cbs_reboot_pending");
        }
        if (present(wu, "Windows Update RebootRequired", problems)) {
            signals.add("windows_update_reboot_required");
            if (wu instanceof RegQuery.Read.Found f) {
                facts.put("updates_awaiting_reboot", f.key().values().size());
            }
        }
        int renameCount = switch (renames) {
            case RegQuery.Read.Found f -> f.key().value(PENDING_RENAMES).map(WindowsPendingRebootCheck::operations).orElse(0);
            case RegQuery.Read.Absent a -> 0;
            case RegQuery.Read.Failed x -> {
                problems.add(PENDING_RENAMES + ": " + x.reason());
                yield 0;
            }
        };
        if (renameCount > 0) {
            signals.add("pending_file_rename_operations");
            facts.put("pending_file_renames", renameCount);
        }
        facts.put("signals", List.copyOf(signals));
        boolean updates = signals.contains("cbs_reboot_pending") || signals.contains("windows_update_reboot_required");
        if (updates) {
            List<String> said = new ArrayList<>();
            if (signals.contains("cbs_reboot_pending")) {
                said.add("the servicing stack (Component Based Servicing\\RebootPending)");
            }
            if (signals.contains("windows_update_reboot_required")) {
                said.add("Windows Update (Auto Update\\RebootRequired)");
            }
            return Outcome.fail("Reboot pending: installed updates wait for a restart, says "
                    + String.join(" and ", said) + ".", facts);
        }
        if (!problems.isEmpty()) {
            facts.put("problems", List.copyOf(problems));
            return Outcome.unknown("cannot tell whether a reboot is pending: " + String.join("; ", problems), facts);
        }
        if (renameCount > 0) {
            return Outcome.warn("A restart is due: " + renameCount + " file operation(s) wait for the next boot "
                    + "(PendingFileRenameOperations), though no update flags a reboot.", facts);
        }
        return Outcome.pass("No reboot pending: neither the servicing stack nor Windows Update flags one, and no file "
                + "operations wait for the next boot.", facts);
    }

    /** PendingFileRenameOperations holds pairs (source, target; an empty target deletes the source). */
    static int operations(RegValue value) {
        return (value.parts().size() + 1) / 2;
    }

    private static boolean present(RegQuery.Read read, String name, List<String> problems) {
        return switch (read) {
            case RegQuery.Read.Found f -> true;
            case RegQuery.Read.Absent a -> false;
            case RegQuery.Read.Failed x -> {
                problems.add(name + ": " + x.reason());
                yield false;
            }
        };
    }
}
