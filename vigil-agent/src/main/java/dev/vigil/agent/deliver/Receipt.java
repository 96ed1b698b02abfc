package dev.vigil.agent.deliver;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The kernel's acknowledgement of a report: which host it filed it under, the score, and what regressed against
 * the host's previous report.
 */
public record Receipt(String reportId, String hostId, int score, List<Regression> regressions) {

    public Receipt {
        Objects.requireNonNull(reportId, "report_id");
        Objects.requireNonNull(hostId, "host_id");
        regressions = List.copyOf(regressions);
    }

    /** A control that got worse: {@code from} and {@code to} are statuses as the report spells them. */
    public record Regression(String control, String title, String from, String to, String detail) {
    }

    /** One line for people: {@code score 61, 1 regression: firewall.enabled PASS -> FAIL}. */
    public String describe() {
        if (regressions.isEmpty()) {
            return "score " + score + ", no regressions";
        }
        StringBuilder sb = new StringBuilder("score " + score + ", " + regressions.size()
                + (regressions.size() == 1 ? " regression: " : " regressions: "));
        for (int i = 0; i < regressions.size(); i++) {
            Regression r = regressions.get(i);
            sb.append(i == 0 ? "" : "; ").append(r.control()).append(' ').append(r.from()).append(" -> ").append(r.to());
        }
        return sb.toString();
    }

    /** The receipt in an ingest answer, or empty when the body is not one (then the answer is not an acknowledgement). */
    static Optional<Receipt> parse(JsonNode body) {
        if (body == null || !body.path("report_id").isTextual() || !body.path("host_id").isTextual()
                || !body.path("score").isInt()) {
            return Optional.empty();
        }
        List<Regression> regressions = new ArrayList<>();
        for (JsonNode r : body.path("regressions")) {
            regressions.add(new Regression(r.path("control").asText(), r.path("title").asText(),
                    r.path("from").asText("-"), r.path("to").asText("-"), r.path("detail").asText()));
        }
        return Optional.of(new Receipt(body.path("report_id").asText(), body.path("host_id").asText(),
                body.path("score").asInt(), regressions));
    }
}
