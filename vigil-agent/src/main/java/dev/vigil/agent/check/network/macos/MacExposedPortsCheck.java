package dev.vigil.agent.check.network.macos;

import dev.vigil.agent.check.Need;
import dev.vigil.agent.check.Outcome;
import dev.vigil.agent.check.ParseException;
import dev.vigil.agent.check.PlatformCheck;
import dev.vigil.agent.check.network.ExposedPorts;
import dev.vigil.agent.check.network.Listener;
import dev.vigil.agent.policy.Policy;
import dev.vigil.agent.probe.Command;
import dev.vigil.agent.probe.CommandResult;
import dev.vigil.agent.probe.HostProbe;
import dev.vigil.core.report.OsFamily;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code network.exposed-ports} on macOS: TCP listeners from {@code lsof -nP -iTCP -sTCP:LISTEN -F pcnt}, judged by
 * their bound address like on Linux: loopback only (127.0.0.0/8, ::1) is not exposed; a high-risk port (policy)
 * reachable beyond loopback fails, any other exposed port warns.
 *
 * <p>lsof without root lists only the current user's processes, so system daemons (sshd, screensharingd, smbd) are
 * invisible. Without root the check still reports what it did see when that already exposes a port (FAIL or WARN,
 * with {@code visibility} in the facts), but it never passes: "nothing exposed" is then UNKNOWN ("requires root").
 * lsof exits 1 with no output when nothing listens at all.
 */
public final class MacExposedPortsCheck extends PlatformCheck {

    static final Command LSOF_LISTEN = Command.of("/usr/sbin/lsof", "-nP", "-iTCP", "-sTCP:LISTEN", "-F", "pcnt");

    public MacExposedPortsCheck() {
        super("network.exposed-ports", OsFamily.MACOS, Need.LIVE_SYSTEM);
    }

    @Override
    public Outcome run(HostProbe probe, Policy policy) {
        List<Listener> listeners;
        switch (probe.run(LSOF_LISTEN)) {
            case CommandResult.Completed c when c.ok() || nothingMatched(c) -> {
                try {
                    listeners = LsofListenParser.parse(c.stdout());
                } catch (ParseException e) {
                    return Outcome.unknown("unrecognised output from `" + LSOF_LISTEN.display() + "`: " + e.getMessage());
                }
            }
            case CommandResult other -> {
                return Outcome.unknown(other.describe());
            }
        }
        return evaluate(listeners, policy.highRiskPorts(), probe.elevated());
    }

    /** lsof exits 1 when no open file matched; warnings (e.g. about unreachable file systems) may come with it. */
    private static boolean nothingMatched(CommandResult.Completed c) {
        return c.exitCode() == 1 && c.stdout().isBlank()
                && c.stderr().lines().allMatch(l -> l.isBlank() || l.startsWith("lsof: WARNING"));
    }

    /** Pure: lsof's listeners to a finding; without root only the current user's processes were visible. */
    static Outcome evaluate(List<Listener> listeners, Set<Integer> highRisk, boolean everyProcessVisible) {
        if (everyProcessVisible) {
            return ExposedPorts.evaluate(listeners, highRisk, Map.of(), new ExposedPorts.Coverage.Complete());
        }
        return ExposedPorts.evaluate(listeners, highRisk,
                Map.of("visibility", "only the current user's processes: lsof sees other users' and system processes only as root"),
                new ExposedPorts.Coverage.Partial(" (only the current user's processes were visible: not root)",
                        "requires root: without it lsof lists only the current user's processes"));
    }
}
