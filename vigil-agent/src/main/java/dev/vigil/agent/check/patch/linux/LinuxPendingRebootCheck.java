package dev.vigil.agent.check.patch.linux;

import dev.vigil.agent.check.Need;
import dev.vigil.agent.check.Outcome;
import dev.vigil.agent.check.ParseException;
import dev.vigil.agent.check.PlatformCheck;
import dev.vigil.agent.policy.Policy;
import dev.vigil.agent.probe.Command;
import dev.vigil.agent.probe.CommandResult;
import dev.vigil.agent.probe.FileResult;
import dev.vigil.agent.probe.HostProbe;
import dev.vigil.core.report.OsFamily;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code patch.pending-reboot} on Linux: updates installed but not yet in effect until a reboot. Three
 * independent signals, any one of which means a reboot is pending:
 * <ul>
 *   <li>{@code /var/run/reboot-required} (Debian, Ubuntu: written by package hooks, with the packages in
 *       {@code reboot-required.pkgs});</li>
 *   <li>{@code needs-restarting -r} (RHEL, Fedora: core packages installed after boot), run through dnf
 *       with every repository disabled so it reads only the installed-package database;</li>
 *   <li>a kernel of the running kernel's flavour installed ({@code /lib/modules/*}, {@code /boot/vmlinuz-*})
 *       that is newer than the running one ({@code /proc/sys/kernel/osrelease}), on any distribution.</li>
 * </ul>
 */
public final class LinuxPendingRebootCheck extends PlatformCheck {

    static final String REBOOT_REQUIRED = "/var/run/reboot-required";
    static final String REBOOT_REQUIRED_PKGS = "/var/run/reboot-required.pkgs";
    static final String OSRELEASE = "/proc/sys/kernel/osrelease";
    static final String MODULES = "/lib/modules";
    static final String BOOT = "/boot";
    static final Command NEEDS_RESTARTING = Command.of("dnf", "-q", "-C", "--disablerepo=*", "needs-restarting", "-r");

    public LinuxPendingRebootCheck() {
        super("patch.pending-reboot", OsFamily.LINUX, Need.LIVE_SYSTEM);
    }

    @Override
    public Outcome run(HostProbe probe, Policy policy) {
        List<String> problems = new ArrayList<>();
        List<String> checked = new ArrayList<>();

        Flag flag = switch (probe.readFile(REBOOT_REQUIRED)) {
            case FileResult.Content c -> new Flag.Present(switch (probe.readFile(REBOOT_REQUIRED_PKGS)) {
                case FileResult.Content p -> RebootRequiredPkgsParser.parse(p.text());
                default -> List.of();
            });
            case FileResult.Missing m -> new Flag.Absent();
            case FileResult r -> {
                problems.add(r.describe());
                yield new Flag.Absent();
            }
        };
        checked.add(REBOOT_REQUIRED);

        Optional<NeedsRestartingParser.Hint> hint = Optional.empty();
        switch (probe.run(NEEDS_RESTARTING)) {
            case CommandResult.NotFound n -> {
            }
            case CommandResult.Completed c when c.stderr().contains("No such command") -> {
            }
            case CommandResult.Completed c when c.exitCode() == 0 || c.exitCode() == 1 -> {
                try {
                    hint = Optional.of(NeedsRestartingParser.parse(c.stdout()));
                    checked.add("needs-restarting -r");
                } catch (ParseException e) {
                    problems.add(c.exitCode() == 1 && c.stdout().isBlank() ? c.describe() : e.getMessage());
                }
            }
            case CommandResult r -> problems.add(r.describe());
        }

        Optional<String> running = switch (probe.readFile(OSRELEASE)) {
            case FileResult.Content c when !c.text().isBlank() -> Optional.of(c.text().strip());
            case FileResult r -> {
                problems.add(r instanceof FileResult.Content ? OSRELEASE + " is empty" : r.describe());
                yield Optional.empty();
            }
        };
        Set<String> installed = new LinkedHashSet<>(probe.listDirectory(MODULES));
        for (String name : probe.listDirectory(BOOT)) {
            if (name.startsWith("vmlinuz-") && name.length() > "vmlinuz-".length()) {
                installed.add(name.substring("vmlinuz-".length()));
            }
        }
        return evaluate(flag, hint, running, List.copyOf(installed), checked, problems);
    }

    /** Pure: the signals to a finding. */
    static Outcome evaluate(Flag flag, Optional<NeedsRestartingParser.Hint> hint, Optional<String> running,
            List<String> installed, List<String> checkedSources, List<String> problems) {
        List<String> checked = new ArrayList<>(checkedSources);
        List<String> reasons = new ArrayList<>();
        Set<String> packages = new LinkedHashSet<>();
        Map<String, Object> facts = new LinkedHashMap<>();
        if (flag instanceof Flag.Present(List<String> pkgs)) {
            reasons.add(REBOOT_REQUIRED + " exists" + (pkgs.isEmpty() ? "" : " (" + String.join(", ", pkgs) + ")"));
            packages.addAll(pkgs);
        }
        if (hint.isPresent() && hint.get() instanceof NeedsRestartingParser.Hint.Required(List<String> pkgs)) {
            reasons.add("needs-restarting reports core packages updated since boot"
                    + (pkgs.isEmpty() ? "" : " (" + String.join(", ", pkgs) + ")"));
            packages.addAll(pkgs);
        }
        Optional<String> newest = Optional.empty();
        if (running.isPresent()) {
            String flavour = KernelRelease.flavour(running.get());
            newest = installed.stream()
                    .filter(k -> KernelRelease.flavour(k).equals(flavour))
                    .max(KernelRelease::compare);
            if (newest.isPresent() && KernelRelease.compare(newest.get(), running.get()) > 0) {
                reasons.add("kernel " + newest.get() + " is installed but " + running.get() + " is running");
            }
            facts.put("running_kernel", running.get());
            checked.add("installed kernels");
        }
        facts.put("reasons", List.copyOf(reasons));
        facts.put("newest_installed_kernel", newest.orElse("none found"));
        facts.put("installed_kernels", installed.stream().sorted(KernelRelease::compare).toList());
        facts.put("packages_requiring_reboot", List.copyOf(packages));
        facts.put("checked", List.copyOf(checked));
        if (!reasons.isEmpty()) {
            return Outcome.fail("Reboot pending: " + String.join("; ", reasons) + ".", facts);
        }
        if (!problems.isEmpty()) {
            facts.put("problems", List.copyOf(problems));
            return Outcome.unknown("cannot tell whether a reboot is pending: " + String.join("; ", problems), facts);
        }
        String kernel = newest.isPresent()
                ? "the running kernel " + running.orElseThrow() + " is the newest installed"
                : "the running kernel " + running.orElseThrow() + " has no installed counterpart to compare with"
                        + " (not installed by the package manager)";
        return Outcome.pass("No reboot pending: no " + REBOOT_REQUIRED
                + (hint.isPresent() ? ", needs-restarting finds nothing updated since boot" : "")
                + ", and " + kernel + ".", facts);
    }

    /** Whether Debian's reboot-required flag is set, with the packages that set it. */
    sealed interface Flag {
        record Present(List<String> packages) implements Flag {
            public Present {
                packages = List.copyOf(packages);
            }
        }

        record Absent() implements Flag {
        }
    }
}
