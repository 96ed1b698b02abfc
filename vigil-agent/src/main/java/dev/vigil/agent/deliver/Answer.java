package dev.vigil.agent.deliver;

import java.time.Duration;
import java.util.Optional;

/** What became of one attempt to hand a report to the kernel: a closed set, so every caller decides every case. */
public sealed interface Answer {

    /** The kernel holds the report: 201 when this attempt stored it, 200 when an earlier one had. */
    record Accepted(boolean duplicate, Receipt receipt) implements Answer {
    }

    /** The kernel will never accept this report (400, 413, 422, ...): resending it cannot help. */
    record Rejected(KernelProblem problem) implements Answer {
    }

    /**
     * The kernel refuses this client, not this report: a wrong or revoked token (401, 403), a URL that is not a
     * kernel's (404, 405), a certificate that is not trusted. The report is fine; the configuration must change.
     */
    record Refused(String reason) implements Answer {
    }

    /** The kernel could not take it now (5xx, 408, 429, no connection, no answer in time); try again later. */
    record Unavailable(String reason, Optional<Duration> retryAfter) implements Answer {
        public Unavailable {
            retryAfter = retryAfter.filter(d -> !d.isNegative());
        }
    }
}
