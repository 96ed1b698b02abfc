package dev.vigil.agent.check.patch.windows;

import dev.vigil.agent.check.Need;
import dev.vigil.agent.check.Outcome;
import dev.vigil.agent.check.ParseException;
import dev.vigil.agent.check.PlatformCheck;
import dev.vigil.agent.policy.Policy;
import dev.vigil.agent.probe.Command;
import dev.vigil.agent.probe.CommandResult;
import dev.vigil.agent.probe.HostProbe;
import dev.vigil.agent.check.windows.PowerShellError;
import dev.vigil.core.report.OsFamily;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code patch.last-update} on Windows: how long ago the newest update listed by {@code Get-HotFix} was
 * installed, judged at the moment the host was observed. A machine whose newest update is months old misses
 * every security fix released since, whatever its update settings say.
 */
public final class WindowsLastUpdateCheck extends PlatformCheck {

    static final Command HOTFIX = Command.powershell(HotFixParser.SCRIPT);

    public WindowsLastUpdateCheck() {
        super("patch.last-update", OsFamily.WINDOWS, Need.LIVE_SYSTEM);
    }

    @Override
    public Outcome run(HostProbe probe, Policy policy) {
        UpdateAgeLimits limits = new UpdateAgeLimits(policy.updateMaxAgeDays(), policy.updateStaleAgeDays());
        return switch (probe.run(HOTFIX)) {
            case CommandResult.Completed c when c.ok() -> {
                try {
                    yield evaluate(HotFixParser.parse(c.stdout()), probe.now(), limits);
                } catch (ParseException e) {
                    yield Outcome.unknown("unrecognised output from Get-HotFix: " + e.getMessage());
                }
            }
            case CommandResult.Completed c -> Outcome.unknown("Get-HotFix failed: "
                    + PowerShellError.first(c.stderr()).map(PowerShellError::message).orElse(c.describe()));
            case CommandResult r -> Outcome.unknown(r.describe());
        };
    }

    /** Pure: the listed updates and the observation time to a finding. */
    static Outcome evaluate(HotFixParser.HotFixes fixes, Instant now, UpdateAgeLimits limits) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("updates_listed", fixes.count());
        facts.put("updates_without_date", fixes.undated().size());
        facts.put("pass_max_age_days", limits.passDays());
        facts.put("warn_max_age_days", limits.warnDays());
        if (fixes.count() == 0) {
            return Outcome.unknown("Get-HotFix lists no installed updates, so the age of the newest cannot be told.", facts);
        }
        if (fixes.newest().isEmpty()) {
            return Outcome.unknown("None of the " + fixes.count() + " updates Get-HotFix lists has an install date.", facts);
        }
        HotFix newest = fixes.newest().get();
        long age = Math.max(0, Duration.between(newest.installedOn(), now).toDays());
        String day = newest.installedOn().atOffset(ZoneOffset.UTC).toLocalDate().toString();
        facts.put("newest_update", newest.id());
        facts.put("newest_update_description", newest.description());
        facts.put("installed_on", day);
        facts.put("age_days", age);
        String said = "The newest installed update, " + newest.id() + ", was installed on " + day + " (" + age + " days ago)";
        if (age <= limits.passDays()) {
            return Outcome.pass(said + ".", facts);
        }
        if (age <= limits.warnDays()) {
            return Outcome.warn(said + ": at least one monthly security release has been missed.", facts);
        }
        return Outcome.fail(said + ": more than " + limits.warnDays() + " days without updates.", facts);
    }
}
