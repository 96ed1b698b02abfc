package dev.vigil.agent.check.logging.linux;

import dev.vigil.agent.check.Outcome;
import dev.vigil.agent.check.ParseException;
import dev.vigil.agent.check.PlatformCheck;
import dev.vigil.agent.policy.Policy;
import dev.vigil.agent.probe.Command;
import dev.vigil.agent.probe.CommandResult;
import dev.vigil.agent.probe.FileResult;
import dev.vigil.agent.probe.FileStat;
import dev.vigil.agent.probe.HostProbe;
import dev.vigil.core.report.OsFamily;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code logging.audit} on Linux: auditd installed, running and recording rules.
 *
 * <p>Live: the kernel's own audit status ({@code auditctl -s}, root) says whether auditing is enabled and which
 * daemon receives it; without root, {@code /run/auditd.pid} and {@code /proc/PID/comm} say whether auditd runs.
 * {@code auditctl -l} counts the loaded rules: running without rules warns. Under {@code --root}: installed, enabled
 * at boot (systemd wants link or SysV start link) and rules configured in {@code /etc/audit}. Journald persistence is
 * reported as a fact, never as passing.
 */
public final class AuditLoggingCheck extends PlatformCheck {

    static final List<String> DAEMON_PATHS = List.of("/usr/sbin/auditd", "/sbin/auditd");
    static final String PID_FILE = "/run/auditd.pid";
    static final Command STATUS = Command.of("auditctl", "-s");
    static final Command LIST = Command.of("auditctl", "-l");
    static final String WANTS_DIR = "/etc/systemd/system/multi-user.target.wants";
    static final String UNIT_OVERRIDE = "/etc/systemd/system/auditd.service";
    static final String SYSV_DIR = "/etc/rc2.d";
    static final String RULES_DIR = "/etc/audit/rules.d";
    static final String RULES_FILE = "/etc/audit/audit.rules";

    public AuditLoggingCheck() {
        super("logging.audit", OsFamily.LINUX);
    }

    /** Whether the audit daemon runs, and how we know. */
    sealed interface Daemon {
        record Running(long pid, String how) implements Daemon {
        }

        record Stopped(String how) implements Daemon {
        }
    }

    @Override
    public Outcome run(HostProbe probe, Policy policy) {
        Map<String, Object> facts = new LinkedHashMap<>();
        Optional<String> daemon = DAEMON_PATHS.stream()
                .filter(p -> probe.stat(p).filter(s -> s.type() == FileStat.Type.FILE).isPresent()).findFirst();
        facts.put("installed", daemon.isPresent());
        daemon.ifPresent(d -> facts.put("daemon", d));
        facts.putAll(Journald.facts(probe));
        if (daemon.isEmpty()) {
            return Outcome.fail("auditd is not installed, so no audit trail records logins, privilege use or changes to"
                    + " sensitive files.", facts);
        }
        return probe.live() ? live(probe, facts) : configured(probe, facts);
    }

    private static Outcome live(HostProbe probe, Map<String, Object> facts) {
        facts.put("source", "running");
        Daemon daemon = fromPidFile(probe);
        if (!probe.elevated()) {
            return withDaemon(daemon, facts, Optional.empty(),
                    "requires root: reading the kernel audit status and rules (auditctl -s, -l) needs root");
        }
        AuditctlStatusParser.AuditStatus status;
        switch (probe.run(STATUS)) {
            case CommandResult.Completed c when c.ok() -> {
                try {
                    status = AuditctlStatusParser.parse(c.stdout());
                } catch (ParseException e) {
                    return Outcome.unknown("unrecognised output from `auditctl -s`: " + e.getMessage(), facts);
                }
            }
            case CommandResult r -> {
                return withDaemon(daemon, facts, Optional.empty(), r.describe());
            }
        }
        facts.put("audit_enabled", status.enabled());
        facts.put("immutable", status.immutable());
        daemon = status.pid() > 0 ? new Daemon.Running(status.pid(), "auditctl -s")
                : new Daemon.Stopped("the kernel has no audit daemon registered: auditctl -s reports pid 0");
        AuditRulesParser.AuditRules rules;
        switch (probe.run(LIST)) {
            case CommandResult.Completed c when c.ok() -> {
                try {
                    rules = AuditRulesParser.listing(c.stdout());
                } catch (ParseException e) {
                    return withDaemon(daemon, facts, Optional.of(status), "unrecognised output from `auditctl -l`: " + e.getMessage());
                }
            }
            case CommandResult r -> {
                return withDaemon(daemon, facts, Optional.of(status), r.describe());
            }
        }
        return evaluateLive(daemon, status, rules, facts);
    }

