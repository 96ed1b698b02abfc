package dev.vigil.agent.check.files.linux;

import dev.vigil.agent.check.Outcome;
import dev.vigil.agent.check.ParseException;
import dev.vigil.agent.check.PlatformCheck;
import dev.vigil.agent.check.accounts.linux.PasswdParser;
import dev.vigil.agent.check.accounts.linux.PasswordHashRedaction;
import dev.vigil.agent.check.accounts.linux.PasswordState;
import dev.vigil.agent.policy.Policy;
import dev.vigil.agent.probe.FileResult;
import dev.vigil.agent.probe.FileStat;
import dev.vigil.agent.probe.HostProbe;
import dev.vigil.core.report.OsFamily;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code files.shadow-permissions} on Linux. {@code /etc/shadow} and {@code /etc/gshadow} hold password hashes: each
 * must be owned by root, belong to a group the policy allows (root, shadow), and have no mode bit beyond the policy's
 * maximum (0640). {@code /etc/passwd} and {@code /etc/group} are read by everyone but must be owned by root and
 * writable by nobody else, or anyone could make themselves uid 0. A missing gshadow is normal; a missing shadow is
 * judged by what {@code /etc/passwd} then holds: hashes there are readable by every user.
 */
public final class ShadowPermissionsCheck extends PlatformCheck {

    static final String SHADOW = "/etc/shadow";
    static final String GSHADOW = "/etc/gshadow";
    static final String PASSWD = "/etc/passwd";
    static final String GROUP = "/etc/group";

    /** What a file must satisfy. */
    enum Rule {
        /** Holds hashes: owner root, group allowed by the policy, mode within the policy's maximum. */
        SECRET,
        /** World-readable account database: owner root, not writable by group or others. */
        PUBLIC
    }

    /** What /etc/passwd says when there is no /etc/shadow: the accounts whose hashes it holds, or why it is not known. */
    sealed interface PasswdHashes {
        record Known(List<String> accounts) implements PasswdHashes {
            public Known {
                accounts = List.copyOf(accounts);
            }
        }

        record Unknown(String reason) implements PasswdHashes {
        }
    }

    public ShadowPermissionsCheck() {
        super("files.shadow-permissions", OsFamily.LINUX);
    }

    @Override
    public Outcome run(HostProbe probe, Policy policy) {
        Map<String, Optional<FileStat>> stats = new LinkedHashMap<>();
        for (String path : List.of(SHADOW, GSHADOW, PASSWD, GROUP)) {
            stats.put(path, probe.stat(path));
        }
        GroupParser.Groups groups = switch (probe.readFile(GROUP, PasswordHashRedaction.INSTANCE)) {
            case FileResult.Content c -> {
                try {
                    yield GroupParser.parse(c.text());
                } catch (ParseException e) {
                    yield new GroupParser.Groups(Map.of());
                }
            }
            default -> new GroupParser.Groups(Map.of());
        };
        Optional<PasswdHashes> passwdHashes = stats.get(SHADOW).isPresent() ? Optional.empty() : Optional.of(passwdHashes(probe));
        return evaluate(stats, groups, passwdHashes, policy.shadowMaxModeBits(), policy.shadowGroups());
    }

    private static PasswdHashes passwdHashes(HostProbe probe) {
        return switch (probe.readFile(PASSWD, PasswordHashRedaction.INSTANCE)) {
            case FileResult.Content c -> {
                try {
                    yield new PasswdHashes.Known(PasswdParser.parse(c.text()).entries().stream()
                            .filter(e -> e.passwordState() == PasswordState.SET).map(PasswdParser.Entry::name).toList());
                } catch (ParseException e) {
                    yield new PasswdHashes.Unknown("unrecognised " + PASSWD + ": " + e.getMessage());
                }
            }
            case FileResult.Missing m -> new PasswdHashes.Unknown(m.describe());
            case FileResult.Denied d -> new PasswdHashes.Unknown(d.describe());
            case FileResult.Unreadable u -> new PasswdHashes.Unknown(u.describe());
        };
    }

