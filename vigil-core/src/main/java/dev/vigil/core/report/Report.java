package dev.vigil.core.report;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One audit of one host: the contract between agent and kernel, serialized as {@code vigil.report/1}.
 *
 * @param schema     always {@link #SCHEMA}
 * @param reportId   unique per audit
 * @param host       the audited machine
 * @param agent      the agent that ran the audit
 * @param startedAt  when the audit started (UTC)
 * @param finishedAt when it finished (UTC), not before {@code startedAt}
 * @param elevated   whether the audit ran with administrator or root privileges
 * @param findings   one per control, in catalog order
 * @param summary    counts and score, consistent with the findings
 */
public record Report(
        String schema,
        UUID reportId,
        Host host,
        AgentInfo agent,
        Instant startedAt,
        Instant finishedAt,
        boolean elevated,
        List<Finding> findings,
        Summary summary) {

    /** The schema identifier this version of the contract writes and reads. */
    public static final String SCHEMA = "vigil.report/1";

    public Report {
        if (!SCHEMA.equals(schema)) {
            throw new IllegalArgumentException("unsupported report schema '" + schema + "', expected " + SCHEMA);
        }
        Objects.requireNonNull(reportId, "report_id");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(startedAt, "started_at");
        Objects.requireNonNull(finishedAt, "finished_at");
        if (finishedAt.isBefore(startedAt)) {
            throw new IllegalArgumentException("finished_at " + finishedAt + " is before started_at " + startedAt);
        }
        findings = List.copyOf(Objects.requireNonNull(findings, "findings"));
        Objects.requireNonNull(summary, "summary");
    }

    /** A report whose summary is computed from its findings. */
    public static Report of(UUID reportId, Host host, AgentInfo agent, Instant startedAt, Instant finishedAt,
                            boolean elevated, List<Finding> findings) {
        return new Report(SCHEMA, reportId, host, agent, startedAt, finishedAt, elevated, findings, Summary.of(findings));
    }
}
