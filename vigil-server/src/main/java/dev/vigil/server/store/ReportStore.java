package dev.vigil.server.store;

import dev.vigil.core.catalog.Catalog;
import dev.vigil.core.json.ReportCodec;
import dev.vigil.core.report.Report;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The kernel's durable store: an append-only log of reports with the latest report per host, the control
 * catalog, and API tokens (hashes only).
 *
 * <p>Every write method returns only after its transaction has committed durably; concurrent writers may be
 * batched into one transaction. All methods are thread-safe. Failures of the underlying database surface as
 * {@link StoreException}.
 */
public interface ReportStore extends AutoCloseable {

    /** What happened when the store was opened: created, opened, or recovered from a damaged file. */
    OpenOutcome outcome();

    /**
     * Stores one report, idempotently on its report id.
     *
     * <p>The first ingest of a report id stores it and returns {@link IngestResult.Kind#STORED}; any later ingest
     * of the same id stores nothing and returns the same result with {@link IngestResult.Kind#DUPLICATE}.
     * The host's latest report becomes this one unless the host already has a report that finished later.
     *
     * @param report the validated report
     * @param json   its JSON encoding (UTF-8), stored verbatim (compressed) and returned by {@link #report(UUID)}
     * @return the result, once committed
     */
    default IngestResult ingest(Report report, byte[] json) {
        return ingestGzipped(report, Gzip.compress(json));
    }

    /**
     * Stores one report whose JSON arrived gzip-compressed, as {@link #ingest(Report, byte[])} does, keeping those
     * bytes as its compressed body instead of compressing it again.
     *
     * @param gzipJson its JSON encoding (UTF-8) as one gzip member, already checked to decompress to {@code report}
     */
    IngestResult ingestGzipped(Report report, byte[] gzipJson);

    /** Stores one report encoded with {@link ReportCodec}; see {@link #ingest(Report, byte[])}. */
    default IngestResult ingest(Report report) {
        return ingest(report, ReportCodec.instance().write(report).getBytes(StandardCharsets.UTF_8));
    }

    /** The report with this id, with its JSON as it was ingested. */
    Optional<StoredReport> report(UUID reportId);

    /**
     * One page of a host's reports, newest audit first (by finish time, then by report id: the order in which the
     * fleet view picks a host's latest, so the first entry of the first page is it).
     *
     * @param hostId the host
     * @param limit  at most this many entries, 1 to {@value #MAX_PAGE}
     * @param cursor empty for the first page, else {@link HistoryPage#next()} of the previous page
     * @throws IllegalArgumentException when the limit is out of range or the cursor is not one this store issued
     */
    HistoryPage history(String hostId, int limit, Optional<String> cursor);

    /** The largest page {@link #history} returns. */
    int MAX_PAGE = 1000;

    /**
     * Streams every host's latest report in the form the fleet view needs, cheaply: host, agent, times, and each
     * finding's control, status and severity, with the control's catalog title and a placeholder detail (no facts,
     * no evidence). Summaries and scores equal the full reports'. For rebuilding the fleet view at start.
     */
    void latestDigests(Consumer<? super Report> sink);

    /**
     * One report in the digest form of {@link #latestDigests}: enough to tell what changed since it (statuses,
     * severities), at a fraction of the cost of {@link #report}.
     */
    Optional<Report> digest(UUID reportId);

    /** Replaces the whole catalog with this one, in one transaction; reports are untouched. */
    void seedCatalog(Catalog catalog);

    /** The stored catalog, in catalog order. */
    Catalog catalog();

    /**
     * Creates an API token. The plaintext is in the result only; the store keeps its SHA-256 hash and last
     * four characters.
     */
    NewToken createToken(String name, Scope scope);

    /** All tokens, revoked ones included, oldest first; never a plaintext token. */
    List<TokenInfo> tokens();

    /**
     * Revokes a token by id.
     *
     * @return true when an active token was revoked, false when there is no such id or it was already revoked
     */
    boolean revokeToken(String id);

    /**
     * The active token matching the presented plaintext, compared in constant time; empty for anything else.
     * A token created or revoked through this store counts at once; through another store on the same data (another
     * process), within about a tenth of a second.
     */
    Optional<TokenInfo> authenticate(String presented);

    /**
     * A token with this scope that authenticates through this store in this process only, until closed: never
     * written, never listed by {@link #tokens}. The kernel warms its request path with one before it listens.
     */
    ProcessToken processToken(Scope scope);

    /** Finishes queued writes, commits them, and closes the database. Idempotent. */
    @Override
    void close();
}
