package dev.vigil.agent.host;

import dev.vigil.agent.probe.FileResult;
import dev.vigil.agent.probe.HostProbe;
import dev.vigil.core.report.Host;
import dev.vigil.core.report.OsFamily;
import dev.vigil.core.report.OsInfo;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * Who the audited host is: a stable id hashed from the OS machine id (never the raw id), the host
 * name and the OS, all learned through the probe so that a replay names the recorded host.
 */
public final class HostIdentity {

    private HostIdentity() {
    }

    /** Identifies the host behind the probe. */
    public static Host of(HostProbe probe) {
        return switch (probe.family()) {
            case LINUX -> linux(probe);
            case MACOS -> MacHost.of(probe);
            case WINDOWS -> WindowsHost.of(probe);
        };
    }

    /** The host id for a raw machine id: the first 128 bits of SHA-256 over a Vigil-specific prefix, in hex. */
    public static String hostId(String machineId) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256")
                    .digest(("vigil.host/1:" + machineId.strip()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    private static Host linux(HostProbe probe) {
        String hostname = firstLine(probe, probe.live() ? "/proc/sys/kernel/hostname" : "/etc/hostname")
                .or(() -> firstLine(probe, "/etc/hostname"))
                .orElse("localhost");
        Map<String, String> release = text(probe, "/etc/os-release").or(() -> text(probe, "/usr/lib/os-release"))
                .map(OsRelease::parse).orElse(Map.of());
        String name = release.getOrDefault("PRETTY_NAME", release.getOrDefault("NAME", "Linux"));
        String version = release.getOrDefault("VERSION_ID", "");
        String machineId = firstLine(probe, "/etc/machine-id")
                .or(() -> firstLine(probe, "/var/lib/dbus/machine-id"))
                .orElse("hostname:" + hostname);
        return new Host(hostId(machineId), hostname, new OsInfo(OsFamily.LINUX, name, version), probe.arch());
    }

    private static Optional<String> text(HostProbe probe, String path) {
        return probe.readFile(path) instanceof FileResult.Content c ? Optional.of(c.text()) : Optional.empty();
    }

    private static Optional<String> firstLine(HostProbe probe, String path) {
        return text(probe, path).map(String::strip).map(s -> s.lines().findFirst().orElse("")).filter(s -> !s.isBlank());
    }
}
