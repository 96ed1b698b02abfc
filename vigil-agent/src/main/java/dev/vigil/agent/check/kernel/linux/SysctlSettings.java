package dev.vigil.agent.check.kernel.linux;

import dev.vigil.agent.check.kernel.linux.SysctlConfParser.Assignment;
import dev.vigil.agent.check.kernel.linux.SysctlConfParser.Exclusion;
import dev.vigil.agent.check.kernel.linux.SysctlConfParser.SysctlConf;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a set of sysctl configuration files assigns, applied in the order given: a later assignment of a key
 * replaces an earlier one, and an explicit assignment always beats a glob pattern, whatever their order
 * (systemd's rule, sysctl.d(5)).
 */
final class SysctlSettings {

    /** A configured value and the file that set it. */
    record Configured(String value, String file) {
        Configured {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(file, "file");
        }
    }

    /** One parsed file, named by its path. */
    record File(String path, SysctlConf conf) {
        File {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(conf, "conf");
        }
    }

    private record Glob(String pattern, Configured setting) {
    }

    private final Map<String, Configured> explicit = new HashMap<>();
    private final List<Glob> globs = new ArrayList<>();
    private final Set<String> excluded = new HashSet<>();

    private SysctlSettings() {
    }

    /** The settings the files make, applied in list order. */
    static SysctlSettings of(List<File> files) {
        SysctlSettings s = new SysctlSettings();
        for (File f : files) {
            for (SysctlConfParser.Line line : f.conf().lines()) {
                switch (line) {
                    case Assignment a when a.glob() -> s.globs.add(new Glob(a.key(), new Configured(a.value(), f.path())));
                    case Assignment a -> s.explicit.put(a.key(), new Configured(a.value(), f.path()));
                    case Exclusion e -> s.excluded.add(e.key());
                }
            }
        }
        return s;
    }

    /** The value configured for {@code name}, if any file assigns it. */
    Optional<Configured> lookup(String name) {
        Configured c = explicit.get(name);
        if (c != null) {
            return Optional.of(c);
        }
        if (excluded.contains(name)) {
            return Optional.empty();
        }
        for (int i = globs.size() - 1; i >= 0; i--) {
            Glob g = globs.get(i);
            if (SysctlNames.globMatches(g.pattern(), name)) {
                return Optional.of(g.setting());
            }
        }
        return Optional.empty();
    }
}
