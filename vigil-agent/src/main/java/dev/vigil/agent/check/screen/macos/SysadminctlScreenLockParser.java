package dev.vigil.agent.check.screen.macos;

import dev.vigil.agent.check.ParseException;
import dev.vigil.agent.check.macos.Plists;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses {@code sysadminctl -screenLock status}, which writes one log line to standard error:
 * {@code 2024-03-04 10:15:22.123 sysadminctl[812:10234] screenLock delay is immediate}, {@code ... screenLock
 * delay is 300 seconds} or {@code ... screenLock is off}. The timestamp prefix is optional.
 */
final class SysadminctlScreenLockParser {

    private static final Pattern DELAY = Pattern.compile(
            "screenLock delay is (?:(?<immediate>immediate)|(?<n>[0-9]{1,9}) (?<unit>seconds?|minutes?))\\s*$");
    private static final Pattern OFF = Pattern.compile("screenLock is off\\s*$");

    private SysadminctlScreenLockParser() {
    }

    static ScreenLock parse(String text) throws ParseException {
        for (String line : text.split("\n")) {
            Matcher d = DELAY.matcher(line);
            if (d.find()) {
                if (d.group("immediate") != null) {
                    return new ScreenLock.Immediate();
                }
                long n = Long.parseLong(d.group("n"));
                return new ScreenLock.After(d.group("unit").startsWith("minute") ? n * 60 : n);
            }
            if (OFF.matcher(line).find()) {
                return new ScreenLock.Off();
            }
        }
        throw new ParseException("unrecognised output from `sysadminctl -screenLock status`, expected 'screenLock delay is "
                + "immediate', 'screenLock delay is N seconds' or 'screenLock is off', got: " + Plists.abbreviate(text.strip()));
    }
}
