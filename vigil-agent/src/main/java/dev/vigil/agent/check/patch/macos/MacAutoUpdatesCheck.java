package dev.vigil.agent.check.patch.macos;

import com.dd.plist.NSDictionary;
import dev.vigil.agent.check.Outcome;
import dev.vigil.agent.check.ParseException;
import dev.vigil.agent.check.PlatformCheck;
import dev.vigil.agent.check.macos.PlistSource;
import dev.vigil.agent.check.macos.Plists;
import dev.vigil.agent.policy.Policy;
import dev.vigil.agent.probe.HostProbe;
import dev.vigil.core.report.OsFamily;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code patch.auto-updates} on macOS: Software Update checks for updates, downloads them, and installs
 * security responses, security data files and macOS updates by itself. Each setting comes from a
 * configuration profile ({@code /Library/Managed Preferences/com.apple.SoftwareUpdate.plist}) when one sets
 * it, else from {@code /Library/Preferences/com.apple.SoftwareUpdate.plist}, else the macOS default (see
 * {@link SoftwareUpdatePrefs.Setting}). Checking off is a failure; checking on with any installation off is
 * a warning. App Store app updates ({@code AutoUpdate} in {@code com.apple.commerce.plist}) are reported as
 * a fact only.
 */
public final class MacAutoUpdatesCheck extends PlatformCheck {

    static final String PLIST = MacPendingUpdatesCheck.PLIST;
    static final String MANAGED = "/Library/Managed Preferences/com.apple.SoftwareUpdate.plist";
    static final String COMMERCE = "/Library/Preferences/com.apple.commerce.plist";

    public MacAutoUpdatesCheck() {
        super("patch.auto-updates", OsFamily.MACOS);
    }

    /** Where a setting's effective value came from. */
    enum Source {
        MANAGED, LOCAL, DEFAULT
    }

    /** A setting's effective value and its source. */
    record Effective(boolean on, Source source) {
    }

    @Override
    public Outcome run(HostProbe probe, Policy policy) {
        Map<SoftwareUpdatePrefs.Setting, Boolean> local;
        Map<SoftwareUpdatePrefs.Setting, Boolean> managed;
        try {
            Optional<Map<SoftwareUpdatePrefs.Setting, Boolean>> l = settings(probe, PLIST);
            Optional<Map<SoftwareUpdatePrefs.Setting, Boolean>> m = settings(probe, MANAGED);
            local = l.orElse(Map.of());
            managed = m.orElse(Map.of());
        } catch (Unusable e) {
            return Outcome.unknown(e.getMessage());
        }
        Map<String, Object> extra = new LinkedHashMap<>();
        appStore(probe).ifPresent(v -> extra.put("app_store_auto_update", v));
        return evaluate(effective(local, managed), extra);
    }

    /** The effective value of every setting: managed over local over the macOS default. */
    static Map<SoftwareUpdatePrefs.Setting, Effective> effective(Map<SoftwareUpdatePrefs.Setting, Boolean> local,
                                                                 Map<SoftwareUpdatePrefs.Setting, Boolean> managed) {
        Map<SoftwareUpdatePrefs.Setting, Effective> out = new EnumMap<>(SoftwareUpdatePrefs.Setting.class);
        for (SoftwareUpdatePrefs.Setting s : SoftwareUpdatePrefs.Setting.values()) {
            out.put(s, managed.containsKey(s) ? new Effective(managed.get(s), Source.MANAGED)
                    : local.containsKey(s) ? new Effective(local.get(s), Source.LOCAL)
                    : new Effective(s.macosDefault(), Source.DEFAULT));
        }
        return out;
    }

    /** Pure: the effective settings to a finding. */
    static Outcome evaluate(Map<SoftwareUpdatePrefs.Setting, Effective> settings, Map<String, Object> extra) {
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, Object> sources = new LinkedHashMap<>();
        List<String> off = new ArrayList<>();
        settings.forEach((s, e) -> {
            values.put(s.key(), e.on());
            sources.put(s.key(), e.source().name().toLowerCase(java.util.Locale.ROOT));
            if (!e.on() && s != SoftwareUpdatePrefs.Setting.AUTOMATIC_CHECK) {
                off.add(s.does() + " (" + s.key() + (e.source() == Source.DEFAULT ? ", off by default" : "") + ")");
            }
        });
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("settings", values);
        facts.put("sources", sources);
        facts.putAll(extra);
        Effective check = settings.get(SoftwareUpdatePrefs.Setting.AUTOMATIC_CHECK);
        if (!check.on()) {
            return Outcome.fail("Software Update does not check for updates automatically (AutomaticCheckEnabled is off"
                    + (check.source() == Source.MANAGED ? ", set by a configuration profile" : "") + ").", facts);
        }
        if (!off.isEmpty()) {
            return Outcome.warn("Software Update checks automatically but does not " + String.join(", ", off) + ".", facts);
        }
        return Outcome.pass("Software Update checks, downloads and installs security responses, security data and macOS updates automatically.", facts);
    }

    private static Optional<Map<SoftwareUpdatePrefs.Setting, Boolean>> settings(HostProbe probe, String path) throws Unusable {
        return switch (PlistSource.read(probe, path)) {
            case PlistSource.Read.Text(String text, String via) -> {
                try {
                    yield Optional.of(SoftwareUpdatePlistParser.parseSettings(text));
                } catch (ParseException e) {
                    throw new Unusable(path + ": " + e.getMessage());
                }
            }
            case PlistSource.Read.Missing m -> Optional.empty();
            case PlistSource.Read.Failed(String reason) -> throw new Unusable(reason);
        };
    }

    /** App Store app updates, when the commerce preferences say; a fact only, so any problem leaves it out. */
    private static Optional<Boolean> appStore(HostProbe probe) {
        if (PlistSource.read(probe, COMMERCE) instanceof PlistSource.Read.Text(String text, String via)) {
            try {
                NSDictionary d = Plists.dictionary(text, "com.apple.commerce.plist");
                return Plists.bool(d, "AutoUpdate");
            } catch (ParseException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** A preferences file that exists but cannot be used. */
    private static final class Unusable extends Exception {
        Unusable(String message) {
            super(message);
        }
    }
}
