package dev.vigil.server.view;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Decides the representation of a GET.
 *
 * <ol>
 *   <li>{@code ?format=json|text|html} wins; any other value is an error.</li>
 *   <li>A terminal client (User-Agent {@code curl/…}, {@code Wget/…} or {@code HTTPie/…}) gets text, unless its
 *       {@code Accept} makes {@code text/plain} unacceptable ({@code curl -H 'Accept: application/json'} gets JSON).</li>
 *   <li>Otherwise, of {@code application/json}, {@code text/plain} and {@code text/html}, the one the {@code Accept}
 *       header names explicitly with the highest q-value (q=0 means "not this"); on a tie, the first named.
 *       Browsers name {@code text/html} first.</li>
 *   <li>Otherwise (no {@code Accept}, or wildcards only): JSON.</li>
 * </ol>
 * As in RFC 9110, a media type's q-value is the one of the most specific range that matches it, and
 * parameters other than {@code q} are ignored.
 */
public final class Negotiation {

    private static final List<String> TERMINALS = List.of("curl/", "wget/", "httpie/");

    private Negotiation() {
    }

    /**
     * The representation for a request.
     *
     * @param format    the {@code format} query parameter, if given
     * @param accept    the {@code Accept} header, if given
     * @param userAgent the {@code User-Agent} header, if given
     * @throws IllegalArgumentException when {@code format} is not json, text or html (the message names them)
     */
    public static Representation decide(Optional<String> format, Optional<String> accept, Optional<String> userAgent) {
        if (format.isPresent()) {
            return Representation.of(format.get().strip());
        }
        List<Range> ranges = accept.map(Negotiation::parse).orElse(List.of());
        if (userAgent.map(Negotiation::terminal).orElse(false)
                && (ranges.isEmpty() || quality(ranges, "text", "plain") > 0)) {
            return Representation.TEXT;
        }
        Representation best = Representation.JSON;
        double bestQ = 0;
        for (Range r : ranges) {
            Optional<Representation> named = named(r);
            if (named.isPresent() && r.q > bestQ) {
                best = named.get();
                bestQ = r.q;
            }
        }
        return best;
    }

    /**
     * Whether a text body is coloured: {@code ?color=always|never} wins; otherwise colour goes only to a terminal
     * client (User-Agent curl, Wget or HTTPie), since anything else asking for text (a script sending
     * {@code Accept: text/plain}, a browser with {@code ?format=text}) would show the escape sequences raw.
     * {@code ?color=never} is the HTTP spelling of the {@code NO_COLOR} convention: {@code curl ...?color=never}.
     *
     * @throws IllegalArgumentException when {@code color} is not always or never (the message names them)
     */
    public static ColorMode color(Optional<String> color, Optional<String> userAgent) {
        if (color.isPresent()) {
            return ColorMode.of(color.get().strip());
        }
        return userAgent.map(Negotiation::terminal).orElse(false) ? ColorMode.ALWAYS : ColorMode.NEVER;
    }

    private static boolean terminal(String userAgent) {
        String ua = userAgent.strip().toLowerCase(Locale.ROOT);
        return TERMINALS.stream().anyMatch(ua::startsWith);
    }

    private static Optional<Representation> named(Range r) {
        return switch (r.type + "/" + r.subtype) {
            case "application/json" -> Optional.of(Representation.JSON);
            case "text/plain" -> Optional.of(Representation.TEXT);
            case "text/html" -> Optional.of(Representation.HTML);
            default -> Optional.empty();
        };
    }

    /** One media range of an Accept header. */
    private record Range(String type, String subtype, double q) {
        /** 2 for type/subtype, 1 for type/*, 0 for *&#47;*, -1 when it does not match. */
        int specificity(String t, String s) {
            if (type.equals("*")) {
                return 0;
            }
            if (!type.equals(t)) {
                return -1;
            }
            return subtype.equals("*") ? 1 : subtype.equals(s) ? 2 : -1;
        }
    }

    /** The q-value the ranges give a media type: the most specific matching range's, 0 when none matches. */
    private static double quality(List<Range> ranges, String type, String subtype) {
        int best = -1;
        double q = 0;
        for (Range r : ranges) {
            int s = r.specificity(type, subtype);
            if (s > best) {
                best = s;
                q = r.q;
            }
        }
        return q;
    }

    /** The media ranges of an Accept header, in order; malformed elements are skipped. */
    private static List<Range> parse(String header) {
        List<Range> out = new ArrayList<>();
        for (String element : header.split(",")) {
            String[] parts = element.split(";");
            String mediaType = parts[0].strip().toLowerCase(Locale.ROOT);
            int slash = mediaType.indexOf('/');
            if (slash <= 0 || slash == mediaType.length() - 1) {
                continue;
            }
            double q = 1;
            for (int i = 1; i < parts.length; i++) {
                String p = parts[i].strip();
                if (p.length() > 2 && Character.toLowerCase(p.charAt(0)) == 'q' && p.charAt(1) == '=') {
                    q = qvalue(p.substring(2).strip());
                }
            }
            out.add(new Range(mediaType.substring(0, slash).strip(), mediaType.substring(slash + 1).strip(), q));
        }
        return out;
    }

    /** A q-value, clamped to 0..1; an unparseable one counts as 0 (not acceptable) rather than failing the request. */
    private static double qvalue(String text) {
        try {
            double q = Double.parseDouble(text);
            return Double.isNaN(q) ? 0 : Math.clamp(q, 0, 1);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
