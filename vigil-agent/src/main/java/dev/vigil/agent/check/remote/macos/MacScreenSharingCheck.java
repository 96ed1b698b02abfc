package dev.vigil.agent.check.remote.macos;

import dev.vigil.agent.check.Need;
import dev.vigil.agent.check.Outcome;
import dev.vigil.agent.check.PlatformCheck;
import dev.vigil.agent.policy.Policy;
import dev.vigil.agent.probe.FileResult;
import dev.vigil.agent.probe.HostProbe;
import dev.vigil.core.report.OsFamily;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code remote.screen-sharing} on macOS: Screen Sharing or Remote Management (Apple Remote Desktop) on?
 *
 * <p>Both serve the screen through {@code com.apple.screensharing} (VNC on port 5900), whose launchd state
 * {@link LaunchdService} reads; Remote Management also writes {@code enabled} to {@value #ARD_MARKER} when it is
 * activated (kickstart deletes the file on deactivation). Either on: FAIL, since a screen-sharing service takes
 * full control of the desktop and, with "VNC viewers may control screen with password", accepts an eight-character
 * VNC password that tools guess quickly; CIS's macOS benchmark wants both off. Off: PASS.
 */
public final class MacScreenSharingCheck extends PlatformCheck {

    static final String LABEL = "com.apple.screensharing";
    static final String ARD_MARKER = "/Library/Application Support/Apple/Remote Desktop/RemoteManagement.launchd";

    public MacScreenSharingCheck() {
        super("remote.screen-sharing", OsFamily.MACOS, Need.LIVE_SYSTEM);
    }

    @Override
    public Outcome run(HostProbe probe, Policy policy) {
        LaunchdService.State launchd = LaunchdService.query(probe, LABEL);
        Map<String, Object> facts = new LinkedHashMap<>();
        launchd.addFacts("screensharing", facts);
        boolean ard = switch (probe.readFile(ARD_MARKER)) {
            case FileResult.Content c -> {
                String text = c.text().strip();
                facts.put("remote_management_marker", text.isEmpty() ? "(empty)" : text);
                yield text.toLowerCase(Locale.ROOT).startsWith("enabled");
            }
            case FileResult.Missing m -> {
                facts.put("remote_management_marker", "absent");
                yield false;
            }
            case FileResult other -> {
                facts.put("remote_management_marker", other.describe());
                yield false;
            }
        };
        facts.put("remote_management", ard);
        List<String> on = new ArrayList<>();
        if (ard) {
            on.add("Remote Management (Apple Remote Desktop) is activated");
        }
        if (launchd.loaded() instanceof LaunchdService.Loaded.Yes) {
            on.add("launchd has the screen sharing service loaded (VNC, port 5900)");
        } else if (launchd.on()) {
            on.add("launchd's override enables the screen sharing service at the next boot");
        }
        if (!on.isEmpty()) {
            return Outcome.fail("Screen Sharing or Remote Management is on: " + String.join("; ", on) + ".", facts);
        }
        if (launchd.off()) {
            return Outcome.pass("Screen Sharing and Remote Management are off.", facts);
        }
        return Outcome.unknown("cannot tell whether Screen Sharing is on: " + launchd.undecided(), facts);
    }
}
