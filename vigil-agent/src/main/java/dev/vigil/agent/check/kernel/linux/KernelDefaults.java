package dev.vigil.agent.check.kernel.linux;

import dev.vigil.agent.check.kernel.linux.KernelConfigParser.KernelConfig;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The value a sysctl has when nothing configures it: the kernel's own default. Used only when auditing an image,
 * where no running kernel can be asked.
 *
 * <p>Fixed defaults are those of upstream Linux (kernel/sysctl.c, fs/namei.c, net/ipv4/devinet.c,
 * tcp_ipv4.c, icmp.c). Three depend on how the kernel was built; for those the image's {@code /boot/config-*}
 * decides, and without one the default is not known. A sysctl in neither table has no known default.
 */
final class KernelDefaults {

    private static final Map<String, String> FIXED = Map.ofEntries(
            Map.entry("kernel.kptr_restrict", "0"),
            Map.entry("fs.protected_hardlinks", "0"),
            Map.entry("fs.protected_symlinks", "0"),
            Map.entry("fs.suid_dumpable", "0"),
            Map.entry("net.ipv4.conf.all.accept_redirects", "1"),
            Map.entry("net.ipv4.conf.all.send_redirects", "1"),
            Map.entry("net.ipv4.conf.all.accept_source_route", "0"),
            Map.entry("net.ipv4.conf.all.rp_filter", "0"),
            Map.entry("net.ipv4.tcp_syncookies", "1"),
            Map.entry("net.ipv4.icmp_echo_ignore_broadcasts", "1"));

    /** A default chosen by one build option: the value when it is built in ({@code y}), and otherwise; null means the sysctl does not exist. */
    private record ByOption(String option, String whenBuiltIn, String otherwise) {
    }

    private static final Map<String, ByOption> BY_OPTION = Map.of(
            // mm/memory.c: CONFIG_COMPAT_BRK keeps the heap unrandomised (1); distribution kernels turn it off (2)
            "kernel.randomize_va_space", new ByOption("CONFIG_COMPAT_BRK", "1", "2"),
            "kernel.dmesg_restrict", new ByOption("CONFIG_SECURITY_DMESG_RESTRICT", "1", "0"),
            // security/yama: relational ptrace (1) when Yama is built in; no such sysctl otherwise
            "kernel.yama.ptrace_scope", new ByOption("CONFIG_SECURITY_YAMA", "1", null));

    private KernelDefaults() {
    }

    /** One kernel build's configuration found in the image. */
    record KernelBuild(String path, KernelConfig config) {
        KernelBuild {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(config, "config");
        }
    }

    /** What the default of a sysctl is. */
    sealed interface Default {
        /** The kernel sets {@code value}; {@code basis} says how we know. */
        record Value(String value, String basis) implements Default {
        }

        /** The kernel has no such sysctl. */
        record Absent(String basis) implements Default {
        }

        /** Not known; {@code reason} says why. */
        record Undetermined(String reason) implements Default {
        }
    }

    /** Whether the default of {@code name} depends on the kernel build, so that reading /boot/config-* can help. */
    static boolean dependsOnBuild(String name) {
        return BY_OPTION.containsKey(name);
    }

    static Default of(String name, List<KernelBuild> builds) {
        String fixed = FIXED.get(name);
        if (fixed != null) {
            return new Default.Value(fixed, "kernel default");
        }
        ByOption rule = BY_OPTION.get(name);
        if (rule == null) {
            return new Default.Undetermined(name + " is not configured in the image and its kernel default is not known");
        }
        if (builds.isEmpty()) {
            return new Default.Undetermined(name + " is not configured in the image, and its kernel default depends on "
                    + rule.option() + ", which no /boot/config-* in the image shows");
        }
        Set<String> states = builds.stream().map(b -> builtIn(b.config(), rule.option()) ? "y" : "n")
                .collect(Collectors.toCollection(TreeSet::new));
        if (states.size() > 1) {
            return new Default.Undetermined(name + " is not configured in the image, and its kernels disagree on "
                    + rule.option());
        }
        boolean y = states.contains("y");
        String paths = builds.stream().map(KernelBuild::path).collect(Collectors.joining(", "));
        String basis = "kernel default: " + rule.option() + (y ? " is set" : " is not set") + " in " + paths;
        String value = y ? rule.whenBuiltIn() : rule.otherwise();
        return value == null ? new Default.Absent(basis) : new Default.Value(value, basis);
    }

    private static boolean builtIn(KernelConfig config, String option) {
        return config.option(option).map("y"::equals).orElse(false);
    }
}
