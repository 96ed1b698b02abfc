package dev.vigil.agent.check.firewall.linux;

import java.util.List;
import java.util.Objects;

/**
 * Reads {@code /proc/net/if_inet6} (one IPv6 address per line: address, interface index, prefix length,
 * scope, flags, interface name) for the interfaces other than loopback that hold an IPv6 address, which
 * tells whether an unfiltered IPv6 input path matters on this host. Lines that do not have six fields are skipped.
 */
final class IfInet6Parser {

    private IfInet6Parser() {
    }

    static List<String> nonLoopbackInterfaces(String text) {
        return text.lines()
                .map(l -> l.strip().split("\\s+"))
                .filter(f -> f.length == 6 && f[0].length() == 32)
                .map(f -> f[5])
                .filter(name -> !Objects.equals(name, "lo"))
                .distinct()
                .sorted()
                .toList();
    }
}
