package dev.vigil.server.http;

import dev.vigil.core.report.OsFamily;
import dev.vigil.server.fleet.HostQuery;
import dev.vigil.server.fleet.HostStatus;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses query parameters; every bad value is a 400 problem naming the parameter. */
final class Queries {

    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d{1,9})([smhdw])");

    private Queries() {
    }

    static HostQuery hosts(Call call) {
        HostQuery q = HostQuery.all().withLimit(limit(call, HostQuery.DEFAULT_LIMIT, HostQuery.MAX_LIMIT));
        Optional<String> os = call.query("os");
        if (os.isPresent()) {
            q = q.withOs(parse("os", os.get(), OsFamily::of));
        }
        Optional<String> status = call.query("status");
        if (status.isPresent()) {
            q = q.withStatus(parse("status", status.get(), HostStatus::of));
        }
        Optional<String> failing = call.query("failing");
        if (failing.isPresent()) {
            q = q.withFailing(failing.get());
        }
        Optional<String> text = call.query("q");
        if (text.isPresent()) {
            q = q.withQ(text.get());
        }
        Optional<Duration> stale = duration(call, "stale");
        if (stale.isPresent()) {
            q = q.withStale(stale.get());
        }
        return q.withCursor(call.query("cursor"));
    }

    static int limit(Call call, int dflt, int max) {
        Optional<String> text = call.query("limit");
        if (text.isEmpty()) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(text.get());
            if (n >= 1 && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ApiException(Problem.invalidParameter("limit",
                "limit '" + text.get() + "' is not a whole number from 1 to " + max));
    }

    /** An ISO-8601 duration ({@code PT24H}, {@code P7D}) or a short one ({@code 90s}, {@code 30m}, {@code 24h}, {@code 7d}, {@code 2w}). */
    static Optional<Duration> duration(Call call, String name) {
        Optional<String> text = call.query(name);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        String s = text.get().strip();
        Matcher m = SHORT_DURATION.matcher(s.toLowerCase(Locale.ROOT));
        Duration d = null;
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            d = switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                case "d" -> Duration.ofDays(n);
                default -> Duration.ofDays(7 * n);
            };
        } else {
            try {
                d = Duration.parse(s);
            } catch (DateTimeParseException e) {
                // reported below
            }
        }
        if (d == null || d.isNegative()) {
            throw new ApiException(Problem.invalidParameter(name, name + " '" + s
                    + "' is not a duration such as 24h, 7d or PT24H"));
        }
        return Optional.of(d);
    }

    static Optional<UUID> uuid(Call call, String name) {
        return call.query(name).map(s -> uuid(name, s, true));
    }

    static UUID uuid(String name, String text, boolean parameter) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            String detail = name + " '" + abbreviate(text) + "' is not a UUID";
            throw new ApiException(parameter ? Problem.invalidParameter(name, detail)
                    : Problem.notFound(detail));
        }
    }

    private static <T> T parse(String name, String text, java.util.function.Function<String, T> parser) {
        try {
            return parser.apply(text);
        } catch (IllegalArgumentException e) {
            throw new ApiException(Problem.invalidParameter(name, name + ": " + e.getMessage()));
        }
    }

    static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60) + "...";
    }
}
