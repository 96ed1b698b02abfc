/**
 * Platform integrity on Linux: a mandatory access control system enforcing (SELinux or AppArmor), and
 * UEFI Secure Boot verifying the boot chain. Both are read from the kernel's own files
 * ({@code /sys/fs/selinux}, {@code /sys/kernel/security/apparmor}, {@code /sys/firmware/efi/efivars}),
 * with configuration files standing in under {@code --root}.
 */
package dev.vigil.agent.check.integrity.linux;
