package dev.vigil.agent.check.remote.linux;

import dev.vigil.agent.check.Outcome;
import dev.vigil.agent.check.PlatformCheck;
import dev.vigil.agent.policy.Policy;
import dev.vigil.agent.probe.HostProbe;
import dev.vigil.core.report.OsFamily;
import java.util.Arrays;

/**
 * {@code remote.ssh.password-auth} on Linux: can a password alone open an SSH session?
 *
 * <p>PASS when {@code AuthenticationMethods} demands a non-password method in every list, or when
 * {@code PasswordAuthentication} is off and keyboard-interactive cannot ask for a password.
 * FAIL when {@code PasswordAuthentication} is on. WARN when only keyboard-interactive through PAM
 * remains ({@code KbdInteractiveAuthentication yes} with {@code UsePAM yes}): with the usual PAM stack
 * that prompts for the account password, but a PAM stack for one-time codes does not, and which one
 * sshd's PAM stack uses is not decided here.
 */
public final class SshPasswordAuthCheck extends PlatformCheck {

    public SshPasswordAuthCheck() {
        super("remote.ssh.password-auth", OsFamily.LINUX);
    }

    @Override
    public Outcome run(HostProbe probe, Policy policy) {
        return switch (SshdConfigLoader.load(probe)) {
            case SshdConfigLoader.Result.Loaded l -> evaluate(l.settings());
            case SshdConfigLoader.Result.NoServer n -> Outcome.notApplicable(n.reason());
            case SshdConfigLoader.Result.Undecided u -> Outcome.unknown(u.reason());
        };
    }

    static Outcome evaluate(SshdSettings s) {
        String password = s.value("passwordauthentication");
        String kbd = s.value("kbdinteractiveauthentication");
        String pam = s.value("usepam");
        String methods = s.value("authenticationmethods");
        var facts = s.facts();
        if (!methods.equals("any") && Arrays.stream(methods.split("\\s+")).noneMatch(SshPasswordAuthCheck::passwordOnly)) {
            return Outcome.pass("Every sshd AuthenticationMethods list requires a non-password method (authenticationmethods "
                    + methods + "), so a password alone cannot log in.", facts);
        }
        if (password.equals("yes")) {
            return Outcome.fail("sshd accepts passwords (passwordauthentication yes).", facts);
        }
        if (!password.equals("no")) {
            return Outcome.unknown("unrecognised passwordauthentication value '" + password + "' (" + s.source().label + ")", facts);
        }
        if (kbd.equals("yes") && pam.equals("yes")) {
            return Outcome.warn("sshd's password authentication is off, but keyboard-interactive through PAM is on "
                    + "(kbdinteractiveauthentication yes, usepam yes), which asks for the account password unless sshd's PAM stack "
                    + "was set up for something else.", facts);
        }
        return Outcome.pass("sshd accepts no passwords (passwordauthentication no, kbdinteractiveauthentication " + kbd
                + ", usepam " + pam + ").", facts);
    }

    /** A comma-separated method list made only of password methods. */
    private static boolean passwordOnly(String list) {
        return Arrays.stream(list.split(",")).allMatch(m -> m.equals("password") || m.startsWith("keyboard-interactive"));
    }
}
