package dev.vigil.cli;

import static dev.vigil.core.report.Status.FAIL;
import static dev.vigil.core.report.Status.PASS;
import static dev.vigil.core.report.Status.UNKNOWN;
import static dev.vigil.core.report.Status.WARN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vigil.agent.host.HostIdentity;
import dev.vigil.core.json.ReportCodec;
import dev.vigil.core.report.Finding;
import dev.vigil.core.report.Report;
import dev.vigil.core.report.Status;
import dev.vigil.core.testing.ReportSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code vigil audit --root} against a Debian 12 root file system built by {@link DebianImage}: once with planted
 * misconfigurations, once with the same image fixed. Every finding's status is asserted, each with the reason it must
 * be so; the controls that flip between the two images flip because of the planted files alone.
 */
class RootAuditTest {

    /** The reason every check that needs a running system gives under --root (Need.LIVE_SYSTEM). */
    private static final String NEEDS_RUNNING_SYSTEM = "needs a running system, not a mounted file system (--root)";

    @TempDir
    static Path dir;

    private static boolean owners;
    private static Cli misconfiguredRun;
    private static Report misconfigured;
    private static Cli hardenedRun;
    private static Report hardened;

    /** One row of a table: the status a control must have, why, and words its detail must hold. */
    record Expect(String control, Status status, String reason, String detailHas) {
        @Override
        public String toString() {
            return control + " " + status + ": " + reason;
        }
    }

    @BeforeAll
    static void auditBothImages() throws IOException {
        assumeTrue(System.getProperty("os.name").startsWith("Linux"), "POSIX modes, owners and symlinks as on Linux");
        owners = DebianImage.canPlantOwners(dir);

        Path bad = DebianImage.debian12(dir.resolve("misconfigured"))
                .secondSuperuserAndEmptyPassword()
                .shadowMode("0644")
                .plainPartitions()
                .sshdRootAndPasswords()
                .weakSysctls()
                .appArmorProfileDisabled()
                .root();
        misconfiguredRun = audit(bad, dir.resolve("misconfigured.json"));
        misconfigured = read(dir.resolve("misconfigured.json"));

        Path good = DebianImage.debian12(dir.resolve("hardened"))
                .encryptedLvm()
                .sshdKeysOnly()
                .hardeningSysctls()
                .ufwEnabled()
                .unattendedUpgrades()
                .auditdWithRules()
                .root();
        hardenedRun = audit(good, dir.resolve("hardened.json"));
        hardened = read(dir.resolve("hardened.json"));
    }

    private static Cli audit(Path root, Path out) {
        return Cli.run("audit", "--root", root.toString(), "--format", "json", "--output", out.toString());
    }

    private static Report read(Path json) throws IOException {
        String text = Files.readString(json);
        assertThat(ReportSchema.violations(text)).as("schema violations in " + json.getFileName()).isEmpty();
        return ReportCodec.instance().read(text);
    }

    /** The live-only controls: the same in both images, since nothing in a file system can decide them. */
    private static Stream<Expect> liveOnly() {
        return Stream.of(
                new Expect("network.exposed-ports", UNKNOWN, "listening sockets exist only on a running system", NEEDS_RUNNING_SYSTEM),
                new Expect("patch.pending-reboot", UNKNOWN, "the running kernel and libraries exist only on a running system", NEEDS_RUNNING_SYSTEM),
                new Expect("patch.pending-updates", UNKNOWN, "apt is not run against an image", NEEDS_RUNNING_SYSTEM),
                new Expect("integrity.secure-boot", UNKNOWN, "firmware variables exist only on a running system", NEEDS_RUNNING_SYSTEM));
    }