    static Outcome evaluate(Map<String, Optional<FileStat>> stats, GroupParser.Groups groups,
                            Optional<PasswdHashes> passwdHashes, int maxMode, List<String> allowedGroups) {
        Map<String, Object> files = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, Optional<FileStat>> e : stats.entrySet()) {
            String path = e.getKey();
            Rule rule = path.equals(SHADOW) || path.equals(GSHADOW) ? Rule.SECRET : Rule.PUBLIC;
            Map<String, Object> f = new LinkedHashMap<>();
            if (e.getValue().isEmpty()) {
                f.put("present", false);
                files.put(path, f);
                if (!path.equals(SHADOW) && !path.equals(GSHADOW)) {
                    problems.add(path + " does not exist");
                }
                continue;
            }
            FileStat s = e.getValue().get();
            if (s.uid() < 0 || s.gid() < 0) {
                return Outcome.unknown("cannot tell the owner of " + path + ": the file system reports no POSIX owner");
            }
            String group = groupName(groups, s.gid());
            List<String> fileProblems = problems(s, rule, group, maxMode, allowedGroups);
            f.put("present", true);
            f.put("mode", s.octalMode());
            f.put("owner_uid", s.uid());
            f.put("gid", s.gid());
            f.put("group", group);
            f.put("ok", fileProblems.isEmpty());
            if (!fileProblems.isEmpty()) {
                f.put("problems", fileProblems);
                problems.add(path + " " + String.join(" and ", fileProblems));
            }
            files.put(path, f);
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("files", files);
        facts.put("max_mode", String.format("%04o", maxMode));
        facts.put("allowed_groups", allowedGroups);
        if (passwdHashes.isPresent()) {
            switch (passwdHashes.get()) {
                case PasswdHashes.Known k when !k.accounts().isEmpty() -> {
                    facts.put("hashes_in_passwd", k.accounts());
                    problems.addFirst("there is no " + SHADOW + ", and " + PASSWD + ", which every user can read, holds password hashes for "
                            + String.join(", ", k.accounts()));
                }
                case PasswdHashes.Known k -> facts.put("hashes_in_passwd", List.of());
                case PasswdHashes.Unknown u -> {
                    if (problems.isEmpty()) {
                        return Outcome.unknown("there is no " + SHADOW + ", and whether " + PASSWD
                                + " holds password hashes cannot be told: " + u.reason(), facts);
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            return Outcome.fail(capitalise(String.join("; ", problems)) + ".", facts);
        }
        if (passwdHashes.isPresent()) {
            return Outcome.pass("There is no " + SHADOW + " and " + PASSWD + " holds no password hashes; " + PASSWD + " and " + GROUP
                    + " are owned by root and writable by nobody else.", facts);
        }
        String secrets = stats.get(GSHADOW).isPresent() ? SHADOW + " and " + GSHADOW + " are" : SHADOW + " is";
        return Outcome.pass(secrets + " owned by root with an allowed group and mode within " + String.format("%04o", maxMode)
                + ", and " + PASSWD + " and " + GROUP + " are writable only by root.", facts);
    }

    private static List<String> problems(FileStat s, Rule rule, String group, int maxMode, List<String> allowedGroups) {
        List<String> p = new ArrayList<>();
        if (s.type() != FileStat.Type.FILE) {
            p.add("is not a regular file (" + s.type().name().toLowerCase(Locale.ROOT) + ")");
        }
        if (s.uid() != 0) {
            p.add("is owned by uid " + s.uid() + ", not root");
        }
        switch (rule) {
            case SECRET -> {
                int extra = s.mode() & 07777 & ~maxMode;
                if (extra != 0) {
                    p.add("has mode " + s.octalMode() + ", beyond " + String.format("%04o", maxMode) + " (" + describeBits(extra) + ")");
                }
                if (!allowedGroups.contains(group)) {
                    p.add("belongs to group " + group + ", not " + String.join(" or ", allowedGroups));
                }
            }
            case PUBLIC -> {
                int writable = s.mode() & 022;
                if (writable != 0) {
                    p.add("has mode " + s.octalMode() + " (" + describeBits(writable) + ")");
                }
            }
        }
        return p;
    }

    private static String groupName(GroupParser.Groups groups, long gid) {
        return groups.name(gid).orElse(gid == 0 ? "root" : "gid " + gid);
    }

    /** The permissions that {@code bits} grant, e.g. "others can read, group can write". */
    static String describeBits(int bits) {
        List<String> parts = new ArrayList<>();
        String[] who = {"owner", "group", "others"};
        for (int i = 0; i < 3; i++) {
            int b = (bits >> (6 - 3 * i)) & 7;
            List<String> can = new ArrayList<>();
            if ((b & 4) != 0) {
                can.add("read");
            }
            if ((b & 2) != 0) {
                can.add("write");
            }
            if ((b & 1) != 0) {
                can.add("execute");
            }
            if (!can.isEmpty()) {
                parts.add(who[i] + " can " + String.join(" and ", can));
            }
        }
        if ((bits & 07000) != 0) {
            parts.add("setuid, setgid or sticky bit set");
        }
        return String.join(", ", parts);
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
