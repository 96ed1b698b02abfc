package dev.vigil.cli;

import dev.vigil.agent.testing.Fixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Collectors;

/**
 * Builds the root file system of a Debian 12 server in a folder, as {@code vigil audit --root} finds a mounted image:
 * merged /usr, /etc/os-release linked into /usr/lib, account files with their modes (and owners, when the test runs as
 * root), fstab, sshd_config with its drop-in directory, sysctl.d, apt.conf.d, AppArmor, ufw and the systemd enable
 * links. {@link #debian12} plants what a stock install has; each other method plants one misconfiguration or its fix.
 *
 * <p>Contents come from the agent's parser fixtures ({@code vigil-agent/src/test/resources/fixtures/linux}) and this
 * module's {@code fixtures/rootfs}, real files with their provenance in a header; the few lines written here are planted
 * in the files' own formats. Program files ({@code sshd}, {@code auditd}, ...) are empty placeholders with an
 * executable mode: the checks only ask whether they exist. Unit files are not planted: systemd, and the checks, go by
 * the enable links, which point at them as {@code systemctl enable} writes them.
 */
final class DebianImage {

    static final String HOSTNAME = "bookworm-web-07";
    /** The example id from machine-id(5): unlike any real machine's. */
    static final String MACHINE_ID = "b08dfa6083e7567a1921a715000001fb";

    private static final int SHADOW_GID = 42;
    private static final String MULTI_USER_WANTS = "etc/systemd/system/multi-user.target.wants";

    private final Path root;
    private final boolean owners;

    private DebianImage(Path root) {
        this.root = root;
        dir("");
        this.owners = canPlantOwners(root);
    }

    /** A stock Debian 12 install under {@code root}: no misconfiguration, no hardening beyond Debian's defaults. */
    static DebianImage debian12(Path root) {
        DebianImage image = new DebianImage(root);
        image.base();
        return image;
    }

    Path root() {
        return root;
    }