    /** The outcome when the rules are not known: a stopped daemon still fails, a running one is UNKNOWN for {@code reason}. */
    private static Outcome withDaemon(Daemon daemon, Map<String, Object> facts, Optional<AuditctlStatusParser.AuditStatus> status,
                                      String reason) {
        return switch (daemon) {
            case Daemon.Stopped s -> stopped(s, facts);
            case Daemon.Running r -> {
                facts.put("running", true);
                facts.put("pid", r.pid());
                if (status.isPresent() && status.get().enabled() == 0) {
                    yield disabled(r, facts);
                }
                yield Outcome.unknown(reason + "; auditd is running (pid " + r.pid() + ")", facts);
            }
        };
    }

    static Outcome evaluateLive(Daemon daemon, AuditctlStatusParser.AuditStatus status, AuditRulesParser.AuditRules rules,
                                Map<String, Object> facts) {
        Map<String, Object> f = new LinkedHashMap<>(facts);
        f.put("audit_enabled", status.enabled());
        f.put("immutable", status.immutable());
        f.put("rules", rules.rules().size());
        return switch (daemon) {
            case Daemon.Stopped s -> stopped(s, f);
            case Daemon.Running r -> {
                f.put("running", true);
                f.put("pid", r.pid());
                if (status.enabled() == 0) {
                    yield disabled(r, f);
                }
                if (rules.rules().isEmpty()) {
                    yield Outcome.warn("auditd is running (pid " + r.pid() + ") but no audit rules are loaded, so it records only the"
                            + " events the kernel and PAM send by default.", f);
                }
                yield Outcome.pass("auditd is running (pid " + r.pid() + ") with " + count(rules.rules().size(), "audit rule")
                        + " loaded" + (status.immutable() ? ", locked until reboot (immutable)" : "") + ".", f);
            }
        };
    }

    private static Outcome stopped(Daemon.Stopped s, Map<String, Object> facts) {
        facts.put("running", false);
        return Outcome.fail("auditd is installed but not running (" + s.how() + "), so nothing is recorded.", facts);
    }

    private static Outcome disabled(Daemon.Running r, Map<String, Object> facts) {
        return Outcome.fail("auditd is running (pid " + r.pid() + ") but kernel auditing is disabled (auditctl -s: enabled 0).", facts);
    }

    private static Daemon fromPidFile(HostProbe probe) {
        return switch (probe.readFile(PID_FILE)) {
            case FileResult.Content c -> {
                long pid;
                try {
                    pid = PidFileParser.pid(c.text());
                } catch (ParseException e) {
                    yield new Daemon.Stopped(PID_FILE + " is unusable: " + e.getMessage());
                }
                String comm = "/proc/" + pid + "/comm";
                yield switch (probe.readFile(comm)) {
                    case FileResult.Content p when p.text().strip().equals("auditd") -> new Daemon.Running(pid, PID_FILE + " and " + comm);
                    case FileResult.Content p -> new Daemon.Stopped(PID_FILE + " names pid " + pid + ", which is "
                            + p.text().strip() + ", not auditd");
                    default -> new Daemon.Stopped(PID_FILE + " names pid " + pid + ", which is not running");
                };
            }
            case FileResult.Missing m -> new Daemon.Stopped("there is no " + PID_FILE);
            case FileResult r -> new Daemon.Stopped(r.describe());
        };
    }