    static Stream<Expect> misconfiguredTable() {
        return Stream.concat(Stream.of(
                new Expect("accounts.uid0", FAIL, "toor has uid 0 in /etc/passwd", "toor"),
                new Expect("accounts.empty-passwords", FAIL, "deploy's /etc/shadow password field is empty", "deploy (/etc/shadow)"),
                new Expect("files.shadow-permissions", FAIL, "/etc/shadow has mode 0644: every user can read the hashes", "/etc/shadow has mode 0644"),
                new Expect("remote.ssh.root-login", FAIL, "PermitRootLogin yes in the included sshd_config.d/60-admin.conf", "permitrootlogin yes"),
                new Expect("remote.ssh.password-auth", FAIL, "PasswordAuthentication yes in the same drop-in", "passwordauthentication yes"),
                new Expect("kernel.aslr", FAIL, "kernel.randomize_va_space = 0 in /etc/sysctl.d/60-planted.conf", "configured value, from /etc/sysctl.d/60-planted.conf"),
                new Expect("kernel.sysctl-hardening", FAIL, "the planted file sets accept_redirects=1 and kptr_restrict=0", "net.ipv4.conf.all.accept_redirects = 1"),
                new Expect("disk.encryption.system", FAIL, "fstab mounts / from the plain partition /dev/sda2", "/dev/sda2"),
                new Expect("disk.encryption.swap", FAIL, "the swap file /swapfile lies on that plain root", "/swapfile"),
                new Expect("firewall.enabled", FAIL, "ufw is installed but ENABLED=no, and no other firewall starts at boot", "No firewall is configured"),
                new Expect("patch.auto-updates", FAIL, "unattended-upgrades is not installed", "unattended-upgrades is not installed"),
                new Expect("logging.audit", FAIL, "auditd is not installed", "auditd is not installed"),
                new Expect("integrity.mac", WARN, "AppArmor is installed but its only profile is linked into disable/", "no profile is configured to enforce")),
                liveOnly());
    }

