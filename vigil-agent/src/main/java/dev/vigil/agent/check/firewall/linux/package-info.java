/**
 * {@code firewall.enabled} on Linux: whether netfilter drops unsolicited inbound traffic, read from
 * {@code nft -j list ruleset} (which also shows iptables-nft, ufw and firewalld rules), from legacy
 * iptables when its tables are loaded, and, when auditing a mounted file system, from the firewall
 * configured to start at boot.
 */
package dev.vigil.agent.check.firewall.linux;
