package dev.vigil.agent.check.patch.linux;

import dev.vigil.agent.check.Need;
import dev.vigil.agent.check.Outcome;
import dev.vigil.agent.check.ParseException;
import dev.vigil.agent.check.PlatformCheck;
import dev.vigil.agent.policy.Policy;
import dev.vigil.agent.probe.Command;
import dev.vigil.agent.probe.CommandResult;
import dev.vigil.agent.probe.FileStat;
import dev.vigil.agent.probe.HostProbe;
import dev.vigil.core.report.OsFamily;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code patch.pending-updates} on Linux: the updates apt or dnf would install, security updates counted
 * apart, judged together with how old the package lists are.
 *
 * <p>Design note (speed and side effects): {@code apt list --upgradable} spends most of its time building
 * apt's package cache from the downloaded lists (0.6 s on a Debian 12 machine); with a current
 * {@code /var/cache/apt/pkgcache.bin} it takes 0.2 s. But apt run as root rewrites a cache it finds out of
 * date, and an audit must not write to the system. So the check uses the cache on disk read-only
 * ({@code pkgCacheFile::Generate=false}) only when it is newer than everything apt builds it from (the dpkg
 * status, the lists, the sources), and otherwise has apt build it in memory ({@code Dir::Cache::pkgcache=""}),
 * which never writes. dnf runs from its metadata cache ({@code -C}), never the network.
 */
public final class LinuxPendingUpdatesCheck extends PlatformCheck {

    static final String APT_LISTS = "/var/lib/apt/lists";
    static final String APT_PKGCACHE = "/var/cache/apt/pkgcache.bin";
    static final String DPKG_STATUS = "/var/lib/dpkg/status";
    static final String APT_SOURCES = "/etc/apt/sources.list";
    static final String APT_SOURCES_DIR = "/etc/apt/sources.list.d";
    /** Touched after every successful {@code apt update} where update-notifier or apt's daily job runs. */
    static final String APT_UPDATE_STAMP = "/var/lib/apt/periodic/update-success-stamp";
    static final List<String> DNF_CACHES = List.of("/var/cache/dnf", "/var/cache/libdnf5");

    /**
     * What apt's answer depends on: installed packages, package lists, sources, pinning and configuration. Declared so
     * a live probe may reuse the last answer while none of them changed (apt costs 0.6-0.8 s where its cache is off).
     */
    static final String[] APT_INPUTS = {"/var/lib/dpkg/status", "/var/lib/apt/lists", "/etc/apt", "/etc/apt/sources.list.d",
        "/etc/apt/apt.conf.d", "/etc/apt/preferences.d", APT_PKGCACHE};

    static final Command APT_FROM_CACHE = Command.of("apt", "list", "--upgradable",
            "-o", "pkgCacheFile::Generate=false", "-o", "Dir::Cache::pkgcache=" + APT_PKGCACHE).withInputs(APT_INPUTS);
    static final Command APT_IN_MEMORY = Command.of("apt", "list", "--upgradable",
            "-o", "Dir::Cache::pkgcache=", "-o", "Dir::Cache::srcpkgcache=").withInputs(APT_INPUTS);
    static final Command DNF_CHECK_UPDATE = Command.of("dnf", "-q", "-C", "check-update");
    static final Command DNF_SECURITY = Command.of("dnf", "-q", "-C", "updateinfo", "list", "--security");

    public LinuxPendingUpdatesCheck() {
        super("patch.pending-updates", OsFamily.LINUX, Need.LIVE_SYSTEM);
    }

    @Override
    public Outcome run(HostProbe probe, Policy policy) {
        boolean cacheCurrent = aptCacheIsCurrent(probe);
        CommandResult apt = probe.run(cacheCurrent ? APT_FROM_CACHE : APT_IN_MEMORY);
        if (cacheCurrent && apt instanceof CommandResult.Completed c && !c.ok()) {
            cacheCurrent = false;
            apt = probe.run(APT_IN_MEMORY);
        }
        if (!(apt instanceof CommandResult.NotFound)) {
            return apt(probe, policy, apt, cacheCurrent);
        }
        CommandResult dnf = probe.run(DNF_CHECK_UPDATE);
        if (!(dnf instanceof CommandResult.NotFound)) {
            return dnf(probe, policy, dnf);
        }
        return Outcome.unknown("no supported package manager found: looked for apt and dnf");
    }

