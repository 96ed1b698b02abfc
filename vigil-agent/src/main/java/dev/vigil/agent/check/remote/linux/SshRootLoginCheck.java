package dev.vigil.agent.check.remote.linux;

import dev.vigil.agent.check.Outcome;
import dev.vigil.agent.check.PlatformCheck;
import dev.vigil.agent.policy.Policy;
import dev.vigil.agent.probe.HostProbe;
import dev.vigil.core.report.OsFamily;
import java.util.Set;

/**
 * {@code remote.ssh.root-login} on Linux: sshd's {@code PermitRootLogin}. {@code no} and any value the
 * policy lists pass; key-only root login ({@code prohibit-password}, its old name
 * {@code without-password}, {@code forced-commands-only}) warns; {@code yes} fails.
 */
public final class SshRootLoginCheck extends PlatformCheck {

    public SshRootLoginCheck() {
        super("remote.ssh.root-login", OsFamily.LINUX);
    }

    @Override
    public Outcome run(HostProbe probe, Policy policy) {
        return switch (SshdConfigLoader.load(probe)) {
            case SshdConfigLoader.Result.Loaded l -> evaluate(l.settings(), policy.sshPermitRootLogin());
            case SshdConfigLoader.Result.NoServer n -> Outcome.notApplicable(n.reason());
            case SshdConfigLoader.Result.Undecided u -> Outcome.unknown(u.reason());
        };
    }

    static Outcome evaluate(SshdSettings s, Set<String> accepted) {
        String v = s.value("permitrootlogin");
        var facts = s.facts();
        if (accepted.contains(v) || v.equals("no")) {
            return Outcome.pass(v.equals("no") ? "sshd refuses root logins (permitrootlogin no)."
                    : "sshd's permitrootlogin is " + v + ", which the policy accepts.", facts);
        }
        return switch (v) {
            case "prohibit-password", "without-password" -> Outcome.warn(
                    "sshd lets root log in with a key, though not with a password (permitrootlogin " + v + ").", facts);
            case "forced-commands-only" -> Outcome.warn(
                    "sshd lets root log in with a key limited to a forced command (permitrootlogin forced-commands-only).", facts);
            case "yes" -> Outcome.fail("sshd lets root log in with any enabled method, passwords included (permitrootlogin yes).", facts);
            default -> Outcome.unknown("unrecognised permitrootlogin value '" + v + "' (" + s.source().label + ")", facts);
        };
    }
}
