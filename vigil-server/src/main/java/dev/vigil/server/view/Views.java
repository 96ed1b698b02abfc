package dev.vigil.server.view;

import dev.vigil.core.diff.ControlChange;
import dev.vigil.core.diff.ReportDiff;
import dev.vigil.core.report.OsInfo;
import dev.vigil.core.report.Status;
import dev.vigil.server.fleet.HostStatus;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

/** What the text and HTML views share: the API's paths and how values are spelled. */
final class Views {

    static final String SUMMARY = "/";
    static final String HOSTS = "/api/v1/hosts";
    static final String CONTROLS = "/api/v1/controls";
    static final String REPORTS = "/api/v1/reports";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private Views() {
    }

    static ResourceUrl host(String hostId) {
        return ResourceUrl.of(HOSTS + "/" + ResourceUrl.encode(hostId));
    }

    static ResourceUrl report(UUID reportId) {
        return ResourceUrl.of(REPORTS + "/" + reportId);
    }

    static ResourceUrl control(String controlId) {
        return ResourceUrl.of(CONTROLS + "/" + ResourceUrl.encode(controlId));
    }

    static String time(Instant t) {
        return TIME.format(t);
    }

    /** The OS name, with its version unless the name already says it. */
    static String os(OsInfo os) {
        return os.version().isBlank() || os.name().contains(os.version()) ? os.name() : os.name() + " " + os.version();
    }

    static String status(Status s) {
        return s == Status.NOT_APPLICABLE ? "N/A" : s.name();
    }

    /** A titled list of a diff's changes, in the order both views show them. */
    record ChangeGroup(String title, List<ControlChange> changes) {
    }

    static List<ChangeGroup> changeGroups(ReportDiff d) {
        return List.of(new ChangeGroup("Regressions", d.regressions()), new ChangeGroup("Fixes", d.fixes()),
                new ChangeGroup("Other changes", d.changed()), new ChangeGroup("New controls", d.added()),
                new ChangeGroup("Removed controls", d.removed()));
    }

    static String status(HostStatus s) {
        return s.name();
    }
}