    private Outcome apt(HostProbe probe, Policy policy, CommandResult result, boolean fromDiskCache) {
        Optional<Instant> refreshed = newestAptList(probe);
        if (refreshed.isEmpty()) {
            return Outcome.unknown("package lists never downloaded: no " + APT_LISTS + "/*Release files (run apt update)");
        }
        Updates updates;
        switch (result) {
            case CommandResult.Completed c when c.ok() -> {
                try {
                    updates = AptUpgradableParser.parse(c.stdout());
                } catch (ParseException e) {
                    return Outcome.unknown(e.getMessage());
                }
            }
            default -> {
                return Outcome.unknown(result.describe());
            }
        }
        Map<String, Object> extra = Map.of("apt_cache", fromDiskCache ? "on disk, current" : "built in memory");
        return evaluate(new Pending("apt", updates, new Classification.Classified()), refreshed.get(), probe.now(), extra, policy);
    }

    private Outcome dnf(HostProbe probe, Policy policy, CommandResult result) {
        Optional<Instant> refreshed = newestDnfMetadata(probe);
        if (refreshed.isEmpty()) {
            return Outcome.unknown("package metadata never downloaded: no repodata under "
                    + String.join(" or ", DNF_CACHES) + " (run dnf makecache)");
        }
        List<String> available;
        switch (result) {
            case CommandResult.Completed c when c.exitCode() == 0 -> available = List.of();
            case CommandResult.Completed c when c.exitCode() == 100 -> {
                try {
                    available = DnfCheckUpdateParser.parse(c.stdout());
                } catch (ParseException e) {
                    return Outcome.unknown(e.getMessage());
                }
                if (available.isEmpty()) {
                    return Outcome.unknown("`" + DNF_CHECK_UPDATE.display() + "` exited 100 (updates available) but listed none");
                }
            }
            default -> {
                return Outcome.unknown(result.describe());
            }
        }
        if (available.isEmpty()) {
            return evaluate(new Pending("dnf", new Updates(List.of(), List.of()), new Classification.Classified()),
                    refreshed.get(), probe.now(), Map.of(), policy);
        }
        Classification classification;
        List<String> security = new ArrayList<>();
        List<String> other = new ArrayList<>(available);
        switch (probe.run(DNF_SECURITY)) {
            case CommandResult.Completed c when c.ok() -> {
                try {
                    List<String> advised = DnfSecurityParser.parse(c.stdout());
                    security = available.stream().filter(advised::contains).toList();
                    other = available.stream().filter(p -> !advised.contains(p)).toList();
                    classification = new Classification.Classified();
                } catch (ParseException e) {
                    classification = new Classification.Unclassified(e.getMessage());
                }
            }
            case CommandResult r -> classification = new Classification.Unclassified(r.describe());
        }
        return evaluate(new Pending("dnf", new Updates(security, other), classification), refreshed.get(), probe.now(), Map.of(), policy);
    }

