package dev.vigil.agent.probe;

import dev.vigil.core.report.OsFamily;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code meta.json} of a replay folder: the platform, privileges, and the answers that are not
 * file contents or command outputs.
 */
record ReplayMeta(
        String format,
        OsFamily osFamily,
        String arch,
        boolean elevated,
        boolean live,
        Instant recordedAt,
        Map<String, RecordedStat> stats,
        Map<String, List<String>> listings,
        List<String> denied,
        Map<String, String> unreadable,
        Map<String, SocketOwner> socketOwners) {

    ReplayMeta {
        Objects.requireNonNull(osFamily, "os_family");
        arch = Objects.requireNonNullElse(arch, "x86_64");
        format = Objects.requireNonNullElse(format, ReplayFolder.FORMAT);
        recordedAt = Objects.requireNonNullElse(recordedAt, Instant.EPOCH);
        stats = stats == null ? Map.of() : Map.copyOf(stats);
        listings = listings == null ? Map.of() : Map.copyOf(listings);
        denied = denied == null ? List.of() : List.copyOf(denied);
        unreadable = unreadable == null ? Map.of() : Map.copyOf(unreadable);
        socketOwners = socketOwners == null ? Map.of() : Map.copyOf(socketOwners);
    }

    /** File metadata as stored in {@code meta.json}; mode is an octal string such as {@code "0640"}. */
    record RecordedStat(FileStat.Type type, String mode, int uid, int gid, long size, Instant modified) {
        RecordedStat {
            Objects.requireNonNull(type, "type");
            mode = Objects.requireNonNullElse(mode, "0644");
            modified = Objects.requireNonNullElse(modified, Instant.EPOCH);
        }

        static RecordedStat of(FileStat s) {
            return new RecordedStat(s.type(), s.octalMode(), s.uid(), s.gid(), s.size(), s.modified());
        }

        FileStat toStat(String path) {
            return new FileStat(path, type, Integer.parseInt(mode, 8), uid, gid, size, modified);
        }
    }

    /** A recorded command's {@code command.json}: the argv and how it ended. */
    record RecordedCommand(List<String> argv, Integer exitCode, Long timedOutAfterMs, String unavailable) {
        RecordedCommand {
            argv = List.copyOf(Objects.requireNonNull(argv, "argv"));
        }
    }
}
