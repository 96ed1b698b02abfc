/**
 * Patch hygiene on Linux: updates waiting to be installed (apt, dnf), a reboot waiting to activate
 * installed updates, and whether updates install themselves (unattended-upgrades, dnf-automatic).
 *
 * <p>The package managers are asked only in ways that never touch the network and never write to the
 * system: apt builds its package cache in memory unless the cache on disk is provably current, and dnf
 * runs from its metadata cache ({@code -C}).
 */
package dev.vigil.agent.check.patch.linux;