    private static Outcome configured(HostProbe probe, Map<String, Object> facts) {
        facts.put("source", "configured");
        String enabledBy = null;
        if (probe.listDirectory(WANTS_DIR).contains("auditd.service")) {
            enabledBy = WANTS_DIR + "/auditd.service";
        } else {
            enabledBy = probe.listDirectory(SYSV_DIR).stream().filter(n -> n.matches("S[0-9]{2}auditd"))
                    .findFirst().map(n -> SYSV_DIR + "/" + n).orElse(null);
        }
        boolean masked = probe.stat(UNIT_OVERRIDE).filter(s -> s.type() == FileStat.Type.OTHER || s.size() == 0).isPresent();
        ConfiguredRules rules = configuredRules(probe);
        return evaluateConfigured(Optional.ofNullable(enabledBy), masked, rules, facts);
    }

    /** The rules configured in the image, the files they came from, and files that could not be used. */
    record ConfiguredRules(int rules, boolean immutable, List<String> files, List<String> problems) {
        ConfiguredRules {
            files = List.copyOf(files);
            problems = List.copyOf(problems);
        }
    }

    private static ConfiguredRules configuredRules(HostProbe probe) {
        List<String> files = probe.listDirectory(RULES_DIR).stream().filter(n -> n.endsWith(".rules")).map(n -> RULES_DIR + "/" + n).toList();
        if (files.isEmpty()) {
            files = List.of(RULES_FILE);
        }
        int count = 0;
        boolean immutable = false;
        List<String> used = new java.util.ArrayList<>();
        List<String> problems = new java.util.ArrayList<>();
        for (String f : files) {
            switch (probe.readFile(f)) {
                case FileResult.Content c -> {
                    try {
                        AuditRulesParser.AuditRules r = AuditRulesParser.file(c.text());
                        count += r.rules().size();
                        immutable |= r.immutable();
                        used.add(f);
                    } catch (ParseException e) {
                        problems.add(f + ": " + e.getMessage());
                    }
                }
                case FileResult.Missing m -> {
                    // no rules file: no rules
                }
                case FileResult r -> problems.add(r.describe());
            }
        }
        return new ConfiguredRules(count, immutable, used, problems);
    }

    static Outcome evaluateConfigured(Optional<String> enabledBy, boolean masked, ConfiguredRules rules, Map<String, Object> facts) {
        Map<String, Object> f = new LinkedHashMap<>(facts);
        f.put("enabled_at_boot", enabledBy.isPresent() && !masked);
        enabledBy.ifPresent(e -> f.put("enabled_by", e));
        f.put("masked", masked);
        f.put("rules", rules.rules());
        f.put("immutable", rules.immutable());
        f.put("rule_files", rules.files());
        if (!rules.problems().isEmpty()) {
            f.put("problems", rules.problems());
        }
        if (masked) {
            return Outcome.fail("auditd is installed but its unit is masked (" + UNIT_OVERRIDE + "), so it never starts (configured).", f);
        }
        if (enabledBy.isEmpty()) {
            return Outcome.fail("auditd is installed but not enabled at boot (configured: no auditd.service in " + WANTS_DIR
                    + " and no SysV start link).", f);
        }
        if (rules.rules() == 0) {
            if (!rules.problems().isEmpty()) {
                return Outcome.unknown("auditd is installed and enabled at boot, but its rules cannot be read: "
                        + String.join("; ", rules.problems()), f);
            }
            return Outcome.warn("auditd is installed and enabled at boot but no audit rules are configured in /etc/audit"
                    + " (configured).", f);
        }
        return Outcome.pass("auditd is installed, enabled at boot and configured with " + count(rules.rules(), "audit rule")
                + (rules.immutable() ? ", locked at load (-e 2)" : "") + " (configured; a mounted file system cannot show it running).", f);
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
