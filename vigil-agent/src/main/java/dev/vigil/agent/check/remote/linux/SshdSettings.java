package dev.vigil.agent.check.remote.linux;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The sshd settings the SSH checks judge, and where they came from.
 *
 * @param values    keyword (lowercase) to value (lowercase), for the keywords in {@link #KEYWORDS}
 * @param source    sshd's effective configuration, or the configuration files read here
 * @param files     the configuration files read, in order (empty for {@code sshd -T})
 * @param defaulted keywords set nowhere, so OpenSSH's default applies
 * @param notes     caveats and what else was tried, for the facts
 */
record SshdSettings(Map<String, String> values, Source source, List<String> files, List<String> defaulted, List<String> notes) {

    /** The keywords the checks use, with OpenSSH's defaults (7.0 and later; UsePAM is off upstream and set on by distributions' files). */
    static final Map<String, String> KEYWORDS = orderedDefaults();

    /** Where the values came from. */
    enum Source {
        EFFECTIVE("sshd -T (effective configuration)"),
        CONFIG_FILES("configuration files read directly");

        final String label;

        Source(String label) {
            this.label = label;
        }
    }

    SshdSettings {
        values = Map.copyOf(values);
        for (String k : KEYWORDS.keySet()) {
            if (!values.containsKey(k)) {
                throw new IllegalArgumentException("sshd settings lack " + k);
            }
        }
        Objects.requireNonNull(source, "source");
        files = List.copyOf(files);
        defaulted = List.copyOf(defaulted);
        notes = List.copyOf(notes);
    }

    String value(String keyword) {
        return values.get(keyword);
    }

    /** The facts both SSH checks report. */
    Map<String, Object> facts() {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("source", source.label);
        KEYWORDS.keySet().forEach(k -> f.put(k, values.get(k)));
        if (!files.isEmpty()) {
            f.put("files", files);
        }
        if (!defaulted.isEmpty()) {
            f.put("defaults_used", defaulted);
        }
        if (!notes.isEmpty()) {
            f.put("notes", notes);
        }
        return f;
    }

    private static Map<String, String> orderedDefaults() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("permitrootlogin", "prohibit-password");
        m.put("passwordauthentication", "yes");
        m.put("kbdinteractiveauthentication", "yes");
        m.put("usepam", "no");
        m.put("authenticationmethods", "any");
        return Collections.unmodifiableMap(m);
    }
}
