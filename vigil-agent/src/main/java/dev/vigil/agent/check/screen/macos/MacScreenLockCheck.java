package dev.vigil.agent.check.screen.macos;

import com.dd.plist.NSDictionary;
import dev.vigil.agent.check.Outcome;
import dev.vigil.agent.check.ParseException;
import dev.vigil.agent.check.PlatformCheck;
import dev.vigil.agent.check.macos.PlistSource;
import dev.vigil.agent.check.macos.Plists;
import dev.vigil.agent.policy.Policy;
import dev.vigil.agent.probe.Command;
import dev.vigil.agent.probe.CommandResult;
import dev.vigil.agent.probe.HostProbe;
import dev.vigil.core.report.OsFamily;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code screen.lock} on macOS: a password is required at once (or within {@value #MAX_GRACE_SECONDS}
 * seconds) after the screen saver starts or the display sleeps. A configuration profile that sets
 * {@code askForPassword} decides, since it is enforced for every user; otherwise the console user's setting
 * from {@code sysadminctl -screenLock status}. Since macOS 10.13 the user's own setting is no longer in
 * {@code com.apple.screensaver}, so that file is not read.
 */
public final class MacScreenLockCheck extends PlatformCheck {

    static final int MAX_GRACE_SECONDS = 5;
    static final String MANAGED = "/Library/Managed Preferences/com.apple.screensaver.plist";
    static final Command SYSADMINCTL = Command.of("/usr/sbin/sysadminctl", "-screenLock", "status");

    public MacScreenLockCheck() {
        super("screen.lock", OsFamily.MACOS);
    }

    @Override
    public Outcome run(HostProbe probe, Policy policy) {
        String managedProblem = "";
        switch (PlistSource.read(probe, MANAGED)) {
            case PlistSource.Read.Text(String text, String via) -> {
                try {
                    Optional<ScreenLock> managed = managed(text);
                    if (managed.isPresent()) {
                        return evaluate(managed.get(), "configuration profile");
                    }
                } catch (ParseException e) {
                    managedProblem = "; the configuration profile's settings are unreadable: " + e.getMessage();
                }
            }
            case PlistSource.Read.Missing m -> {
            }
            case PlistSource.Read.Failed(String reason) -> managedProblem = "; " + reason;
        }
        return switch (probe.run(SYSADMINCTL)) {
            case CommandResult.Completed c when c.ok() -> {
                try {
                    yield evaluate(SysadminctlScreenLockParser.parse(c.stderr() + "\n" + c.stdout()), "sysadminctl");
                } catch (ParseException e) {
                    yield Outcome.unknown(e.getMessage() + managedProblem);
                }
            }
            case CommandResult r -> Outcome.unknown(r.describe() + managedProblem);
        };
    }

    /** The lock a profile enforces, when it sets {@code askForPassword}; a delay alone enforces nothing. */
    static Optional<ScreenLock> managed(String plist) throws ParseException {
        NSDictionary d = Plists.dictionary(plist, "com.apple.screensaver (managed)");
        Optional<Boolean> ask = Plists.bool(d, "askForPassword");
        if (ask.isEmpty()) {
            return Optional.empty();
        }
        if (!ask.get()) {
            return Optional.of(new ScreenLock.Off());
        }
        long delay = Plists.integer(d, "askForPasswordDelay").orElse(0L);
        return Optional.of(delay <= 0 ? new ScreenLock.Immediate() : new ScreenLock.After(delay));
    }

    static Outcome evaluate(ScreenLock lock, String source) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("source", source);
        facts.put("max_delay_seconds", MAX_GRACE_SECONDS);
        return switch (lock) {
            case ScreenLock.Immediate i -> {
                facts.put("password_required", true);
                facts.put("delay_seconds", 0);
                yield Outcome.pass("A password is required immediately after sleep or the screen saver (" + source + ").", facts);
            }
            case ScreenLock.After(long s) when s <= MAX_GRACE_SECONDS -> {
                facts.put("password_required", true);
                facts.put("delay_seconds", s);
                yield Outcome.pass("A password is required " + s + " seconds after sleep or the screen saver (" + source + ").", facts);
            }
            case ScreenLock.After(long s) -> {
                facts.put("password_required", true);
                facts.put("delay_seconds", s);
                yield Outcome.warn("A password is required only " + human(s) + " after sleep or the screen saver starts, "
                        + "longer than " + MAX_GRACE_SECONDS + " seconds (" + source + ").", facts);
            }
            case ScreenLock.Off o -> {
                facts.put("password_required", false);
                yield Outcome.fail("No password is required after sleep or the screen saver (" + source + ").", facts);
            }
        };
    }

    private static String human(long seconds) {
        return seconds % 60 == 0 && seconds >= 60 ? seconds / 60 + (seconds == 60 ? " minute" : " minutes") : seconds + " seconds";
    }
}
