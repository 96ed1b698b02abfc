package dev.vigil.agent.check.network.windows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.agent.check.ParseException;
import dev.vigil.agent.check.network.Listener;
import dev.vigil.agent.check.windows.Excerpt;
import dev.vigil.agent.check.windows.PowerShellJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads {@link WindowsExposedPortsCheck#SCRIPT}: {@code Get-NetTCPConnection -State Listen} with the owning
 * process's name joined in, through {@code ConvertTo-Json}. Rows carrying a {@code State} other than Listen
 * (2 in Windows PowerShell 5.1, {@code Listen} as a name) are skipped, so the full, unfiltered cmdlet output reads too.
 */
final class NetTcpConnectionParser {

    static final String WHAT = "Get-NetTCPConnection -State Listen";
    private static final int LISTEN = 2;

    private NetTcpConnectionParser() {
    }

    static List<Listener> parse(String text) throws ParseException {
        List<Listener> out = new ArrayList<>();
        for (JsonNode o : PowerShellJson.objects(text, WHAT)) {
            JsonNode state = o.get("State");
            if (state != null && !state.isNull() && !(state.isIntegralNumber() && state.asInt() == LISTEN)
                    && !state.asText().equalsIgnoreCase("Listen")) {
                continue;
            }
            Optional<String> address = PowerShellJson.text(o, "LocalAddress").filter(a -> !a.isBlank());
            Optional<Double> port = PowerShellJson.number(o, "LocalPort");
            if (address.isEmpty() || port.isEmpty() || port.get() < 0 || port.get() > 65535 || port.get() != Math.rint(port.get())) {
                throw new ParseException("expected LocalAddress and a LocalPort between 0 and 65535 in each row from `" + WHAT + "`, got: "
                        + Excerpt.oneLine(o.toString()));
            }
            long pid = PowerShellJson.number(o, "OwningProcess").map(Double::longValue).orElse(-1L);
            Optional<String> name = PowerShellJson.text(o, "ProcessName").filter(n -> !n.isBlank());
            out.add(BoundAddress.listener(address.get(), port.get().intValue(), pid, name));
        }
        return List.copyOf(out);
    }
}
