package dev.vigil.agent.check.remote.windows;

import dev.vigil.agent.check.Need;
import dev.vigil.agent.check.Outcome;
import dev.vigil.agent.check.ParseException;
import dev.vigil.agent.check.PlatformCheck;
import dev.vigil.agent.check.windows.Registry;
import dev.vigil.agent.policy.Policy;
import dev.vigil.agent.probe.HostProbe;
import dev.vigil.core.report.OsFamily;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code remote.rdp}: whether Remote Desktop accepts connections ({@code fDenyTSConnections} 0) and, if so, whether
 * Network Level Authentication is required ({@code UserAuthentication} 1). A Group Policy value under
 * {@code SOFTWARE\Policies} overrides the local one, so it is read first.
 *
 * <p>Decision: disabled → PASS. Enabled with NLA → WARN: the service is deliberate on some machines, but it is a
 * brute-force and exploit target wherever it is reachable, so it deserves a look. Enabled without NLA → FAIL: the
 * sign-in screen, and the server's pre-authentication code (BlueKeep, CVE-2019-0708), are open to anyone who can
 * connect, before any credential is checked. Enabled with the NLA setting unreadable → WARN, saying so.
 */
public final class RdpCheck extends PlatformCheck {

    static final String TERMINAL_SERVER = "HKLM\\SYSTEM\\CurrentControlSet\\Control\\Terminal Server";
    static final String RDP_TCP = TERMINAL_SERVER + "\\WinStations\\RDP-Tcp";
    static final String POLICY = "HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows NT\\Terminal Services";
    static final String DENY = "fDenyTSConnections";
    static final String NLA = "UserAuthentication";

    public RdpCheck() {
        super("remote.rdp", OsFamily.WINDOWS, Need.LIVE_SYSTEM);
    }

    @Override
    public Outcome run(HostProbe probe, Policy policy) {
        Map<String, Object> facts = new LinkedHashMap<>();
        long deny;
        switch (effective(probe, DENY, TERMINAL_SERVER)) {
            case Setting.Value(long v, String by) -> {
                deny = v;
                facts.put("remote_desktop", v == 0 ? "enabled" : "disabled");
                facts.put("remote_desktop_set_by", by);
            }
            case Setting.NotSet n -> {
                return Outcome.unknown("cannot tell whether Remote Desktop is enabled: " + DENY + " is set neither by Group Policy nor locally");
            }
            case Setting.Unreadable u -> {
                return Outcome.unknown("cannot tell whether Remote Desktop is enabled: " + u.reason());
            }
        }
        if (deny != 0) {
            return Outcome.pass("Remote Desktop is disabled (" + DENY + " = " + deny + ", " + facts.get("remote_desktop_set_by") + ").", facts);
        }
        return switch (effective(probe, NLA, RDP_TCP)) {
            case Setting.Value(long v, String by) when v != 0 -> {
                facts.put("network_level_authentication", "required");
                facts.put("network_level_authentication_set_by", by);
                yield Outcome.warn("Remote Desktop is enabled, with Network Level Authentication required.", facts);
            }
            case Setting.Value(long v, String by) -> {
                facts.put("network_level_authentication", "not required");
                facts.put("network_level_authentication_set_by", by);
                yield Outcome.fail("Remote Desktop is enabled without Network Level Authentication: anyone who can reach it"
                        + " gets the sign-in screen before any credential is checked.", facts);
            }
            case Setting.NotSet n -> {
                facts.put("network_level_authentication", "unknown: " + NLA + " is not set");
                yield Outcome.warn("Remote Desktop is enabled; whether Network Level Authentication is required could not be read ("
                        + NLA + " is not set).", facts);
            }
            case Setting.Unreadable u -> {
                facts.put("network_level_authentication", "unknown: " + u.reason());
                yield Outcome.warn("Remote Desktop is enabled; whether Network Level Authentication is required could not be read ("
                        + u.reason() + ").", facts);
            }
        };
    }

    /** The Group Policy value if set, else the local one. */
    private static Setting effective(HostProbe probe, String name, String localKey) {
        Setting fromPolicy = read(probe, POLICY, name, "Group Policy");
        return fromPolicy instanceof Setting.NotSet ? read(probe, localKey, name, "local setting") : fromPolicy;
    }

    private static Setting read(HostProbe probe, String key, String name, String by) {
        return switch (Registry.read(probe.run(Registry.value(key, name)))) {
            case Registry.Read.Found f -> {
                try {
                    yield new Setting.Value(f.key().require(name).dword(), by);
                } catch (ParseException e) {
                    yield new Setting.Unreadable(e.getMessage());
                }
            }
            case Registry.Read.Absent a -> new Setting.NotSet();
            case Registry.Read.Failed x -> new Setting.Unreadable(x.reason());
        };
    }

    /** A DWORD setting and who set it, nothing set, or why it could not be read. */
    private sealed interface Setting {
        record Value(long value, String by) implements Setting {
        }

        record NotSet() implements Setting {
        }

        record Unreadable(String reason) implements Setting {
        }
    }
}
