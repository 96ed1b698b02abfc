package dev.vigil.agent.check.integrity.linux;

import dev.vigil.agent.check.Outcome;
import dev.vigil.agent.check.ParseException;
import dev.vigil.agent.check.PlatformCheck;
import dev.vigil.agent.policy.Policy;
import dev.vigil.agent.probe.FileResult;
import dev.vigil.agent.probe.FileStat;
import dev.vigil.agent.probe.HostProbe;
import dev.vigil.core.report.OsFamily;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code integrity.mac} on Linux: a mandatory access control system confines processes. On a running
 * system the kernel says: SELinux enforcing ({@code /sys/fs/selinux/enforce} = 1) or AppArmor enabled with
 * at least one profile in enforce mode passes; SELinux permissive, or AppArmor with no enforcing profile,
 * warns; neither fails. Under {@code --root} only the configuration can be read ({@code /etc/selinux/config},
 * {@code /etc/apparmor.d}), and the finding says "configured".
 */
public final class LinuxMacCheck extends PlatformCheck {

    static final String SELINUX_ENFORCE = "/sys/fs/selinux/enforce";
    static final String SELINUX_CONFIG = "/etc/selinux/config";
    static final String APPARMOR_ENABLED = "/sys/module/apparmor/parameters/enabled";
    static final String APPARMOR_PROFILES = "/sys/kernel/security/apparmor/profiles";
    static final String APPARMOR_DIR = "/etc/apparmor.d";
    static final String APPARMOR_PARSER = "/sbin/apparmor_parser";

    public LinuxMacCheck() {
        super("integrity.mac", OsFamily.LINUX);
    }

    @Override
    public Outcome run(HostProbe probe, Policy policy) {
        Map<String, Object> facts = new LinkedHashMap<>();
        Optional<SelinuxConfigParser.Mode> configured;
        try {
            configured = selinuxConfig(probe);
        } catch (ParseException e) {
            return Outcome.unknown(e.getMessage());
        }
        configured.ifPresent(m -> facts.put("selinux_config", m.name().toLowerCase(java.util.Locale.ROOT)));
        return probe.live() ? live(probe, configured, facts) : configuredOnly(probe, configured, facts);
    }

    private static Outcome live(HostProbe probe, Optional<SelinuxConfigParser.Mode> configured, Map<String, Object> facts) {
        FileResult enforce = probe.readFile(SELINUX_ENFORCE);
        FileResult enabled = probe.readFile(APPARMOR_ENABLED);
        for (FileResult r : List.of(enforce, enabled)) {
            if (r instanceof FileResult.Denied || r instanceof FileResult.Unreadable) {
                return Outcome.unknown(r.describe());
            }
        }
        Optional<Boolean> selinux = Optional.empty();
        Optional<Boolean> apparmor = Optional.empty();
        try {
            if (enforce instanceof FileResult.Content c) {
                selinux = Optional.of(KernelFlagParser.selinuxEnforcing(c.text()));
            }
            if (enabled instanceof FileResult.Content c) {
                apparmor = Optional.of(KernelFlagParser.appArmorEnabled(c.text()));
            }
        } catch (ParseException e) {
            return Outcome.unknown(e.getMessage());
        }
        facts.put("selinux", selinux.map(e -> e ? "enforcing" : "permissive").orElse("not active"));
        facts.put("apparmor", apparmor.map(e -> e ? "enabled" : "disabled").orElse("not present"));

        if (selinux.orElse(false)) {
            if (configured.isPresent() && configured.get() != SelinuxConfigParser.Mode.ENFORCING) {
                return Outcome.warn("SELinux is enforcing now, but " + SELINUX_CONFIG + " sets it "
                        + facts.get("selinux_config") + ", so it will not enforce after a reboot.", facts);
            }
            return Outcome.pass("SELinux is enforcing.", facts);
        }
        Optional<AppArmorProfilesParser.Profiles> profiles = Optional.empty();
        if (apparmor.orElse(false)) {
            switch (probe.readFile(APPARMOR_PROFILES)) {
                case FileResult.Content c -> {
                    try {
                        profiles = Optional.of(AppArmorProfilesParser.parse(c.text()));
                    } catch (ParseException e) {
                        return Outcome.unknown(e.getMessage(), facts);
                    }
                }
                case FileResult.Denied d -> {
                    if (selinux.isEmpty()) {
                        return Outcome.unknown("AppArmor is enabled, but its profiles cannot be read: "
                                + d.describe() + (probe.elevated() ? "" : " (requires root)"), facts);
                    }
                }
                case FileResult r -> {
                    if (selinux.isEmpty()) {
                        return Outcome.unknown("AppArmor is enabled, but its profiles cannot be read: " + r.describe(), facts);
                    }
                }
            }
        }
        if (profiles.isPresent()) {
            AppArmorProfilesParser.Profiles p = profiles.get();
            facts.put("apparmor_profiles", p.modes());
            facts.put("apparmor_enforced", p.enforced().size() <= 50 ? p.enforced() : p.enforced().subList(0, 50));
            if (!p.enforced().isEmpty()) {
                return Outcome.pass("AppArmor is enforcing " + p.enforced().size() + " of " + p.total() + " loaded profiles.", facts);
            }
        }
        if (selinux.isPresent()) {
            return Outcome.warn("SELinux is permissive: it logs policy violations but does not block them.", facts);
        }
        if (profiles.isPresent()) {
            return Outcome.warn("AppArmor is enabled but none of its " + profiles.get().total()
                    + " loaded profiles is in enforce mode.", facts);
        }
        return Outcome.fail("No mandatory access control is enforcing: SELinux is not active and AppArmor is "
                + facts.get("apparmor") + ".", facts);
    }

