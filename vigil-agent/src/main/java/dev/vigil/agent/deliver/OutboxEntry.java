package dev.vigil.agent.deliver;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One report waiting in the outbox.
 *
 * @param file     its file, {@code <sequence>-<report_id>.json}
 * @param sequence the order it was received in (sending follows it)
 * @param reportId the report's id
 * @param size     its size in bytes
 */
public record OutboxEntry(Path file, long sequence, String reportId, long size) {
    public OutboxEntry {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(reportId, "report_id");
    }
}
