package dev.vigil.server.fleet;

import dev.vigil.core.catalog.Catalog;
import dev.vigil.core.catalog.CatalogEntry;
import dev.vigil.core.report.AgentInfo;
import dev.vigil.core.report.Evidence;
import dev.vigil.core.report.EvidenceSource;
import dev.vigil.core.report.Finding;
import dev.vigil.core.report.Host;
import dev.vigil.core.report.OsFamily;
import dev.vigil.core.report.OsInfo;
import dev.vigil.core.report.Report;
import dev.vigil.core.report.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * A synthetic fleet with realistic variety, reproducible from a seed: server, workstation and laptop
 * hostnames; an OS mix of about 55% Linux (Debian, Ubuntu, RHEL, Alpine), 30% Windows (11, 10,
 * Server 2022) and 15% macOS (Sonoma, Sequoia); one finding per catalog control of the host's platform,
 * drawn from a per-control distribution (disk encryption mostly passes on laptops, pending updates
 * often fail, SSH root login seldom) skewed by a per-host hygiene factor, so scores spread across
 * every band. Report ids and times come from the same seeded generator.
 *
 * <p>Used by the fleet tests, the kernel benchmark's seeding (bench/SeedFleet.java) and the kernel's warm-up,
 * which serves such a fleet in-process before listening.
 */
public final class SyntheticFleet {

    /** One machine of the fleet: its identity and how well it is kept (0 neglected .. 1 exemplary). */
    public record Machine(Host host, double hygiene) {
    }

    private static final List<OsInfo> LINUX = List.of(
            new OsInfo(OsFamily.LINUX, "Debian GNU/Linux 12 (bookworm)", "12"),
            new OsInfo(OsFamily.LINUX, "Debian GNU/Linux 11 (bullseye)", "11"),
            new OsInfo(OsFamily.LINUX, "Ubuntu 24.04.1 LTS", "24.04"),
            new OsInfo(OsFamily.LINUX, "Ubuntu 22.04.5 LTS", "22.04"),
            new OsInfo(OsFamily.LINUX, "Red Hat Enterprise Linux 9.4 (Plow)", "9.4"),
            new OsInfo(OsFamily.LINUX, "Alpine Linux v3.20", "3.20.3"));
    private static final List<OsInfo> WINDOWS = List.of(
            new OsInfo(OsFamily.WINDOWS, "Windows 11 Pro", "10.0.22631"),
            new OsInfo(OsFamily.WINDOWS, "Windows 11 Enterprise", "10.0.26100"),
            new OsInfo(OsFamily.WINDOWS, "Windows 10 Pro", "10.0.19045"),
            new OsInfo(OsFamily.WINDOWS, "Windows Server 2022 Standard", "10.0.20348"));
    private static final List<OsInfo> MACOS = List.of(
            new OsInfo(OsFamily.MACOS, "macOS Sonoma", "14.7.1"),
            new OsInfo(OsFamily.MACOS, "macOS Sequoia", "15.1"),
            new OsInfo(OsFamily.MACOS, "macOS Sequoia", "15.2"));
    private static final List<String> ROLES = List.of("web", "api", "db", "cache", "build", "k8s-node", "mail", "vpn");
    private static final List<String> SITES = List.of("prod", "staging", "dev", "ams1", "fra2", "nyc3");
    private static final List<String> PEOPLE = List.of("jdoe", "asmith", "mlopez", "kwong", "pnovak", "tnguyen", "rkaur", "ebrown");

    /** Per-control weights of PASS, FAIL, WARN, UNKNOWN, NOT_APPLICABLE; controls not named use {@link #DEFAULT}. */
    private static final Map<String, int[]> WEIGHTS = Map.of(
            "disk.encryption.system", new int[] {70, 20, 5, 5, 0},
            "firewall.enabled", new int[] {75, 20, 0, 5, 0},
            "network.exposed-ports", new int[] {55, 25, 15, 5, 0},
            "remote.ssh.root-login", new int[] {70, 8, 0, 2, 20},
            "patch.pending-updates", new int[] {45, 35, 15, 5, 0},
            "patch.pending-reboot", new int[] {60, 0, 35, 5, 0},
            "integrity.secure-boot", new int[] {50, 15, 0, 15, 20},
            "accounts.empty-passwords", new int[] {92, 3, 0, 5, 0},
            "logging.audit", new int[] {35, 40, 10, 15, 0});
    private static final int[] DEFAULT = {65, 15, 10, 7, 3};