    static Stream<Expect> hardenedTable() {
        return Stream.concat(Stream.of(
                new Expect("accounts.uid0", PASS, "only root has uid 0", "Only root"),
                new Expect("accounts.empty-passwords", PASS, "every shadow entry is locked", "No account has an empty password"),
                owners
                        ? new Expect("files.shadow-permissions", PASS, "shadow and gshadow are root:shadow 0640", "owned by root")
                        : new Expect("files.shadow-permissions", FAIL, "not root: the files cannot be given to root, so their owner is wrong", "not root"),
                new Expect("remote.ssh.root-login", PASS, "PermitRootLogin no in the included sshd_config.d/50-hardening.conf", "permitrootlogin no"),
                new Expect("remote.ssh.password-auth", PASS, "PasswordAuthentication no there, KbdInteractiveAuthentication no in sshd_config", "passwordauthentication no"),
                new Expect("kernel.aslr", PASS, "kernel.randomize_va_space = 2 in /etc/sysctl.d/90-hardening.conf", "configured value, from /etc/sysctl.d/90-hardening.conf"),
                new Expect("kernel.sysctl-hardening", PASS, "90-hardening.conf, 99-protect-links.conf and the kernel's defaults meet the policy", "configured values"),
                new Expect("disk.encryption.system", PASS, "/ is an LV of debian-vg, whose PV is the LUKS mapping sda5_crypt", "encrypted"),
                new Expect("disk.encryption.swap", PASS, "swap is an LV of the same volume group", "encrypted"),
                new Expect("firewall.enabled", PASS, "ufw ENABLED=yes with DEFAULT_INPUT_POLICY=\"DROP\"", "Configured (not verified on a running system)"),
                new Expect("patch.auto-updates", PASS, "unattended-upgrades installed, 20auto-upgrades on, apt-daily-upgrade.timer enabled", "apt-daily-upgrade.timer"),
                new Expect("logging.audit", PASS, "auditd installed, enabled in multi-user.target.wants, with the CIS rules", "configured"),
                new Expect("integrity.mac", PASS, "AppArmor installed with usr.bin.man enforcing", "AppArmor is configured")),
                liveOnly());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("misconfiguredTable")
    void misconfiguredImage(Expect e) {
        assertFinding(misconfigured, e);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hardenedTable")
    void hardenedImage(Expect e) {
        assertFinding(hardened, e);
    }

    private static void assertFinding(Report report, Expect e) {
        Optional<Finding> f = report.findings().stream().filter(x -> x.control().equals(e.control())).findFirst();
        assertThat(f).as("finding for " + e.control()).isPresent();
        assertThat(f.get().status()).as(e.control() + ": " + e.reason() + "; detail was: " + f.get().detail()).isEqualTo(e.status());
        assertThat(f.get().detail()).as(e.control()).contains(e.detailHas());
    }

    @Test
    void theTablesCoverEveryFindingOfBothReports() {
        assertThat(controls(misconfigured)).containsExactlyInAnyOrderElementsOf(misconfiguredTable().map(Expect::control).toList());
        assertThat(controls(hardened)).containsExactlyInAnyOrderElementsOf(hardenedTable().map(Expect::control).toList());
    }

    @Test
    void exitCodeSaysWhetherAHighSeverityControlFailed() {
        assertThat(misconfiguredRun.exitCode()).as(misconfiguredRun.err()).isEqualTo(1);
        assertThat(hardenedRun.exitCode()).as(hardenedRun.err()).isEqualTo(owners ? 0 : 1);
    }

    @Test
    void onlyThePlantedFilesFlipTheControls() {
        Map<String, Status> before = statuses(misconfigured);
        Map<String, Status> after = statuses(hardened);
        List<String> flipped = before.keySet().stream().filter(c -> before.get(c) != after.get(c)).sorted().toList();
        List<String> planted = misconfiguredTable().filter(e -> e.status() != UNKNOWN).map(Expect::control).sorted().toList();
        if (!owners) {
            planted = planted.stream().filter(c -> !c.equals("files.shadow-permissions")).toList();
        }
        assertThat(flipped).containsExactlyElementsOf(planted);
    }

    @Test
    void theIncludedSshdDropInIsWhereTheSettingsCameFrom() {
        assertThat(facts(misconfigured, "remote.ssh.root-login").get("files"))
                .isEqualTo(List.of("/etc/ssh/sshd_config", "/etc/ssh/sshd_config.d/60-admin.conf"));
        assertThat(facts(hardened, "remote.ssh.password-auth").get("files"))
                .isEqualTo(List.of("/etc/ssh/sshd_config", "/etc/ssh/sshd_config.d/50-hardening.conf"));
    }

    @Test
    void kernelFindingsSayTheValuesAreConfiguredNotRunning() {
        assertThat(facts(misconfigured, "kernel.aslr")).containsEntry("source", "configured").containsEntry("value", 0);
        assertThat(facts(misconfigured, "kernel.sysctl-hardening")).containsEntry("source", "configured");
        assertThat(facts(hardened, "kernel.sysctl-hardening")).containsEntry("source", "configured");
    }

    @Test
    void theHostIsTheImagesAndNothingOfThisMachineLeaksIn() throws IOException {
        for (Report r : List.of(misconfigured, hardened)) {
            assertThat(r.host().hostname()).isEqualTo(DebianImage.HOSTNAME);
            assertThat(r.host().id()).isEqualTo(HostIdentity.hostId(DebianImage.MACHINE_ID));
            assertThat(r.host().os().name()).isEqualTo("Debian GNU/Linux 12 (bookworm)");
            assertThat(r.host().os().version()).isEqualTo("12");
        }
        String json = Files.readString(dir.resolve("misconfigured.json")) + Files.readString(dir.resolve("hardened.json"));
        Optional<String> ownHostname = firstLine(Path.of("/proc/sys/kernel/hostname"));
        // as a whole word: a short hostname ("vm") is part of many words ("lvm")
        ownHostname.filter(h -> !h.equals(DebianImage.HOSTNAME))
                .ifPresent(h -> assertThat(json).as("this machine's hostname")
                        .doesNotContainPattern("(?<![\\w.-])" + Pattern.quote(h) + "(?![\\w.-])"));
        Optional<String> ownMachineId = firstLine(Path.of("/etc/machine-id"));
        ownMachineId.ifPresent(id -> assertThat(json).as("this machine's machine id and host id")
                .doesNotContain(id).doesNotContain(HostIdentity.hostId(id)));
    }

    @Test
    void evidenceNamesOnlyPathsOfTheImageNeverTheFolderItIsMountedAt() {
        for (Report r : List.of(misconfigured, hardened)) {
            assertThat(r.findings().stream().flatMap(f -> f.evidence().stream()))
                    .isNotEmpty()
                    .allSatisfy(ev -> assertThat(ev.query()).doesNotContain(dir.toString()));
        }
    }

    private static List<String> controls(Report r) {
        return r.findings().stream().map(Finding::control).toList();
    }

    private static Map<String, Status> statuses(Report r) {
        return r.findings().stream().collect(Collectors.toMap(Finding::control, Finding::status));
    }

    private static Map<String, Object> facts(Report r, String control) {
        return r.findings().stream().filter(f -> f.control().equals(control)).findFirst().orElseThrow().facts();
    }

    private static Optional<String> firstLine(Path p) {
        try {
            return Files.isReadable(p) ? Files.readString(p).lines().findFirst().map(String::strip).filter(s -> !s.isEmpty()) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
