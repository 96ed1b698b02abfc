/**
 * Linux kernel hardening: address space layout randomisation and the hardening sysctls.
 *
 * <p>On a running system the values come from {@code /proc/sys}. Under {@code --root} they are the values the
 * image would configure at boot: the sysctl.d files with systemd's precedence and {@code /etc/sysctl.conf}
 * last (as procps' {@code sysctl --system} applies them), falling back to the kernel's own default where it is
 * known, possibly from the image's {@code /boot/config-*}.
 */
package dev.vigil.agent.check.kernel.linux;
