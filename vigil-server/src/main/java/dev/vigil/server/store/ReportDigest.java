package dev.vigil.server.store;

import dev.vigil.core.report.AgentInfo;
import dev.vigil.core.report.Finding;
import dev.vigil.core.report.Host;
import dev.vigil.core.report.OsFamily;
import dev.vigil.core.report.OsInfo;
import dev.vigil.core.report.Report;
import dev.vigil.core.report.Severity;
import dev.vigil.core.report.Status;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UTFDataFormatException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The parts of a report that the fleet view keeps, in a few hundred bytes: host, agent, times, and each
 * finding's control, status and severity. Stored beside each host's latest report so that a kernel
 * rebuilds its view of 100,000 hosts without decompressing and parsing 100,000 full reports.
 *
 * <p>{@link #decode} gives back a {@link Report} whose findings have their control's catalog title and a
 * placeholder detail, and no facts or evidence: the same statuses, severities and score as the original,
 * and nothing a person should be shown.
 */
final class ReportDigest {

    private static final int FORMAT = 1;
    private static final String DETAIL = "(digest: the full finding is in the stored report)";
    private static final Status[] STATUSES = Status.values();
    private static final Severity[] SEVERITIES = Severity.values();
    private static final OsFamily[] FAMILIES = OsFamily.values();

    private ReportDigest() {
    }

    /**
     * The digest of a report; empty when a text field is too long for it (over 64 KB of UTF-8), in which case the
     * fleet view is rebuilt from the full report.
     */
    static Optional<byte[]> encode(Report r) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + 32 * r.findings().size());
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            out.writeLong(r.reportId().getMostSignificantBits());
            out.writeLong(r.reportId().getLeastSignificantBits());
            Host h = r.host();
            out.writeUTF(h.id());
            out.writeUTF(h.hostname());
            out.writeByte(h.os().family().ordinal());
            out.writeUTF(h.os().name());
            out.writeUTF(h.os().version());
            out.writeUTF(h.arch());
            out.writeUTF(r.agent().version());
            writeInstant(out, r.startedAt());
            writeInstant(out, r.finishedAt());
            out.writeBoolean(r.elevated());
            out.writeShort(r.findings().size());
            for (Finding f : r.findings()) {
                out.writeUTF(f.control());
                out.writeByte(f.status().ordinal());
                out.writeByte(f.severity().ordinal());
            }
        } catch (UTFDataFormatException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Optional.of(bytes.toByteArray());
    }

    /**
     * The report as far as the digest keeps it.
     *
     * @param titleOf a control's title (the catalog's), or empty text when the catalog lacks it
     * @throws IllegalArgumentException when the bytes are not a digest this version wrote
     */
    static Report decode(byte[] digest, Function<String, String> titleOf) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(digest))) {
            int format = in.readUnsignedByte();
            if (format != FORMAT) {
                throw new IllegalArgumentException("digest format " + format + " is not " + FORMAT);
            }
            UUID reportId = new UUID(in.readLong(), in.readLong());
            String hostId = in.readUTF();
            String hostname = in.readUTF();
            OsFamily family = FAMILIES[in.readUnsignedByte()];
            OsInfo os = new OsInfo(family, in.readUTF(), in.readUTF());
            Host host = new Host(hostId, hostname, os, in.readUTF());
            AgentInfo agent = new AgentInfo(in.readUTF());
            Instant started = readInstant(in);
            Instant finished = readInstant(in);
            boolean elevated = in.readBoolean();
            int n = in.readUnsignedShort();
            List<Finding> findings = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                String control = in.readUTF();
                Status status = STATUSES[in.readUnsignedByte()];
                Severity severity = SEVERITIES[in.readUnsignedByte()];
                String title = titleOf.apply(control);
                findings.add(new Finding(control, status, severity, title == null || title.isEmpty() ? control : title,
                        DETAIL, null, null, 0));
            }
            if (in.available() != 0) {
                throw new IllegalArgumentException("digest has " + in.available() + " trailing bytes");
            }
            return Report.of(reportId, host, agent, started, finished, elevated, findings);
        } catch (IOException | IndexOutOfBoundsException | java.time.DateTimeException e) {
            throw new IllegalArgumentException("damaged report digest: " + e, e);
        }
    }

    private static void writeInstant(DataOutputStream out, Instant t) throws IOException {
        out.writeLong(t.getEpochSecond());
        out.writeInt(t.getNano());
    }

    private static Instant readInstant(DataInputStream in) throws IOException {
        return Instant.ofEpochSecond(in.readLong(), in.readInt());
    }
}
