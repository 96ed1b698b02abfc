package dev.vigil.agent.deliver;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.core.json.ReportCodec;

/**
 * Why the kernel said no: its RFC 9457 problem document when it sent one, else the status and the start of the body.
 *
 * @param status the HTTP status
 * @param title  the problem's title, or the status's reason
 * @param detail what exactly was wrong (the kernel names the field, the control or the limit)
 * @param body   the body as received, for keeping beside a rejected report
 */
public record KernelProblem(int status, String title, String detail, String body) {

    private static final int EXCERPT = 300;

    /** Reads a problem document, tolerating bodies that are not one (a proxy's error page). */
    static KernelProblem from(int status, String body) {
        String text = body == null ? "" : body;
        try {
            JsonNode doc = ReportCodec.instance().tree(text);
            if (doc != null && doc.isObject() && (doc.has("detail") || doc.has("title"))) {
                return new KernelProblem(status, doc.path("title").asText(reason(status)), doc.path("detail").asText(""), text);
            }
        } catch (RuntimeException notJson) {
            // an HTML or plain-text error page: fall through and quote it
        }
        String excerpt = text.strip().replaceAll("\\s+", " ");
        if (excerpt.length() > EXCERPT) {
            excerpt = excerpt.substring(0, EXCERPT) + "...";
        }
        return new KernelProblem(status, reason(status), excerpt, text);
    }

    /** One line for people: {@code 400 Bad request: findings[2].control: control 'x' is not in the catalog}. */
    public String message() {
        return status + " " + title + (detail.isBlank() ? "" : ": " + detail);
    }

    private static String reason(int status) {
        return switch (status) {
            case 400 -> "Bad request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 408 -> "Request timeout";
            case 413 -> "Request body too large";
            case 415 -> "Unsupported media type";
            case 422 -> "Unprocessable content";
            case 429 -> "Too many requests";
            case 500 -> "Internal server error";
            case 502 -> "Bad gateway";
            case 503 -> "Service unavailable";
            case 504 -> "Gateway timeout";
            default -> "HTTP status";
        };
    }
}
