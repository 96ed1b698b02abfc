package dev.vigil.agent.check.firewall.linux;

import java.util.Locale;

/** The IP versions a netfilter input chain can see. */
enum IpVersion {
    IPV4,
    IPV6;

    /** The spelling used in facts and details. */
    String label() {
        return name().toLowerCase(Locale.ROOT).replace("ipv", "IPv");
    }
}
