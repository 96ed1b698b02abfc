package dev.vigil.agent.check.firewall.macos;

import dev.vigil.agent.check.ParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the output of {@code socketfilterfw --getglobalstate}, {@code --getstealthmode}, {@code --getblockall}
 * (and {@code --getallowsigned}), alone or several in one output. Wordings differ by macOS version:
 * <pre>
 * Firewall is enabled. (State = 1)            Firewall is disabled. (State = 0)
 * Firewall is blocking all non-essential incoming connections. (State = 2)
 * Stealth mode enabled / Stealth mode disabled                     (up to macOS 14)
 * Firewall stealth mode is on / Firewall stealth mode is off       (macOS 15 and later)
 * Block all ENABLED! / Block all DISABLED!                         (older)
 * Firewall has block all state set to enabled. / … disabled.       (newer)
 * Automatically allow built-in signed software ENABLED.
 * Firewall settings cannot be modified from command line on managed Mac computers.
 * </pre>
 * Other lines (logging mode, app lists) are ignored. An output that states no setting at all is unusable.
 */
final class SocketFilterFwParser {

    private static final Pattern GLOBAL = Pattern.compile("firewall is (enabled|disabled)\\.?\\s*(?:\\(state\\s*=\\s*(\\d+)\\))?\\.?");
    private static final Pattern BLOCKING = Pattern.compile(
            "firewall is (?:blocking|set to block) all non-essential (?:incoming )?connections\\.?\\s*(?:\\(state\\s*=\\s*(\\d+)\\))?\\.?");
    private static final Pattern STEALTH = Pattern.compile("(?:firewall )?stealth mode (?:is )?(enabled|disabled|on|off)\\.?");
    private static final Pattern BLOCK_ALL = Pattern.compile("(?:block all (enabled|disabled)!?|firewall has block all state set to (enabled|disabled)\\.?)");
    private static final Pattern SIGNED = Pattern.compile("automatically allow (built-in|downloaded) signed software (enabled|disabled)\\.?");
    private static final String MANAGED = "firewall settings cannot be modified from command line on managed mac computers";

    private SocketFilterFwParser() {
    }

    static AlfSettings parse(String text) throws ParseException {
        Optional<Boolean> enabled = Optional.empty();
        OptionalInt state = OptionalInt.empty();
        Optional<Boolean> blockAll = Optional.empty();
        Optional<Boolean> stealth = Optional.empty();
        Optional<Boolean> builtIn = Optional.empty();
        Optional<Boolean> downloaded = Optional.empty();
        boolean managed = false;
        for (String raw : text.split("\\R")) {
            String line = raw.strip().toLowerCase(Locale.ROOT);
            Matcher m;
            if ((m = GLOBAL.matcher(line)).matches()) {
                enabled = Optional.of(m.group(1).equals("enabled"));
                state = number(m.group(2), line);
                if (state.isPresent() && (state.getAsInt() == 0) == enabled.get()) {
                    throw new ParseException("contradictory global state: '" + raw.strip() + "'");
                }
            } else if ((m = BLOCKING.matcher(line)).matches()) {
                enabled = Optional.of(true);
                blockAll = Optional.of(true);
                state = number(m.group(1), line);
            } else if ((m = STEALTH.matcher(line)).matches()) {
                stealth = Optional.of(on(m.group(1)));
            } else if ((m = BLOCK_ALL.matcher(line)).matches()) {
                blockAll = Optional.of(on(m.group(1) != null ? m.group(1) : m.group(2)));
            } else if ((m = SIGNED.matcher(line)).matches()) {
                Optional<Boolean> value = Optional.of(on(m.group(2)));
                if (m.group(1).equals("built-in")) {
                    builtIn = value;
                } else {
                    downloaded = value;
                }
            } else if (line.startsWith(MANAGED)) {
                managed = true;
            }
        }
        if (enabled.isEmpty() && blockAll.isEmpty() && stealth.isEmpty() && builtIn.isEmpty() && downloaded.isEmpty()) {
            String first = text.strip().lines().findFirst().orElse("");
            throw new ParseException("expected a firewall state line such as `Firewall is enabled. (State = 1)`, `Stealth mode enabled` or "
                    + "`Firewall has block all state set to disabled.`, got " + (first.isEmpty() ? "empty output"
                            : managed ? "only the refusal for managed Macs" : "'" + (first.length() > 120 ? first.substring(0, 120) + "…" : first) + "'"));
        }
        return new AlfSettings(enabled, state, blockAll, stealth, builtIn, downloaded, managed);
    }

    private static boolean on(String word) {
        return word.equals("enabled") || word.equals("on");
    }

    private static OptionalInt number(String digits, String line) throws ParseException {
        if (digits == null) {
            return OptionalInt.empty();
        }
        if (digits.length() > 2 || Integer.parseInt(digits) > 2) {
            throw new ParseException("expected State = 0, 1 or 2 in '" + line + "'");
        }
        return OptionalInt.of(Integer.parseInt(digits));
    }
}
