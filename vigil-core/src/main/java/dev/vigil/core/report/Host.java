package dev.vigil.core.report;

import java.util.Objects;

/**
 * The audited machine.
 *
 * @param id       stable across runs and reboots: a hash of the OS machine id, never the raw id
 * @param hostname the host name at audit time
 * @param os       operating system
 * @param arch     CPU architecture, e.g. {@code x86_64}, {@code aarch64}
 */
public record Host(String id, String hostname, OsInfo os, String arch) {
    public Host {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(hostname, "hostname");
        Objects.requireNonNull(os, "os");
        Objects.requireNonNull(arch, "arch");
    }
}
