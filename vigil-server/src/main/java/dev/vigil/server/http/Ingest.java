package dev.vigil.server.http;

import dev.vigil.core.catalog.Catalog;
import dev.vigil.core.diff.ControlChange;
import dev.vigil.core.diff.ReportDiff;
import dev.vigil.core.json.ReportCodec;
import dev.vigil.core.json.ReportFormatException;
import dev.vigil.core.report.Finding;
import dev.vigil.core.report.Report;
import dev.vigil.core.report.Summary;
import dev.vigil.server.fleet.ApplyResult;
import dev.vigil.server.fleet.FleetView;
import dev.vigil.server.metrics.IngestMetrics;
import dev.vigil.server.store.IngestResult;
import dev.vigil.server.store.ReportStore;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code POST /api/v1/reports}: read the body (bounded), parse it, check the rules the schema cannot express,
 * store it durably, and only then apply it to the fleet view. The answer is computed from what the store says,
 * so a retry of the same report id gets the same body (with 200 instead of 201).
 */
final class Ingest implements Endpoint {

    /** How far in the future a report's {@code finished_at} may be (agent clocks drift). */
    static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);

    private final ReportStore store;
    private final FleetView fleet;
    private final Catalog catalog;
    private final InstantSource clock;
    private final long bodyLimit;
    private final IngestMetrics metrics;

    Ingest(ReportStore store, FleetView fleet, Catalog catalog, InstantSource clock, long bodyLimit,
           IngestMetrics metrics) {
        this.store = store;
        this.fleet = fleet;
        this.catalog = catalog;
        this.clock = clock;
        this.bodyLimit = bodyLimit;
        this.metrics = metrics;
    }

    @Override
    public Object handle(Call call) {
        try {
            Created answer = ingest(call);
            metrics.record(answer.status() == 201 ? IngestMetrics.Outcome.STORED : IngestMetrics.Outcome.DUPLICATE);
            return answer;
        } catch (ApiException e) {
            metrics.record(e.problem().status() < 500 ? IngestMetrics.Outcome.REJECTED : IngestMetrics.Outcome.FAILED);
            throw e;
        } catch (RuntimeException e) {
            metrics.record(IngestMetrics.Outcome.FAILED);
            throw e;
        }
    }

    private Created ingest(Call call) {
        Body body = decode(call, read(call));
        Report report;
        try {
            report = ReportCodec.instance().read(body.json());
        } catch (ReportFormatException e) {
            Problem p = Problem.badRequest("invalid-report", e.getMessage());
            throw new ApiException(e.field().isEmpty() ? p : p.with("field", e.field()));
        }
        validate(report);
        IngestResult stored = body.gzip().isPresent() ? store.ingestGzipped(report, body.gzip().get())
                : store.ingest(report, body.json());
        Report effective = stored.kind() == IngestResult.Kind.STORED ? report
                : firstStored(stored.reportId(), body.json(), report);
        ApplyResult applied = fleet.apply(effective);
        List<ControlChange> regressions = regressions(stored, applied, effective);
        Documents.Ingested doc = new Documents.Ingested(stored.reportId(), stored.hostId(), stored.score(),
                stored.receivedAt(), regressions);
        return new Created(stored.kind() == IngestResult.Kind.STORED ? 201 : 200, doc);
    }

    /**
     * A retry is answered from what was stored the first time, even if its body differs. Usually it is the same
     * bytes, and then the report just parsed is that report: only a different body is parsed again (a 30 KB report
     * takes longer to parse than to read back and compare).
     */
    private Report firstStored(UUID reportId, byte[] json, Report parsed) {
        return store.report(reportId)
                .map(first -> Arrays.equals(first.json().getBytes(StandardCharsets.UTF_8), json) ? parsed : first.report())
                .orElse(parsed);
    }

    private byte[] read(Call call) {
        try (InputStream in = Content.Source.asInputStream(call.request())) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, bodyLimit + 1));
            if (bytes.length > bodyLimit) {
                throw new ApiException(Problem.tooLarge(bodyLimit));
            }
            return bytes;
        } catch (IOException | RuntimeException e) {
            if (e instanceof ApiException a) {
                throw a;
            }
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof HttpException h && h.getCode() == 413) {
                    throw new ApiException(Problem.tooLarge(bodyLimit));
                }
            }
            throw new ApiException(Problem.badRequest("unreadable-body", "the request body could not be read"));
        }
    }

    /** A request body: the report's JSON, and the gzip bytes it came in when the client compressed it. */
    private record Body(byte[] json, Optional<byte[]> gzip) {
    }

    /**
     * The JSON of a body sent as is ({@code identity}, or no Content-Encoding) or gzip-compressed; the size limit
     * holds for the JSON, however small its gzip. Any other coding is a 415 naming the ones taken.
     */
    private Body decode(Call call, byte[] raw) {
        String header = call.request().getHeaders().get(HttpHeader.CONTENT_ENCODING);
        String coding = header == null ? "" : header.strip().toLowerCase(Locale.ROOT);
        if (coding.isEmpty() || coding.equals("identity")) {
            return new Body(raw, Optional.empty());
        }
        if (!coding.equals("gzip") && !coding.equals("x-gzip")) {
            throw new ApiException(Problem.of(415, "unsupported-content-encoding", "Unsupported content encoding",
                            "Content-Encoding '" + Queries.abbreviate(header) + "' is not taken; send the report as is"
                                    + " or compressed with gzip alone (Content-Encoding: gzip)")
                    .with("accepted", List.of("gzip", "identity")));
        }
        try {
            return new Body(GzipMember.inflate(raw, bodyLimit), Optional.of(raw));
        } catch (GzipMember.InvalidException e) {
            throw new ApiException(Problem.badRequest("invalid-gzip", "the body is sent with Content-Encoding: gzip, "
                    + "but " + e.getMessage()));
        } catch (GzipMember.TooLargeException e) {
            throw new ApiException(
                    Problem.tooLarge(bodyLimit, " once decompressed (it came with Content-Encoding: gzip)"));
        }
    }

    /** The rules beyond the schema: a consistent summary, a sane finish time, known controls. */
    void validate(Report report) {
        Summary expected = Summary.of(report.findings());
        if (!expected.equals(report.summary())) {
            throw new ApiException(Problem.badRequest("inconsistent-summary",
                    "summary " + report.summary() + " does not match the findings, which give " + expected)
                    .with("field", "summary"));
        }
        Instant latest = clock.instant().plus(MAX_CLOCK_SKEW);
        if (report.finishedAt().isAfter(latest)) {
            throw new ApiException(Problem.badRequest("finished-in-future",
                    "finished_at " + report.finishedAt() + " is more than " + MAX_CLOCK_SKEW.toMinutes()
                            + " minutes after the server's time " + clock.instant()).with("field", "finished_at"));
        }
        List<Finding> findings = report.findings();
        for (int i = 0; i < findings.size(); i++) {
            String control = findings.get(i).control();
            if (!catalog.contains(control)) {
                throw new ApiException(Problem.badRequest("unknown-control",
                                "findings[" + i + "].control: control '" + Queries.abbreviate(control)
                                        + "' is not in the catalog")
                        .with("field", "findings[" + i + "].control").with("control", control));
            }
        }
    }

    /**
     * What got worse against the host's previous report (by finish time). The view's diff serves when it was
     * taken against that same report; otherwise (a retry, a report arriving out of order) the previous report
     * is read from the store. Both give the same regressions: their details come from the newer report.
     */
    private List<ControlChange> regressions(IngestResult stored, ApplyResult applied, Report report) {
        if (stored.previous().isEmpty()) {
            return List.of();
        }
        Optional<ReportDiff> viewDiff = applied.diff().filter(d -> d.fromReport().equals(stored.previous().get())
                && d.toReport().equals(report.reportId()));
        if (viewDiff.isPresent()) {
            return viewDiff.get().regressions();
        }
        // the digest has what a diff takes from the older report (statuses); the details come from the newer one
        return store.digest(stored.previous().get())
                .map(prev -> ReportDiff.between(prev, report).regressions())
                .orElse(List.of());
    }
}
