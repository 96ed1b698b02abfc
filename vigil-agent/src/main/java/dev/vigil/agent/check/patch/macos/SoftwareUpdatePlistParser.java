package dev.vigil.agent.check.patch.macos;

import com.dd.plist.NSDictionary;
import dev.vigil.agent.check.ParseException;
import dev.vigil.agent.check.macos.Plists;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Parses {@code com.apple.SoftwareUpdate.plist} (binary or XML): {@code LastRecommendedUpdatesAvailable},
 * {@code RecommendedUpdates} (each with {@code Display Name}, {@code Display Version}, {@code Identifier}),
 * {@code LastSuccessfulDate}, and the automatic-update settings. Other keys are ignored.
 */
final class SoftwareUpdatePlistParser {

    static final String WHAT = "com.apple.SoftwareUpdate.plist";

    private SoftwareUpdatePlistParser() {
    }

    static SoftwareUpdatePrefs parse(String text) throws ParseException {
        NSDictionary d = Plists.dictionary(text, WHAT);
        List<SoftwareUpdatePrefs.RecommendedUpdate> updates = new ArrayList<>();
        for (NSDictionary u : Plists.dictionaries(d, "RecommendedUpdates")) {
            Optional<String> name = Plists.string(u, "Display Name");
            Optional<String> id = Plists.string(u, "Identifier").or(() -> Plists.string(u, "Product Key"));
            if (name.isEmpty() && id.isEmpty()) {
                throw new ParseException(WHAT + ": a RecommendedUpdates entry has neither 'Display Name' nor 'Identifier'");
            }
            updates.add(new SoftwareUpdatePrefs.RecommendedUpdate(name.or(() -> id).orElseThrow(),
                    Plists.string(u, "Display Version").orElse(""), id.orElse("")));
        }
        Map<SoftwareUpdatePrefs.Setting, Boolean> settings = settings(d);
        return new SoftwareUpdatePrefs(Plists.integer(d, "LastRecommendedUpdatesAvailable"), updates,
                Plists.date(d, "LastSuccessfulDate"), settings);
    }

    /** The automatic-update settings present in {@code text} (a managed profile holds only some). */
    static Map<SoftwareUpdatePrefs.Setting, Boolean> parseSettings(String text) throws ParseException {
        return settings(Plists.dictionary(text, WHAT));
    }

    private static Map<SoftwareUpdatePrefs.Setting, Boolean> settings(NSDictionary d) throws ParseException {
        Map<SoftwareUpdatePrefs.Setting, Boolean> settings = new EnumMap<>(SoftwareUpdatePrefs.Setting.class);
        for (SoftwareUpdatePrefs.Setting s : SoftwareUpdatePrefs.Setting.values()) {
            Optional<Boolean> v = Plists.bool(d, s.key());
            if (v.isPresent()) {
                settings.put(s, v.get());
            }
        }
        return settings;
    }
}