    private final Random random;
    private final Catalog catalog;

    /** A fleet generator over the bundled catalog. */
    public SyntheticFleet(long seed) {
        this(seed, Catalog.bundled());
    }

    public SyntheticFleet(long seed, Catalog catalog) {
        this.random = new Random(seed);
        this.catalog = catalog;
    }

    /** {@code n} distinct machines (distinct host ids; hostnames may repeat, as they do in real fleets, rarely). */
    public List<Machine> machines(int n) {
        List<Machine> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(machine(i));
        }
        return out;
    }

    /** One machine; {@code serial} keeps hostnames varied and mostly unique. */
    public Machine machine(int serial) {
        int roll = random.nextInt(100);
        OsInfo os = roll < 55 ? pick(LINUX) : roll < 85 ? pick(WINDOWS) : pick(MACOS);
        String hostname = switch (os.family()) {
            case LINUX -> "%s-%02d.%s.example.net".formatted(pick(ROLES), serial % 97, pick(SITES));
            case WINDOWS -> os.name().contains("Server")
                    ? "SRV-%s%03d".formatted(pick(ROLES).toUpperCase(java.util.Locale.ROOT), serial % 1000)
                    : "LAPTOP-" + token(7);
            case MACOS -> "%s-mbp-%d".formatted(pick(PEOPLE), serial);
        };
        byte[] id = new byte[16];
        random.nextBytes(id);
        String arch = os.family() == OsFamily.MACOS || random.nextInt(10) == 0 ? "aarch64" : "x86_64";
        // hygiene: most hosts decent, a tail of neglected ones
        double hygiene = Math.min(1.0, Math.max(0.0, 0.7 + 0.25 * random.nextGaussian()));
        return new Machine(new Host(HexFormat.of().formatHex(id), hostname, os, arch), hygiene);
    }

    /** A report of {@code machine} finished at {@code finishedAt}, with a fresh report id. */
    public Report report(Machine machine, Instant finishedAt) {
        return report(machine.host(), machine.hygiene(), finishedAt);
    }

    /** A report of {@code host} (e.g. a renamed machine) with the given hygiene. */
    public Report report(Host host, double hygiene, Instant finishedAt) {
        List<Finding> findings = new ArrayList<>();
        for (CatalogEntry e : catalog.entries()) {
            if (e.platforms().contains(host.os().family())) {
                findings.add(finding(e, status(e.id(), hygiene)));
            }
        }
        Instant started = finishedAt.minusMillis(400 + random.nextInt(900));
        return Report.of(new UUID(random.nextLong(), random.nextLong()), host, new AgentInfo("0.1.0"), started,
                finishedAt, random.nextInt(10) > 0, findings);
    }

    /** A time within {@code spread} before {@code anchor}, for fleets whose hosts report at different times. */
    public Instant before(Instant anchor, Duration spread) {
        return anchor.minusMillis((long) (random.nextDouble() * spread.toMillis()));
    }

    private Status status(String control, double hygiene) {
        int[] w = WEIGHTS.getOrDefault(control, DEFAULT);
        double skew = 2.0 * (1.0 - hygiene) + 0.2;
        double[] adjusted = {w[0], w[1] * skew, w[2] * skew, w[3], w[4]};
        double total = 0;
        for (double a : adjusted) {
            total += a;
        }
        double r = random.nextDouble() * total;
        Status[] statuses = Status.values();
        for (int i = 0; i < adjusted.length; i++) {
            r -= adjusted[i];
            if (r < 0) {
                return statuses[i];
            }
        }
        return Status.PASS;
    }

    private Finding finding(CatalogEntry e, Status status) {
        String detail = switch (status) {
            case PASS -> e.title() + ": satisfied.";
            case FAIL -> e.title() + ": not satisfied.";
            case WARN -> e.title() + ": partly satisfied.";
            case UNKNOWN -> "requires root";
            case NOT_APPLICABLE -> "not applicable on this host";
        };
        return new Finding(e.id(), status, e.severity(), e.title(), detail, Map.of("synthetic", true),
                List.of(new Evidence(EvidenceSource.FILE, "/etc/example", null, "")), 1 + random.nextInt(40));
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    private String token(int length) {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return b.toString();
    }
}