    /** Whether this process can give files to root (it runs as root): only then can owners be planted faithfully. */
    static boolean canPlantOwners(Path anyFolder) {
        try {
            Path probe = Files.createTempFile(anyFolder, "owner", ".probe");
            try {
                return ((Integer) Files.getAttribute(probe, "unix:uid")) == 0;
            } finally {
                Files.delete(probe);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void base() {
        for (String usr : new String[] {"bin", "sbin", "lib", "lib64"}) {
            dir("usr/" + usr);
            link(usr, "usr/" + usr);
        }
        for (String empty : new String[] {"proc", "sys", "dev", "run", "tmp", "boot", "home", "root", "var/lib", "var/log/journal"}) {
            dir(empty);
        }
        file("usr/lib/os-release", agentFixture("os-release/debian-12.txt"), "0644");
        link("etc/os-release", "../usr/lib/os-release");
        file("etc/hostname", HOSTNAME + "\n", "0644");
        file("etc/machine-id", MACHINE_ID + "\n", "0444");
        file("etc/debian_version", "12.11\n", "0644");

        accounts(agentFixture("etc-passwd/debian12.txt"), agentFixture("etc-shadow/debian12-locked.txt"));
        file("etc/group", agentFixture("etc-group/debian12.txt"), "0644");
        file("etc/gshadow", gshadowOf(agentFixture("etc-group/debian12.txt")), "0640");
        own("etc/gshadow", 0, SHADOW_GID);

        // the kernel's build configuration decides the defaults of sysctls nothing configures (an excerpt: the
        // memory and security sections, which hold every option the checks ask about)
        file("boot/config-6.1.0-28-amd64", agentFixture("boot-config/distro-hardened.txt"), "0644");
        file("usr/lib/sysctl.d/50-pid-max.conf", fixture("sysctl-50-pid-max.txt"), "0644");
        file("usr/lib/sysctl.d/99-protect-links.conf", agentFixture("sysctl-d/debian-protect-links.txt"), "0644");
        file("etc/sysctl.conf", agentFixture("sysctl-d/debian-sysctl-conf-commented.txt"), "0644");
        file("etc/sysctl.d/README.sysctl", fixture("sysctl-readme.txt"), "0644");
        link("etc/sysctl.d/99-sysctl.conf", "../sysctl.conf");

        file("usr/sbin/sshd", "", "0755");
        file("etc/ssh/sshd_config", agentFixture("sshd_config/debian-default.txt"), "0644");
        dir("etc/ssh/sshd_config.d");

        file("etc/apt/apt.conf.d/01autoremove", fixture("apt-01autoremove.txt"), "0644");
        file("etc/apt/apt.conf.d/70debconf", fixture("apt-70debconf.txt"), "0644");
        link("etc/systemd/system/timers.target.wants/apt-daily.timer", "/lib/systemd/system/apt-daily.timer");
        link("etc/systemd/system/timers.target.wants/apt-daily-upgrade.timer", "/lib/systemd/system/apt-daily-upgrade.timer");

        file("usr/sbin/apparmor_parser", "", "0755");
        dir("etc/apparmor.d/abstractions");
        dir("etc/apparmor.d/tunables");
        dir("etc/apparmor.d/disable");
        dir("etc/apparmor.d/force-complain");
        file("etc/apparmor.d/local/usr.bin.man", "", "0644");
        file("etc/apparmor.d/usr.bin.man", fixture("apparmor-usr.bin.man.txt"), "0644");

        // ufw is installed and its unit enabled by the package; ufw.conf decides whether it loads rules
        file("etc/ufw/ufw.conf", fixture("ufw-conf.txt"), "0644");
        file("etc/default/ufw", fixture("ufw-default.txt"), "0644");
        link(MULTI_USER_WANTS + "/ufw.service", "/lib/systemd/system/ufw.service");

        file("etc/systemd/journald.conf", agentFixture("journald-conf/debian12-default.txt"), "0644");
    }

    // --- accounts ---

    /** A second uid 0 account (toor, with a password) and an account whose shadow password field is empty (deploy). */
    DebianImage secondSuperuserAndEmptyPassword() {
        String group = agentFixture("etc-group/debian12.txt") + "deploy:x:1001:\n";
        file("etc/group", group, "0644");
        file("etc/gshadow", gshadowOf(group), "0640");
        own("etc/gshadow", 0, SHADOW_GID);
        String passwd = agentFixture("etc-passwd/debian12.txt")
                + "toor:x:0:0:backdoor:/root:/bin/bash\n"
                + "deploy:x:1001:1001:Deploy user,,,:/home/deploy:/bin/bash\n";
        String hash = agentFixture("etc-shadow/planted-hashes-empty.txt").lines()
                .filter(l -> l.startsWith("alice:")).findFirst().orElseThrow().split(":")[1];
        String shadow = agentFixture("etc-shadow/debian12-locked.txt")
                + "toor:" + hash + ":19900:0:99999:7:::\n"
                + "deploy::19900:0:99999:7:::\n";
        accounts(passwd, shadow);
        return this;
    }

    /** /etc/shadow readable by everyone, as a careless {@code chmod 644} leaves it. */
    DebianImage shadowMode(String mode) {
        chmod("etc/shadow", mode);
        return this;
    }

    private void accounts(String passwd, String shadow) {
        file("etc/passwd", passwd, "0644");
        file("etc/shadow", shadow, "0640");
        own("etc/shadow", 0, SHADOW_GID);
    }

    // --- disks ---

    /** Root and a swap file on plain partitions (no encryption layer). */
    DebianImage plainPartitions() {
        file("etc/fstab", agentFixture("etc-fstab/plain-partitions-swapfile.txt"), "0644");
        return this;
    }

    /** The Debian installer's "encrypted LVM": root and swap on logical volumes of a volume group on LUKS. */
    DebianImage encryptedLvm() {
        file("etc/fstab", agentFixture("etc-fstab/debian-encrypted-lvm.txt"), "0644");
        file("etc/crypttab", agentFixture("etc-crypttab/debian-luks.txt"), "0644");
        file("etc/lvm/backup/debian-vg", agentFixture("etc-lvm-backup/debian-vg-on-crypt.txt"), "0600");
        return this;
    }

    // --- sshd ---

    /** A drop-in in /etc/ssh/sshd_config.d, which Debian's sshd_config includes before its own settings. */
    DebianImage sshdDropIn(String name, String text) {
        file("etc/ssh/sshd_config.d/" + name, text, "0644");
        return this;
    }

    /** The drop-in an administrator writes to let root and passwords in. */
    DebianImage sshdRootAndPasswords() {
        return sshdDropIn("60-admin.conf", "# temporary: allow root for the migration\nPermitRootLogin yes\nPasswordAuthentication yes\n");
    }

    /** The drop-in that turns off root login and passwords. */
    DebianImage sshdKeysOnly() {
        return sshdDropIn("50-hardening.conf", agentFixture("sshd_config/debian-dropin-50-hardening.txt"));
    }

    // --- kernel ---

    /** A sysctl.d file that turns ASLR off, accepts ICMP redirects and shows kernel pointers. */
    DebianImage weakSysctls() {
        file("etc/sysctl.d/60-planted.conf", agentFixture("sysctl-d/planted-weak.txt"), "0644");
        return this;
    }

    /** A sysctl.d file setting every sysctl the default policy expects that Debian leaves at a weaker default. */
    DebianImage hardeningSysctls() {
        file("etc/sysctl.d/90-hardening.conf", """
                # local hardening, see sysctl.d(5)
                kernel.randomize_va_space = 2
                kernel.kptr_restrict = 1
                net.ipv4.conf.all.accept_redirects = 0
                net.ipv4.conf.all.send_redirects = 0
                net.ipv4.conf.all.rp_filter = 1
                """, "0644");
        return this;
    }

    // --- firewall ---

    /** ufw set to load its rules at boot ({@code ufw enable} rewrites ENABLED=no to yes). */
    DebianImage ufwEnabled() {
        file("etc/ufw/ufw.conf", fixture("ufw-conf.txt").replace("ENABLED=no", "ENABLED=yes"), "0644");
        return this;
    }

    // --- patches ---

    /** unattended-upgrades installed and switched on as {@code dpkg-reconfigure unattended-upgrades} leaves it. */
    DebianImage unattendedUpgrades() {
        file("usr/bin/unattended-upgrade", "", "0755");
        file("etc/apt/apt.conf.d/20auto-upgrades", agentFixture("apt-conf-d/20auto-upgrades.txt"), "0644");
        file("etc/apt/apt.conf.d/50unattended-upgrades", fixture("apt-50unattended-upgrades.txt"), "0644");
        return this;
    }

    // --- AppArmor ---

    /** The only profile disabled, as {@code aa-disable} does it: a link in /etc/apparmor.d/disable. */
    DebianImage appArmorProfileDisabled() {
        link("etc/apparmor.d/disable/usr.bin.man", "/etc/apparmor.d/usr.bin.man");
        return this;
    }

    // --- audit ---

    /** auditd installed, enabled at boot and loading the default rules file plus a CIS rule set. */
    DebianImage auditdWithRules() {
        file("usr/sbin/auditd", "", "0750");
        file("etc/audit/rules.d/audit.rules", agentFixture("audit-rules/default-no-rules.txt"), "0640");
        file("etc/audit/rules.d/50-cis.rules", agentFixture("audit-rules/cis-immutable.txt"), "0640");
        link(MULTI_USER_WANTS + "/auditd.service", "/lib/systemd/system/auditd.service");
        dir("var/log/audit");
        return this;
    }

    // --- plumbing ---

    private void dir(String relative) {
        try {
            Files.createDirectories(root.resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void file(String relative, String text, String mode) {
        Path p = root.resolve(relative);
        try {
            Files.createDirectories(p.getParent());
            Files.writeString(p, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        chmod(relative, mode);
    }

    private void link(String relative, String target) {
        Path p = root.resolve(relative);
        try {
            Files.createDirectories(p.getParent());
            Files.deleteIfExists(p);
            Files.createSymbolicLink(p, Path.of(target));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void chmod(String relative, String octal) {
        int mode = Integer.parseInt(octal, 8);
        StringBuilder rwx = new StringBuilder();
        for (int shift = 6; shift >= 0; shift -= 3) {
            int bits = (mode >> shift) & 7;
            rwx.append((bits & 4) != 0 ? 'r' : '-').append((bits & 2) != 0 ? 'w' : '-').append((bits & 1) != 0 ? 'x' : '-');
        }
        try {
            Files.setPosixFilePermissions(root.resolve(relative), PosixFilePermissions.fromString(rwx.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Gives a file to {@code uid:gid} when this process may (it runs as root); otherwise leaves the owner as is. */
    private void own(String relative, int uid, int gid) {
        if (!owners) {
            return;
        }
        try {
            Files.setAttribute(root.resolve(relative), "unix:uid", uid);
            Files.setAttribute(root.resolve(relative), "unix:gid", gid);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** gshadow as Debian's base-passwd and adduser write it for these groups: no password ({@code *}), same members. */
    private static String gshadowOf(String group) {
        return group.lines().filter(l -> !l.isBlank()).map(l -> {
            String[] f = l.split(":", -1);
            return f[0] + ":*::" + (f.length > 3 ? f[3] : "");
        }).collect(Collectors.joining("\n", "", "\n"));
    }

    /** A file of this module's {@code fixtures/rootfs}, without its provenance header. */
    private static String fixture(String name) {
        return Fixtures.output("rootfs/" + name);
    }

    /** One of the agent's parser fixtures (from its test jar), without its provenance header. */
    private static String agentFixture(String relative) {
        return Fixtures.output("linux/" + relative);
    }
}
