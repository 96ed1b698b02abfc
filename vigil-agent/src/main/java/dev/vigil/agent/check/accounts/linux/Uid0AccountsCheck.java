package dev.vigil.agent.check.accounts.linux;

import dev.vigil.agent.check.Outcome;
import dev.vigil.agent.check.ParseException;
import dev.vigil.agent.check.PlatformCheck;
import dev.vigil.agent.policy.Policy;
import dev.vigil.agent.probe.FileResult;
import dev.vigil.agent.probe.HostProbe;
import dev.vigil.core.report.OsFamily;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code accounts.uid0} on Linux: root is the only account with user id 0 in {@code /etc/passwd}; any other is a
 * second superuser that audit trails and sudo policies do not see as root.
 */
public final class Uid0AccountsCheck extends PlatformCheck {

    static final String PASSWD = "/etc/passwd";

    public Uid0AccountsCheck() {
        super("accounts.uid0", OsFamily.LINUX);
    }

    @Override
    public Outcome run(HostProbe probe, Policy policy) {
        return switch (probe.readFile(PASSWD, PasswordHashRedaction.INSTANCE)) {
            case FileResult.Content c -> {
                try {
                    yield evaluate(PasswdParser.parse(c.text()));
                } catch (ParseException e) {
                    yield Outcome.unknown("unrecognised " + PASSWD + ": " + e.getMessage());
                }
            }
            case FileResult.Missing m -> Outcome.unknown(m.describe());
            case FileResult.Denied d -> Outcome.unknown(d.describe());
            case FileResult.Unreadable u -> Outcome.unknown(u.describe());
        };
    }

    static Outcome evaluate(PasswdParser.Passwd passwd) {
        List<String> uid0 = passwd.entries().stream().filter(e -> e.uid() == 0).map(PasswdParser.Entry::name).toList();
        List<String> others = uid0.stream().filter(n -> !n.equals("root")).distinct().toList();
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("uid0_accounts", uid0);
        facts.put("accounts", passwd.entries().size());
        if (!passwd.malformedLines().isEmpty()) {
            facts.put("malformed_lines", passwd.malformedLines());
        }
        if (passwd.compatLines() > 0) {
            facts.put("nis_compat_lines", passwd.compatLines());
        }
        if (!others.isEmpty()) {
            return Outcome.fail("Besides root, " + (others.size() == 1 ? "this account has" : "these accounts have")
                    + " user id 0 and full superuser power: " + String.join(", ", others) + ".", facts);
        }
        if (uid0.isEmpty()) {
            return Outcome.pass("No account in " + PASSWD + " has user id 0, so there is no second superuser.", facts);
        }
        return Outcome.pass("Only root has user id 0 (" + passwd.entries().size() + " accounts checked).", facts);
    }
}
