package dev.vigil.agent.check.patch.windows;

import dev.vigil.agent.check.Need;
import dev.vigil.agent.check.Outcome;
import dev.vigil.agent.check.PlatformCheck;
import dev.vigil.agent.policy.Policy;
import dev.vigil.agent.probe.Command;
import dev.vigil.agent.probe.HostProbe;
import dev.vigil.agent.check.windows.Registry;
import dev.vigil.agent.check.windows.RegValue;
import dev.vigil.core.report.OsFamily;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
public final class WindowsPendingRebootCheck extends PlatformCheck {

    static final String CBS_KEY = "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Component Based Servicing\\RebootPending";
    static final String WU_KEY = "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\WindowsUpdate\\Auto Update\\RebootRequired";
    static final String SESSION_MANAGER = "HKLM\\SYSTEM\\CurrentControlSet\\Control\\Session Manager";
    static final String PENDING_RENAMES = "PendingFileRenameOperations";
    static final Command CBS = Registry.key(CBS_KEY);
    static final Command WU = Registry.key(WU_KEY);
    static final Command RENAMES = Registry.value(SESSION_MANAGER, PENDING_RENAMES);

    public WindowsPendingRebootCheck() {
        super("patch.pending-reboot", OsFamily.WINDOWS, Need.LIVE_SYSTEM);
    }

    @Override
    public Outcome run(HostProbe probe, Policy policy) {
        return evaluate(Registry.read(probe.run(CBS)), Registry.read(probe.run(WU)), Registry.read(probe.run(RENAMES)));
    }

    /** Pure: the three registry reads to a finding. */
    static Outcome evaluate(Registry.Read cbs, Registry.Read wu, Registry.Read renames) {
        List<String> signals = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Map<String, Object> facts = new LinkedHashMap<>();
        if (present(cbs, "Component Based Servicing RebootPending", problems)) {
            signals.add("cbs_reboot_pending");
        }
        if (present(wu, "Windows Update RebootRequired", problems)) {
            signals.add("windows_update_reboot_required");
            if (wu instanceof Registry.Read.Found f) {
                facts.put("updates_awaiting_reboot", f.key().values().size());
            }
        }
        int renameCount = switch (renames) {
            case Registry.Read.Found f -> f.key().value(PENDING_RENAMES).map(WindowsPendingRebootCheck::operations).orElse(0);
            case Registry.Read.Absent a -> 0;
            case Registry.Read.Failed x -> {
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

    private static boolean present(Registry.Read read, String name, List<String> problems) {
        return switch (read) {
            case Registry.Read.Found f -> true;
            case Registry.Read.Absent a -> false;
            case Registry.Read.Failed x -> {
                problems.add(name + ": " + x.reason());
                yield false;
            }
        };
    }
}
