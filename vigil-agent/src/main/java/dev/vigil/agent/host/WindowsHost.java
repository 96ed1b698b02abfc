package dev.vigil.agent.host;

import dev.vigil.agent.probe.Command;
import dev.vigil.agent.probe.CommandResult;
import dev.vigil.agent.probe.HostProbe;
import dev.vigil.agent.check.windows.RegKey;
import dev.vigil.agent.check.windows.Registry;
import dev.vigil.agent.check.windows.RegValue;
import dev.vigil.core.report.Host;
import dev.vigil.core.report.OsFamily;
import dev.vigil.core.report.OsInfo;
import java.util.Optional;

/**
 * Who a Windows host is: the id hashed from {@code MachineGuid} (set at installation, stable across reboots and
 * renames), the host name from {@code hostname}, and the OS from {@code HKLM\SOFTWARE\Microsoft\Windows
 * NT\CurrentVersion}. Windows 11 still calls itself "Windows 10" in ProductName; build 22000 and later is
 * Windows 11, so the name is corrected from CurrentBuild.
 */
public final class WindowsHost {

    static final Command MACHINE_GUID = Registry.value("HKLM\\SOFTWARE\\Microsoft\\Cryptography", "MachineGuid");
    static final Command HOSTNAME = Command.of("hostname");
    static final Command CURRENT_VERSION = Registry.key("HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion");
    static final int FIRST_WINDOWS_11_BUILD = 22000;

    private WindowsHost() {
    }

    /** Identifies the Windows host behind the probe; what cannot be read falls back as on other platforms. */
    public static Host of(HostProbe probe) {
        String hostname = probe.run(HOSTNAME) instanceof CommandResult.Completed c && c.ok() && !c.stdout().isBlank()
                ? c.stdout().strip().lines().findFirst().orElse("localhost").strip() : "localhost";
        String machineId = key(probe, MACHINE_GUID).flatMap(k -> k.value("MachineGuid")).map(RegValue::data)
                .map(String::strip).filter(s -> !s.isEmpty()).orElse("hostname:" + hostname);
        OsInfo os = key(probe, CURRENT_VERSION).map(WindowsHost::os).orElse(new OsInfo(OsFamily.WINDOWS, "Windows", ""));
        return new Host(HostIdentity.hostId(machineId), hostname, os, probe.arch());
    }

    /** Pure: the CurrentVersion key to a name ("Windows 11 Pro") and version ("23H2 (build 22631.4460)"). */
    static OsInfo os(RegKey key) {
        String product = text(key, "ProductName").orElse("Windows");
        Optional<String> build = text(key, "CurrentBuild").or(() -> text(key, "CurrentBuildNumber"));
        int buildNumber = build.filter(b -> b.matches("[0-9]{1,9}")).map(Integer::parseInt).orElse(0);
        if (buildNumber >= FIRST_WINDOWS_11_BUILD && product.startsWith("Windows 10")) {
            product = "Windows 11" + product.substring("Windows 10".length());
        }
        Optional<String> release = text(key, "DisplayVersion").or(() -> text(key, "ReleaseId"));
        Optional<Long> ubr = key.value("UBR").flatMap(RegValue::number);
        String buildText = build.map(b -> "build " + b + ubr.map(u -> "." + u).orElse("")).orElse("");
        String version = release.map(r -> buildText.isEmpty() ? r : r + " (" + buildText + ")").orElse(buildText);
        return new OsInfo(OsFamily.WINDOWS, product, version);
    }

    private static Optional<String> text(RegKey key, String name) {
        return key.value(name).map(RegValue::data).map(String::strip).filter(s -> !s.isEmpty());
    }

    private static Optional<RegKey> key(HostProbe probe, Command command) {
        return Registry.read(probe.run(command)) instanceof Registry.Read.Found f ? Optional.of(f.key()) : Optional.empty();
    }
}
