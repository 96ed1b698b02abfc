package dev.vigil.agent.check.patch.linux;

import dev.vigil.agent.check.Outcome;
import dev.vigil.agent.check.ParseException;
import dev.vigil.agent.check.PlatformCheck;
import dev.vigil.agent.policy.Policy;
import dev.vigil.agent.probe.Command;
import dev.vigil.agent.probe.CommandResult;
import dev.vigil.agent.probe.FileResult;
import dev.vigil.agent.probe.HostProbe;
import dev.vigil.core.report.OsFamily;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code patch.auto-updates} on Linux: updates install themselves. Two mechanisms are recognised:
 * <ul>
 *   <li>Debian/Ubuntu: unattended-upgrades installed, with {@code APT::Periodic::Unattended-Upgrade} and
 *       {@code APT::Periodic::Update-Package-Lists} enabled in apt's effective configuration
 *       ({@code apt-config dump} on a running system, {@code /etc/apt/apt.conf.d/*} and
 *       {@code /etc/apt/apt.conf} under {@code --root}), triggered by {@code apt-daily-upgrade.timer} or cron;</li>
 *   <li>RHEL/Fedora: a dnf-automatic timer enabled, installing updates ({@code apply_updates = yes} in
 *       {@code /etc/dnf/automatic.conf}, or the {@code -install} timer); downloading or notifying only is a warning.</li>
 * </ul>
 */
public final class LinuxAutoUpdatesCheck extends PlatformCheck {

    static final String UNATTENDED_UPGRADE = "/usr/bin/unattended-upgrade";
    static final String APT_CONF = "/etc/apt/apt.conf";
    static final String APT_CONF_DIR = "/etc/apt/apt.conf.d";
    static final String TIMERS = "/etc/systemd/system/timers.target.wants";
    static final String APT_TIMER = "apt-daily-upgrade.timer";
    static final String APT_CRON = "/etc/cron.daily/apt-compat";
    static final String DNF_AUTOMATIC_CONF = "/etc/dnf/automatic.conf";
    static final Command APT_CONFIG_DUMP = Command.of("apt-config", "dump");

    static final String UNATTENDED_KEY = "apt::periodic::unattended-upgrade";
    static final String UPDATE_LISTS_KEY = "apt::periodic::update-package-lists";

    /** apt reads files in apt.conf.d whose names are made of these and have no extension or ".conf". */
    private static final Pattern APT_PART = Pattern.compile("^[A-Za-z0-9_.-]+$");
    private static final Pattern DNF_TIMER = Pattern.compile("^dnf5?-automatic(-(install|download|notifyonly))?\\.timer$");

    public LinuxAutoUpdatesCheck() {
        super("patch.auto-updates", OsFamily.LINUX);
    }

    @Override
    public Outcome run(HostProbe probe, Policy policy) {
        List<String> timers = probe.listDirectory(TIMERS);
        Map<String, Object> facts = new LinkedHashMap<>();
        Mechanism apt = apt(probe, timers, facts);
        Mechanism dnf = dnf(probe, timers, facts);
        return evaluate(apt, dnf, facts);
    }

    /** What one update mechanism does here. */
    sealed interface Mechanism {
        /** Installs updates by itself. */
        record Installs(String how) implements Mechanism {
        }

        /** Set up, but does not install updates by itself. */
        record Partial(String why) implements Mechanism {
        }

        /** Not set up, and why not. */
        record Absent(String why) implements Mechanism {
        }

        /** Could not be read. */
        record Unreadable(String why) implements Mechanism {
        }
    }

    static Outcome evaluate(Mechanism apt, Mechanism dnf, Map<String, Object> facts) {
        for (Mechanism m : List.of(apt, dnf)) {
            if (m instanceof Mechanism.Installs(String how)) {
                return Outcome.pass("Updates install automatically: " + how + ".", facts);
            }
        }
        for (Mechanism m : List.of(apt, dnf)) {
            if (m instanceof Mechanism.Partial(String why)) {
                return Outcome.warn("Updates do not install automatically: " + why + ".", facts);
            }
        }
        for (Mechanism m : List.of(apt, dnf)) {
            if (m instanceof Mechanism.Unreadable(String why)) {
                return Outcome.unknown(why, facts);
            }
        }
        String aptWhy = ((Mechanism.Absent) apt).why();
        String dnfWhy = ((Mechanism.Absent) dnf).why();
        return Outcome.fail("No automatic updates: " + aptWhy + ", and " + dnfWhy + ".", facts);
    }

    private static Mechanism apt(HostProbe probe, List<String> timers, Map<String, Object> facts) {
        boolean installed = probe.stat(UNATTENDED_UPGRADE).isPresent();
        facts.put("unattended_upgrades_installed", installed);
        Map<String, String> config;
        try {
            config = aptConfig(probe, facts);
        } catch (ParseException e) {
            return new Mechanism.Unreadable(e.getMessage());
        }
        String unattended = config.getOrDefault(UNATTENDED_KEY, "0");
        String lists = config.getOrDefault(UPDATE_LISTS_KEY, "0");
        facts.put("apt_periodic_unattended_upgrade", unattended);
        facts.put("apt_periodic_update_package_lists", lists);
        boolean timer = timers.contains(APT_TIMER);
        boolean cron = probe.stat(APT_CRON).isPresent();
        facts.put("apt_trigger", timer ? APT_TIMER : cron ? APT_CRON : "none");
        if (!installed) {
            return new Mechanism.Absent("unattended-upgrades is not installed");
        }
        if (!periodicEnabled(unattended)) {
            return new Mechanism.Partial("unattended-upgrades is installed but APT::Periodic::Unattended-Upgrade is \""
                    + unattended + "\" (disabled)");
        }
        if (!periodicEnabled(lists)) {
            return new Mechanism.Partial("unattended-upgrades runs but APT::Periodic::Update-Package-Lists is \""
                    + lists + "\", so it installs only from package lists nobody refreshes");
        }
        if (!timer && !cron) {
            return new Mechanism.Partial("unattended-upgrades is configured but nothing runs it (neither "
                    + APT_TIMER + " enabled nor " + APT_CRON + ")");
        }
        return new Mechanism.Installs("unattended-upgrades, run by " + (timer ? APT_TIMER : APT_CRON));
    }

    /** apt's effective configuration: apt-config on a running system, otherwise the files apt reads, in its order. */
    private static Map<String, String> aptConfig(HostProbe probe, Map<String, Object> facts) throws ParseException {
        if (probe.live() && probe.run(APT_CONFIG_DUMP) instanceof CommandResult.Completed c && c.ok()) {
            facts.put("apt_config_source", "apt-config dump");
            return AptConfParser.parse(c.stdout());
        }
        List<String> files = new ArrayList<>();
        for (String name : probe.listDirectory(APT_CONF_DIR)) {
            if (APT_PART.matcher(name).matches() && (!name.contains(".") || name.endsWith(".conf"))) {
                files.add(APT_CONF_DIR + "/" + name);
            }
        }
        files.add(APT_CONF);
        Map<String, String> config = Map.of();
        for (String file : files) {
            if (probe.readFile(file) instanceof FileResult.Content c) {
                try {
                    config = AptConfParser.parse(c.text(), config);
                } catch (ParseException e) {
                    throw new ParseException(file + ": " + e.getMessage(), e);
                }
            }
        }
        facts.put("apt_config_source", APT_CONF_DIR);
        return config;
    }

    /** APT::Periodic intervals: a number of days (0 disables) or "always". */
    static boolean periodicEnabled(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        if (v.equals("always")) {
            return true;
        }
        try {
            return Long.parseLong(v) > 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static Mechanism dnf(HostProbe probe, List<String> timers, Map<String, Object> facts) {
        List<String> enabled = timers.stream().filter(t -> DNF_TIMER.matcher(t).matches()).toList();
        facts.put("dnf_automatic_timers", enabled);
        Optional<Map<String, String>> conf;
        switch (probe.readFile(DNF_AUTOMATIC_CONF)) {
            case FileResult.Content c -> {
                try {
                    conf = Optional.of(DnfAutomaticConfParser.parse(c.text()));
                } catch (ParseException e) {
                    return new Mechanism.Unreadable(DNF_AUTOMATIC_CONF + ": " + e.getMessage());
                }
            }
            case FileResult.Missing m -> conf = Optional.empty();
            case FileResult r -> {
                return enabled.isEmpty() ? new Mechanism.Absent("no dnf-automatic timer is enabled")
                        : new Mechanism.Unreadable(r.describe());
            }
        }
        if (enabled.isEmpty()) {
            return new Mechanism.Absent(conf.isEmpty() ? "dnf-automatic is not installed" : "no dnf-automatic timer is enabled");
        }
        Map<String, String> c = conf.orElse(Map.of());
        // dnf-automatic's own defaults when a key is absent
        boolean apply = DnfAutomaticConfParser.isTrue(c.getOrDefault("commands.apply_updates", "no"));
        boolean download = DnfAutomaticConfParser.isTrue(c.getOrDefault("commands.download_updates", "yes"));
        String type = c.getOrDefault("commands.upgrade_type", "default");
        facts.put("dnf_automatic_apply_updates", apply);
        facts.put("dnf_automatic_upgrade_type", type);
        String what = "security".equalsIgnoreCase(type) ? "security updates" : "updates";
        for (String timer : enabled) {
            if (timer.contains("-install.") || (!timer.contains("-download.") && !timer.contains("-notifyonly.") && apply)) {
                return new Mechanism.Installs("dnf-automatic installs " + what + ", run by " + timer);
            }
        }
        boolean downloads = enabled.stream().anyMatch(t -> t.contains("-download."))
                || download && enabled.stream().anyMatch(t -> !t.contains("-notifyonly."));
        return new Mechanism.Partial("dnf-automatic is enabled (" + String.join(", ", enabled) + ") but only "
                + (downloads ? "downloads" : "announces") + " updates (apply_updates = no)");
    }
}
