package dev.vigil.agent.check.accounts.linux;

import dev.vigil.agent.check.Outcome;
import dev.vigil.agent.check.ParseException;
import dev.vigil.agent.check.PlatformCheck;
import dev.vigil.agent.policy.Policy;
import dev.vigil.agent.probe.FileResult;
import dev.vigil.agent.probe.HostProbe;
import dev.vigil.core.report.OsFamily;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code accounts.empty-passwords} on Linux: no account may log in without a password. An account's password is its
 * {@code /etc/shadow} field when {@code /etc/passwd} says {@code x}, else its passwd field; an empty one fails. Locked
 * fields ({@code !}, {@code *}) are fine. Both files are read with {@link PasswordHashRedaction}, so hashes never leave
 * the probe. Reading /etc/shadow needs root.
 */
public final class EmptyPasswordsCheck extends PlatformCheck {

    static final String PASSWD = "/etc/passwd";
    static final String SHADOW = "/etc/shadow";

    public EmptyPasswordsCheck() {
        super("accounts.empty-passwords", OsFamily.LINUX);
    }

    @Override
    public Outcome run(HostProbe probe, Policy policy) {
        PasswdParser.Passwd passwd;
        switch (probe.readFile(PASSWD, PasswordHashRedaction.INSTANCE)) {
            case FileResult.Content c -> {
                try {
                    passwd = PasswdParser.parse(c.text());
                } catch (ParseException e) {
                    return Outcome.unknown("unrecognised " + PASSWD + ": " + e.getMessage());
                }
            }
            case FileResult.Missing m -> {
                return Outcome.unknown(m.describe());
            }
            case FileResult.Denied d -> {
                return Outcome.unknown(d.describe());
            }
            case FileResult.Unreadable u -> {
                return Outcome.unknown(u.describe());
            }
        }
        Optional<ShadowParser.Shadow> shadow;
        switch (probe.readFile(SHADOW, PasswordHashRedaction.INSTANCE)) {
            case FileResult.Content c -> {
                try {
                    shadow = Optional.of(ShadowParser.parse(c.text()));
                } catch (ParseException e) {
                    return Outcome.unknown("unrecognised " + SHADOW + ": " + e.getMessage());
                }
            }
            case FileResult.Missing m -> shadow = Optional.empty();
            case FileResult.Denied d -> {
                return Outcome.unknown("requires root: " + d.describe());
            }
            case FileResult.Unreadable u -> {
                return Outcome.unknown(u.describe());
            }
        }
        return evaluate(passwd, shadow);
    }

    /** One account whose password is empty, and the file that says so. */
    private record Empty(String name, long uid, String shell, String file) {
        Map<String, Object> fact() {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("account", name);
            f.put("uid", uid);
            f.put("shell", shell);
            f.put("file", file);
            return f;
        }

        String describe() {
            return name + " (" + file + ")";
        }
    }

    static Outcome evaluate(PasswdParser.Passwd passwd, Optional<ShadowParser.Shadow> shadow) {
        Map<String, ShadowParser.Entry> byName = new HashMap<>();
        shadow.ifPresent(s -> s.entries().forEach(e -> byName.putIfAbsent(e.name(), e)));
        List<Empty> empty = new ArrayList<>();
        int withPassword = 0;
        int noPasswordLogin = 0;
        for (PasswdParser.Entry account : passwd.entries()) {
            PasswordState state = account.passwordState();
            String file = PASSWD;
            if (state == PasswordState.IN_SHADOW) {
                ShadowParser.Entry s = byName.get(account.name());
                // "x" with no shadow entry: pam_unix finds no hash, so there is no password login
                state = s == null ? PasswordState.LOCKED : s.passwordState();
                file = SHADOW;
            }
            switch (state) {
                case EMPTY -> empty.add(new Empty(account.name(), account.uid(), account.shell(), file));
                case SET -> withPassword++;
                case LOCKED, IN_SHADOW -> noPasswordLogin++;
            }
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("accounts", passwd.entries().size());
        facts.put("with_password", withPassword);
        facts.put("locked_or_no_password_login", noPasswordLogin);
        facts.put("empty_passwords", empty.stream().map(Empty::fact).toList());
        facts.put("shadow_file", shadow.isPresent() ? "read" : "absent");
        if (!passwd.malformedLines().isEmpty()) {
            facts.put("passwd_malformed_lines", passwd.malformedLines());
        }
        shadow.filter(s -> !s.malformedLines().isEmpty()).ifPresent(s -> facts.put("shadow_malformed_lines", s.malformedLines()));
        if (!empty.isEmpty()) {
            return Outcome.fail(empty.size() + (empty.size() == 1 ? " account has" : " accounts have")
                    + " an empty password and can log in without one: "
                    + String.join(", ", empty.stream().map(Empty::describe).toList()) + ".", facts);
        }
        String noShadow = shadow.isPresent() ? "" : "; there is no " + SHADOW + ", so accounts marked x have no password login";
        return Outcome.pass("No account has an empty password (" + passwd.entries().size() + " accounts: " + withPassword
                + " with a password, " + noPasswordLogin + " locked or without password login" + noShadow + ").", facts);
    }
}
