package dev.vigil.agent.host;

import dev.vigil.agent.probe.Command;
import dev.vigil.agent.probe.CommandResult;
import dev.vigil.agent.probe.HostProbe;
import dev.vigil.core.report.Host;
import dev.vigil.core.report.OsFamily;
import dev.vigil.core.report.OsInfo;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who an audited Mac is: the host id hashed from the hardware's {@code IOPlatformUUID}
 * ({@code ioreg -rd1 -c IOPlatformExpertDevice}), the computer name ({@code scutil --get ComputerName}, else
 * {@code hostname}), and the OS from {@code sw_vers} (ProductName, ProductVersion, BuildVersion). Every
 * answer comes through the probe, so a replayed audit names the recorded Mac; when a command gives nothing
 * usable, a weaker answer stands in (the host name for the id, "macOS" for the name), never an exception.
 */
public final class MacHost {

    static final Command IOREG = Command.of("/usr/sbin/ioreg", "-rd1", "-c", "IOPlatformExpertDevice");
    static final Command COMPUTER_NAME = Command.of("/usr/sbin/scutil", "--get", "ComputerName");
    static final Command HOSTNAME = Command.of("/bin/hostname");
    static final Command SW_VERS = Command.of("/usr/bin/sw_vers");

    private static final Pattern UUID = Pattern.compile(
            "\"IOPlatformUUID\"\\s*=\\s*\"(?<uuid>[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12})\"");
    private static final Pattern SW_VERS_LINE = Pattern.compile("^(?<key>[A-Za-z]+):\\s*(?<value>.*)$");

    private MacHost() {
    }

    /** Identifies the Mac behind the probe. */
    public static Host of(HostProbe probe) {
        String hostname = output(probe, COMPUTER_NAME).or(() -> output(probe, HOSTNAME)).orElse("localhost");
        String id = output(probe, IOREG).flatMap(MacHost::platformUuid)
                .map(HostIdentity::hostId)
                .orElse(HostIdentity.hostId("hostname:" + hostname));
        Map<String, String> vers = output(probe, SW_VERS).map(MacHost::swVers).orElse(Map.of());
        String product = vers.getOrDefault("ProductName", "macOS");
        String version = vers.getOrDefault("ProductVersion", "");
        String build = vers.getOrDefault("BuildVersion", "");
        String name = product + (version.isEmpty() ? "" : " " + version) + (build.isEmpty() ? "" : " (" + build + ")");
        return new Host(id, hostname, new OsInfo(OsFamily.MACOS, name, version), probe.arch());
    }

    /** The {@code IOPlatformUUID} in {@code ioreg} output, upper-cased as macOS prints it. */
    static Optional<String> platformUuid(String ioreg) {
        Matcher m = UUID.matcher(ioreg);
        return m.find() ? Optional.of(m.group("uuid").toUpperCase(java.util.Locale.ROOT)) : Optional.empty();
    }

    /** {@code sw_vers} output: {@code Key:<tabs>value} lines. */
    static Map<String, String> swVers(String text) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            Matcher kv = SW_VERS_LINE.matcher(line.strip());
            if (kv.matches() && !kv.group("value").isBlank()) {
                m.put(kv.group("key"), kv.group("value").strip());
            }
        }
        return m;
    }

    private static Optional<String> output(HostProbe probe, Command command) {
        return probe.run(command) instanceof CommandResult.Completed c && c.ok() && !c.stdout().isBlank()
                ? Optional.of(c.stdout().strip()) : Optional.empty();
    }
}
