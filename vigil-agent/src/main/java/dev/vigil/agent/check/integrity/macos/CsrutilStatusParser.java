package dev.vigil.agent.check.integrity.macos;

import dev.vigil.agent.check.ParseException;
import dev.vigil.agent.check.macos.Plists;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses {@code csrutil status}: {@code System Integrity Protection status: enabled.} or {@code disabled.},
 * or for a custom configuration {@code enabled (Custom Configuration).} (macOS 10.11-10.15) or
 * {@code unknown (Custom Configuration).} (macOS 11+), followed by {@code Configuration:} and one line per
 * protection ({@code Filesystem Protections: disabled}).
 */
final class CsrutilStatusParser {

    private static final Pattern STATUS = Pattern.compile(
            "^System Integrity Protection status: (?<state>enabled|disabled|unknown)(?: \\((?<note>[^)]*)\\))?\\.?$");
    private static final Pattern ITEM = Pattern.compile("^(?<name>[A-Za-z][A-Za-z -]*[A-Za-z]): (?<value>enabled|disabled)$");

    private CsrutilStatusParser() {
    }

    static SipStatus parse(String text) throws ParseException {
        SipStatus.State state = null;
        List<String> disabled = new ArrayList<>();
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            Matcher s = STATUS.matcher(line);
            if (s.matches()) {
                if (state != null) {
                    throw new ParseException("`csrutil status` printed its status line twice");
                }
                boolean custom = s.group("note") != null && s.group("note").contains("Custom Configuration");
                state = switch (s.group("state")) {
                    case "enabled" -> custom ? SipStatus.State.CUSTOM : SipStatus.State.ENABLED;
                    case "disabled" -> SipStatus.State.DISABLED;
                    default -> {
                        if (!custom) {
                            throw new ParseException("`csrutil status` says the status is unknown without a custom configuration: "
                                    + Plists.abbreviate(line));
                        }
                        yield SipStatus.State.CUSTOM;
                    }
                };
                continue;
            }
            Matcher item = ITEM.matcher(line);
            if (state != null && item.matches() && item.group("value").equals("disabled")) {
                disabled.add(item.group("name"));
            }
        }
        if (state == null) {
            throw new ParseException("unrecognised output from `csrutil status`, expected 'System Integrity Protection status: "
                    + "enabled.' or 'disabled.', got: " + Plists.abbreviate(text.strip()));
        }
        if (state == SipStatus.State.CUSTOM && disabled.isEmpty()) {
            throw new ParseException("truncated `csrutil status` output: a custom configuration without its list of protections");
        }
        return new SipStatus(state, disabled);
    }
}
