package dev.vigil.agent.check.remote.macos;

import dev.vigil.agent.check.Need;
import dev.vigil.agent.check.Outcome;
import dev.vigil.agent.check.ParseException;
import dev.vigil.agent.check.PlatformCheck;
import dev.vigil.agent.check.remote.macos.SystemsetupRemoteLoginParser.Answer;
import dev.vigil.agent.policy.Policy;
import dev.vigil.agent.probe.Command;
import dev.vigil.agent.probe.CommandResult;
import dev.vigil.agent.probe.HostProbe;
import dev.vigil.core.report.OsFamily;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code remote.ssh} on macOS: is Remote Login (the OpenSSH server) on?
 *
 * <p>Sources: launchd's state of {@code com.openssh.sshd} (see {@link LaunchdService}; no root needed), and as root
 * {@code systemsetup -getremotelogin}. systemsetup alone is not trusted: without root it refuses (and exits 0), and on
 * recent macOS without Full Disk Access it can say Off while sshd is loaded; its "On" is believed. On: FAIL. An SSH
 * server on an endpoint accepts password logins from every network the Mac joins (macOS's sshd allows passwords, and
 * the application firewall lets Apple-signed sshd through by default); CIS's macOS benchmark wants it off, and a Mac
 * that must be reachable is an exception to record, not a pass. Off (not loaded, no enabling override): PASS.
 */
public final class MacRemoteLoginCheck extends PlatformCheck {

    static final String LABEL = "com.openssh.sshd";
    static final Command SYSTEMSETUP = Command.of("/usr/sbin/systemsetup", "-getremotelogin");

    public MacRemoteLoginCheck() {
        super("remote.ssh", OsFamily.MACOS, Need.LIVE_SYSTEM);
    }

    @Override
    public Outcome run(HostProbe probe, Policy policy) {
        LaunchdService.State launchd = LaunchdService.query(probe, LABEL);
        Map<String, Object> facts = new LinkedHashMap<>();
        launchd.addFacts("sshd", facts);
        Optional<Answer> systemsetup = probe.elevated() ? systemsetup(probe, facts) : Optional.empty();
        if (!probe.elevated()) {
            facts.put("systemsetup", "not asked: it requires root");
        }
        boolean saysOn = systemsetup.filter(a -> a == Answer.ON).isPresent();
        if (launchd.on() || saysOn) {
            return Outcome.fail("Remote Login (SSH server) is on: " + evidence(launchd, saysOn) + ".", facts);
        }
        if (launchd.off()) {
            return Outcome.pass("Remote Login (SSH server) is off: sshd is not loaded in launchd.", facts);
        }
        return Outcome.unknown("cannot tell whether Remote Login is on: " + launchd.undecided(), facts);
    }

    private static Optional<Answer> systemsetup(HostProbe probe, Map<String, Object> facts) {
        switch (probe.run(SYSTEMSETUP)) {
            case CommandResult.Completed c when c.ok() -> {
                try {
                    Answer a = SystemsetupRemoteLoginParser.parse(c.stdout());
                    facts.put("systemsetup", switch (a) {
                        case ON -> "On";
                        case OFF -> "Off";
                        case NEEDS_ADMINISTRATOR -> "refused: needs administrator access";
                    });
                    return Optional.of(a);
                } catch (ParseException e) {
                    facts.put("systemsetup", "unrecognised output: " + e.getMessage());
                }
            }
            case CommandResult other -> facts.put("systemsetup", other.describe());
        }
        return Optional.empty();
    }

    private static String evidence(LaunchdService.State launchd, boolean systemsetupOn) {
        if (launchd.loaded() instanceof LaunchdService.Loaded.Yes) {
            return "launchd has sshd loaded and starts it for every connection to port 22";
        }
        if (launchd.on()) {
            return "launchd's override enables sshd, so it is loaded at the next boot";
        }
        return "systemsetup -getremotelogin says On";
    }
}