    /** Pure: what was found, when the lists were refreshed, when the host was observed, and the policy, to a finding. */
    Outcome evaluate(Pending pending, Instant refreshed, Instant now, Map<String, Object> extra, Policy policy) {
        long ageDays = Math.max(0, Duration.between(refreshed, now).toDays());
        boolean stale = ageDays > policy.packageListMaxAgeDays();
        Updates u = pending.updates();
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("package_manager", pending.manager());
        facts.put("updates", u.total());
        facts.put("security_updates", u.security().size());
        facts.put("security_packages", u.security());
        facts.put("other_packages", u.other());
        facts.put("lists_refreshed", refreshed.toString());
        facts.put("lists_age_days", ageDays);
        facts.put("lists_max_age_days", policy.packageListMaxAgeDays());
        if (pending.classification() instanceof Classification.Unclassified(String reason)) {
            facts.put("security_unknown_reason", reason);
        }
        facts.putAll(extra);
        String lists = "package lists refreshed " + ago(ageDays)
                + (stale ? " (older than " + policy.packageListMaxAgeDays() + " days), so the counts may be out of date" : "");
        if (!u.security().isEmpty()) {
            return Outcome.fail(plural(u.security().size(), "security update") + " pending (" + u.total()
                    + " updates in all); " + lists + ".", facts);
        }
        if (u.total() > 0) {
            String which = switch (pending.classification()) {
                case Classification.Classified c -> "none of them security updates";
                case Classification.Unclassified(String reason) -> "not known which fix security issues (" + reason + ")";
            };
            return Outcome.warn(plural(u.total(), "update") + " pending, " + which + "; " + lists + ".", facts);
        }
        if (stale) {
            return Outcome.warn("No updates pending, but " + lists + ".", facts);
        }
        return Outcome.pass("No updates pending; " + lists + ".", facts);
    }

    /**
     * Whether apt's binary cache on disk is at least as new as everything it is built from, so that reading
     * it without regeneration gives the same answer apt would compute.
     */
    static boolean aptCacheIsCurrent(HostProbe probe) {
        Optional<FileStat> cache = probe.stat(APT_PKGCACHE);
        if (cache.isEmpty() || cache.get().type() != FileStat.Type.FILE) {
            return false;
        }
        Instant built = cache.get().modified();
        Optional<FileStat> status = probe.stat(DPKG_STATUS);
        if (status.isEmpty() || status.get().modified().isAfter(built)) {
            return false;
        }
        List<String> inputs = new ArrayList<>(List.of(APT_SOURCES, APT_LISTS, APT_SOURCES_DIR));
        for (String dir : List.of(APT_LISTS, APT_SOURCES_DIR)) {
            probe.listDirectory(dir).forEach(name -> inputs.add(dir + "/" + name));
        }
        for (String input : inputs) {
            Optional<FileStat> s = probe.stat(input);
            if (s.isPresent() && s.get().modified().isAfter(built)) {
                return false;
            }
        }
        return true;
    }

    /** The newest of the downloaded Release files (and apt's update stamp): when the lists were last refreshed. */
    static Optional<Instant> newestAptList(HostProbe probe) {
        List<String> paths = new ArrayList<>();
        for (String name : probe.listDirectory(APT_LISTS)) {
            if (name.endsWith("_InRelease") || name.endsWith("_Release")) {
                paths.add(APT_LISTS + "/" + name);
            }
        }
        if (paths.isEmpty()) {
            return Optional.empty();
        }
        paths.add(APT_UPDATE_STAMP);
        return newest(probe, paths);
    }

    /** The newest file in any repository's {@code repodata} under dnf's caches. */
    static Optional<Instant> newestDnfMetadata(HostProbe probe) {
        List<String> paths = new ArrayList<>();
        for (String cache : DNF_CACHES) {
            for (String repo : probe.listDirectory(cache)) {
                String repodata = cache + "/" + repo + "/repodata";
                probe.listDirectory(repodata).forEach(f -> paths.add(repodata + "/" + f));
            }
        }
        return newest(probe, paths);
    }

    private static Optional<Instant> newest(HostProbe probe, List<String> paths) {
        return paths.stream()
                .map(probe::stat)
                .flatMap(Optional::stream)
                .filter(s -> s.type() == FileStat.Type.FILE)
                .map(FileStat::modified)
                .max(Instant::compareTo);
    }

    static String ago(long days) {
        return days == 0 ? "today" : days == 1 ? "1 day ago" : days + " days ago";
    }

    static String plural(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** Whether the updates could be split into security and other updates. */
    sealed interface Classification {
        record Classified() implements Classification {
        }

        record Unclassified(String reason) implements Classification {
        }
    }

    /** What a package manager said is pending. */
    record Pending(String manager, Updates updates, Classification classification) {
    }
}
