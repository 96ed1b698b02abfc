package dev.vigil.agent.check.disk.linux;

/** Where a stack came from: the running system, or a mounted image's configuration. */
enum Basis {
    /** Read from sysfs and the mount table of the running system. */
    OBSERVED(""),
    /** Built from a mounted image's /etc/fstab, /etc/crypttab and LVM backups ({@code --root}). */
    CONFIGURED(" (configured, not observed: read from the image's /etc/fstab and /etc/crypttab)");

    private final String suffix;

    Basis(String suffix) {
        this.suffix = suffix;
    }

    /** Appended to a finding's detail, before its full stop. */
    String suffix() {
        return suffix;
    }
}