    private static Outcome configuredOnly(HostProbe probe, Optional<SelinuxConfigParser.Mode> configured, Map<String, Object> facts) {
        if (configured.isPresent() && configured.get() == SelinuxConfigParser.Mode.ENFORCING) {
            return Outcome.pass("SELinux is configured to enforce (" + SELINUX_CONFIG + "); not verified on a running system.", facts);
        }
        boolean parser = probe.stat(APPARMOR_PARSER).isPresent();
        List<String> entries = probe.listDirectory(APPARMOR_DIR);
        Set<String> disabled = Set.copyOf(probe.listDirectory(APPARMOR_DIR + "/disable"));
        Set<String> complain = Set.copyOf(probe.listDirectory(APPARMOR_DIR + "/force-complain"));
        List<String> profiles = entries.stream()
                .filter(n -> probe.stat(APPARMOR_DIR + "/" + n).map(s -> s.type() == FileStat.Type.FILE).orElse(false))
                .filter(n -> !disabled.contains(n))
                .toList();
        long enforcing = profiles.stream().filter(n -> !complain.contains(n)).count();
        facts.put("apparmor_installed", parser);
        facts.put("apparmor_profile_files", profiles.size());
        if (parser && enforcing > 0) {
            return Outcome.pass("AppArmor is configured with " + enforcing + (enforcing == 1 ? " profile file (" : " profile files (") + APPARMOR_DIR
                    + "); not verified on a running system.", facts);
        }
        if (configured.isPresent() && configured.get() == SelinuxConfigParser.Mode.PERMISSIVE) {
            return Outcome.warn("SELinux is configured permissive (" + SELINUX_CONFIG + "): it would log policy violations but not block them.", facts);
        }
        if (parser) {
            return Outcome.warn("AppArmor is installed but no profile is configured to enforce (" + APPARMOR_DIR + ").", facts);
        }
        return Outcome.fail("No mandatory access control is configured: SELinux is "
                + (configured.isPresent() ? "disabled in " + SELINUX_CONFIG : "not installed")
                + " and AppArmor is not installed.", facts);
    }

    private static Optional<SelinuxConfigParser.Mode> selinuxConfig(HostProbe probe) throws ParseException {
        return switch (probe.readFile(SELINUX_CONFIG)) {
            case FileResult.Content c -> Optional.of(SelinuxConfigParser.parse(c.text()));
            default -> Optional.empty();
        };
    }
}
