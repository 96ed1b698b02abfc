package dev.vigil.agent.check.patch.macos;

import dev.vigil.agent.check.Outcome;
import dev.vigil.agent.check.ParseException;
import dev.vigil.agent.check.PlatformCheck;
import dev.vigil.agent.check.macos.PlistSource;
import dev.vigil.agent.policy.Policy;
import dev.vigil.agent.probe.HostProbe;
import dev.vigil.core.report.OsFamily;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code patch.pending-updates} on macOS: the updates Software Update's last check recommended
 * ({@code RecommendedUpdates} and {@code LastRecommendedUpdatesAvailable} in
 * {@code /Library/Preferences/com.apple.SoftwareUpdate.plist}), judged with the age of that check
 * ({@code LastSuccessfulDate}). A security update (its name says "Security", including Rapid Security
 * Responses) or a macOS update (which needs a restart and carries the point release's security fixes) is a
 * failure; other updates are a warning.
 */
public final class MacPendingUpdatesCheck extends PlatformCheck {

    static final String PLIST = "/Library/Preferences/com.apple.SoftwareUpdate.plist";

    public MacPendingUpdatesCheck() {
        super("patch.pending-updates", OsFamily.MACOS);
    }

    @Override
    public Outcome run(HostProbe probe, Policy policy) {
        SoftwareUpdatePrefs prefs;
        String via;
        switch (PlistSource.read(probe, PLIST)) {
            case PlistSource.Read.Text(String text, String how) -> {
                try {
                    prefs = SoftwareUpdatePlistParser.parse(text);
                } catch (ParseException e) {
                    return Outcome.unknown(e.getMessage());
                }
                via = how;
            }
            case PlistSource.Read.Missing m -> {
                return Outcome.unknown(PLIST + " does not exist: Software Update has never recorded a check here");
            }
            case PlistSource.Read.Failed(String reason) -> {
                return Outcome.unknown(reason);
            }
        }
        return evaluate(prefs, probe.now(), policy, via);
    }

    /** Pure: the preferences, the moment the host was observed and the policy, to a finding. */
    static Outcome evaluate(SoftwareUpdatePrefs prefs, Instant now, Policy policy, String via) {
        List<String> security = new ArrayList<>();
        List<String> other = new ArrayList<>();
        for (SoftwareUpdatePrefs.RecommendedUpdate u : prefs.recommended()) {
            (isSecurityRelevant(u) ? security : other).add(u.label());
        }
        long listed = prefs.recommended().size();
        long count = Math.max(listed, prefs.recommendedCount().orElse(listed));
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("recommended_updates", count);
        facts.put("security_updates", security);
        facts.put("other_updates", other);
        facts.put("identifiers", prefs.recommended().stream().map(SoftwareUpdatePrefs.RecommendedUpdate::identifier).toList());
        facts.put("max_check_age_days", policy.packageListMaxAgeDays());
        facts.put("source", via);
        if (prefs.lastSuccessfulCheck().isEmpty()) {
            facts.put("last_successful_check", "never");
            if (!security.isEmpty()) {
                return Outcome.fail(plural(security.size(), "security update") + " pending (" + String.join(", ", security)
                        + "), and Software Update has never completed a check.", facts);
            }
            return Outcome.warn("Software Update has never completed a check (no LastSuccessfulDate), so pending updates are not known.", facts);
        }
        Instant checked = prefs.lastSuccessfulCheck().get();
        long ageDays = Math.max(0, Duration.between(checked, now).toDays());
        boolean stale = ageDays > policy.packageListMaxAgeDays();
        facts.put("last_successful_check", checked.toString());
        facts.put("check_age_days", ageDays);
        String when = "last check " + ago(ageDays)
                + (stale ? " (older than " + policy.packageListMaxAgeDays() + " days), so the list may be out of date" : "");
        if (!security.isEmpty()) {
            return Outcome.fail(plural(security.size(), "security or macOS update") + " pending (" + String.join(", ", security)
                    + (count > security.size() ? "; " + count + " recommended in all" : "") + "); " + when + ".", facts);
        }
        if (count > 0) {
            String which = other.isEmpty() ? "not listed by name" : String.join(", ", other);
            return Outcome.warn(plural(count, "recommended update") + " pending (" + which
                    + "), none of them a security or macOS update; " + when + ".", facts);
        }
        if (stale) {
            return Outcome.warn("No recommended updates pending, but " + when + ".", facts);
        }
        return Outcome.pass("No recommended updates pending; " + when + ".", facts);
    }

    /**
     * Security updates by name ("Security Update 2024-001", "Rapid Security Response", "Background Security
     * Improvement"), and macOS updates by their identifier ({@code MSU_UPDATE_…}, macOS 11+) or name: they
     * restart the Mac and carry the release's security fixes.
     */
    static boolean isSecurityRelevant(SoftwareUpdatePrefs.RecommendedUpdate u) {
        String name = u.name().toLowerCase(Locale.ROOT);
        String id = u.identifier().toLowerCase(Locale.ROOT);
        return name.contains("security") || id.contains("security") || id.startsWith("msu_update_")
                || name.startsWith("macos ") || name.startsWith("os x ") || name.startsWith("mac os x ");
    }

    static String ago(long days) {
        return days == 0 ? "today" : days == 1 ? "1 day ago" : days + " days ago";
    }

    static String plural(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
