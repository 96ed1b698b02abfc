package dev.vigil.agent.check.kernel.linux;

import dev.vigil.agent.check.ParseException;
import dev.vigil.agent.check.kernel.linux.KernelDefaults.KernelBuild;
import dev.vigil.agent.check.kernel.linux.SysctlReading.Origin;
import dev.vigil.agent.probe.FileResult;
import dev.vigil.agent.probe.HostProbe;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Gathers sysctl values for the kernel checks: the running kernel's from /proc/sys on a live system, the configured
 * ones from the image under {@code --root}.
 *
 * <p>Configured values follow systemd-sysctl's precedence: {@code *.conf} files from the directories below, where a
 * file name in an earlier directory hides the same name in later ones (so {@code /etc} overrides {@code /usr/lib},
 * and a link to /dev/null masks), applied in lexical order of their names, later assignments winning; then
 * {@code /etc/sysctl.conf} last, as procps' {@code sysctl --system} applies it.
 */
final class SysctlReader {

    static final List<String> CONF_DIRS = List.of(
            "/etc/sysctl.d", "/run/sysctl.d", "/usr/local/lib/sysctl.d", "/usr/lib/sysctl.d", "/lib/sysctl.d");
    static final String SYSCTL_CONF = "/etc/sysctl.conf";

    private SysctlReader() {
    }

    /**
     * What was learnt about the named sysctls.
     *
     * @param readings by name, in the order asked
     * @param files    the configuration files applied, in order (empty on a live system)
     * @param problems configuration files that could not be used, with the reason
     */
    record Snapshot(boolean live, Map<String, SysctlReading> readings, List<String> files, List<String> problems) {
        Snapshot {
            readings = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(readings));
            files = List.copyOf(files);
            problems = List.copyOf(problems);
        }

        SysctlReading get(String name) {
            return Objects.requireNonNull(readings.get(name), name);
        }
    }

    static Snapshot read(HostProbe probe, Collection<String> names) {
        return probe.live() ? running(probe, names) : configured(probe, names);
    }

    private static Snapshot running(HostProbe probe, Collection<String> names) {
        Map<String, SysctlReading> readings = new LinkedHashMap<>();
        for (String name : names) {
            if (!SysctlNames.valid(name)) {
                readings.put(name, new SysctlReading.Undetermined(name, "'" + name + "' is not a sysctl name"));
                continue;
            }
            String path = "/proc/sys/" + SysctlNames.path(name);
            readings.put(name, switch (probe.readFile(path)) {
                case FileResult.Content c -> {
                    try {
                        yield new SysctlReading.Value(name, ProcSysParser.value(c.text()), Origin.RUNNING, path);
                    } catch (ParseException e) {
                        yield new SysctlReading.Undetermined(name, path + ": " + e.getMessage());
                    }
                }
                case FileResult.Missing m -> new SysctlReading.Absent(name, path + " does not exist: this kernel has no " + name);
                case FileResult.Denied d -> new SysctlReading.Undetermined(name, d.describe());
                case FileResult.Unreadable u -> new SysctlReading.Undetermined(name, u.describe());
            });
        }
        return new Snapshot(true, readings, List.of(), List.of());
    }

    private static Snapshot configured(HostProbe probe, Collection<String> names) {
        List<String> problems = new ArrayList<>();
        List<SysctlSettings.File> files = new ArrayList<>();
        for (String path : confFiles(probe)) {
            parseInto(probe, path, files, problems);
        }
        parseInto(probe, SYSCTL_CONF, files, problems);
        SysctlSettings settings = SysctlSettings.of(files);
        List<KernelBuild> builds = names.stream().anyMatch(KernelDefaults::dependsOnBuild) ? kernelBuilds(probe, problems) : List.of();

        Map<String, SysctlReading> readings = new LinkedHashMap<>();
        for (String name : names) {
            if (!SysctlNames.valid(name)) {
                readings.put(name, new SysctlReading.Undetermined(name, "'" + name + "' is not a sysctl name"));
                continue;
            }
            readings.put(name, settings.lookup(name)
                    .<SysctlReading>map(c -> new SysctlReading.Value(name, c.value(), Origin.CONFIGURED, c.file()))
                    .orElseGet(() -> switch (KernelDefaults.of(name, builds)) {
                        case KernelDefaults.Default.Value v -> new SysctlReading.Value(name, v.value(), Origin.KERNEL_DEFAULT, v.basis());
                        case KernelDefaults.Default.Absent a -> new SysctlReading.Absent(name, "not configured in the image; " + a.basis()
                                + ", so the kernel has no " + name);
                        case KernelDefaults.Default.Undetermined u -> new SysctlReading.Undetermined(name, u.reason());
                    }));
        }
        return new Snapshot(false, readings, files.stream().map(SysctlSettings.File::path).toList(), problems);
    }

    /** The *.conf files systemd-sysctl would apply, in application order. */
    static List<String> confFiles(HostProbe probe) {
        Map<String, String> byName = new TreeMap<>();
        for (String dir : CONF_DIRS) {
            for (String name : probe.listDirectory(dir)) {
                if (name.endsWith(".conf")) {
                    byName.putIfAbsent(name, dir + "/" + name);
                }
            }
        }
        return List.copyOf(byName.values());
    }

    private static void parseInto(HostProbe probe, String path, List<SysctlSettings.File> files, List<String> problems) {
        switch (probe.readFile(path)) {
            case FileResult.Content c -> {
                try {
                    files.add(new SysctlSettings.File(path, SysctlConfParser.parse(c.text())));
                } catch (ParseException e) {
                    problems.add(path + ": " + e.getMessage());
                }
            }
            case FileResult.Missing m -> {
                // absent sysctl.conf, or a link to /dev/null (a mask) that does not resolve inside the image
            }
            case FileResult.Denied d -> problems.add(d.describe());
            case FileResult.Unreadable u -> problems.add(u.describe());
        }
    }

    private static List<KernelBuild> kernelBuilds(HostProbe probe, List<String> problems) {
        List<KernelBuild> builds = new ArrayList<>();
        for (String name : probe.listDirectory("/boot")) {
            if (!name.startsWith("config-")) {
                continue;
            }
            String path = "/boot/" + name;
            if (probe.readFile(path) instanceof FileResult.Content c) {
                try {
                    builds.add(new KernelBuild(path, KernelConfigParser.parse(c.text())));
                } catch (ParseException e) {
                    problems.add(path + ": " + e.getMessage());
                }
            }
        }
        return builds;
    }
}
