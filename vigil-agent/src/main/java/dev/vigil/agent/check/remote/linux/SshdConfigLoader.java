package dev.vigil.agent.check.remote.linux;

import dev.vigil.agent.check.ParseException;
import dev.vigil.agent.check.remote.linux.SshdConfigParser.Directive;
import dev.vigil.agent.probe.Command;
import dev.vigil.agent.probe.CommandResult;
import dev.vigil.agent.probe.FileResult;
import dev.vigil.agent.probe.HostProbe;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Gathers sshd's settings for both SSH checks.
 *
 * <p>First {@code sshd -T}: sshd's own answer, defaults and Includes resolved. It needs root (it loads
 * the host keys: "sshd: no hostkeys available -- exiting.") and a sane install ("Missing privilege
 * separation directory: /run/sshd"), and cannot run under {@code --root}. Otherwise the files are read
 * as sshd reads them: the first value of a keyword wins; {@code Include} (paths relative to
 * {@code /etc/ssh}, globs in the file name, matches in sorted order) is expanded where it stands;
 * a {@code Match} block runs to the end of the file it is in and only applies to some connections, so
 * it is skipped, and a note says so; keywords set nowhere take OpenSSH's defaults.
 */
final class SshdConfigLoader {

    static final Command SSHD_T = Command.of("sshd", "-T");
    static final String MAIN = "/etc/ssh/sshd_config";
    static final String SSHD_BINARY = "/usr/sbin/sshd";
    private static final int MAX_INCLUDE_DEPTH = 16;

    private SshdConfigLoader() {
    }

    /** What loading gave. */
    sealed interface Result {
        record Loaded(SshdSettings settings) implements Result {
        }

        record NoServer(String reason) implements Result {
        }

        record Undecided(String reason) implements Result {
        }
    }

    static Result load(HostProbe probe) {
        List<String> notes = new ArrayList<>();
        boolean sshdFound = true;
        switch (probe.run(SSHD_T)) {
            case CommandResult.Completed c when c.ok() -> {
                try {
                    return loaded(SshdConfigParser.parseEffective(c.stdout()), SshdSettings.Source.EFFECTIVE, List.of(), notes, probe);
                } catch (ParseException e) {
                    notes.add("`sshd -T` gave unrecognised output: " + e.getMessage());
                }
            }
            case CommandResult.Completed c -> notes.add(c.describe() + (probe.elevated() ? "" : " (sshd -T needs root to load the host keys)"));
            case CommandResult.NotFound n -> {
                sshdFound = false;
                notes.add(n.describe());
            }
            case CommandResult.TimedOut t -> notes.add(t.describe());
            case CommandResult.Unavailable u -> sshdFound = probe.stat(SSHD_BINARY).isPresent();
        }
        return switch (probe.readFile(MAIN)) {
            case FileResult.Content c -> fromFiles(probe, c, notes);
            case FileResult.Missing m -> sshdFound
                    ? new Result.Undecided("sshd is installed but " + MAIN + " does not exist" + joined(notes))
                    : new Result.NoServer("no SSH server installed (sshd not found, no " + MAIN + ")");
            case FileResult.Denied d -> new Result.Undecided(d.describe() + " (requires root)" + joined(notes));
            case FileResult.Unreadable u -> new Result.Undecided(u.describe() + joined(notes));
        };
    }

    private static String joined(List<String> notes) {
        return notes.isEmpty() ? "" : "; " + String.join("; ", notes);
    }

    private static Result fromFiles(HostProbe probe, FileResult.Content main, List<String> notes) {
        Expansion x = new Expansion(probe);
        x.expand(main.path(), main.text(), 0);
        if (x.blocked != null) {
            return new Result.Undecided(x.blocked + joined(notes));
        }
        notes.addAll(x.caveats);
        return loaded(x.values, SshdSettings.Source.CONFIG_FILES, x.files, notes, probe);
    }

    private static Result loaded(Map<String, String> found, SshdSettings.Source source, List<String> files, List<String> notes, HostProbe probe) {
        Map<String, String> values = new LinkedHashMap<>();
        List<String> defaulted = new ArrayList<>();
        SshdSettings.KEYWORDS.forEach((k, dflt) -> {
            String v = found.get(k);
            if (v == null || v.isBlank()) {
                defaulted.add(k);
                values.put(k, dflt);
            } else {
                values.put(k, v);
            }
        });
        if (probe.live()) {
            // cheap hint only: socket-activated sshd has no pid file
            notes.add(probe.stat("/run/sshd.pid").isPresent() ? "sshd is running (/run/sshd.pid exists)"
                    : "no /run/sshd.pid: sshd may not be running (or is socket-activated); its configuration is evaluated anyway");
        }
        return new Result.Loaded(new SshdSettings(values, source, files, defaulted, notes));
    }

    /** Reads a configuration file and its Includes in sshd's order, keeping the first global value of each keyword. */
    private static final class Expansion {
        final HostProbe probe;
        final Map<String, String> values = new LinkedHashMap<>();
        final List<String> files = new ArrayList<>();
        final List<String> caveats = new ArrayList<>();
        String blocked;

        Expansion(HostProbe probe) {
            this.probe = probe;
        }

        void expand(String path, String text, int depth) {
            files.add(path);
            boolean inMatch = false;
            for (Directive d : SshdConfigParser.parseFile(text)) {
                if (blocked != null) {
                    return;
                }
                if (d.keyword().equals("match")) {
                    if (!inMatch) {
                        caveats.add("Match block at " + path + " line " + d.line() + " ignored: it applies to some connections only; these are the global values");
                    }
                    inMatch = true;
                } else if (inMatch) {
                    continue;
                } else if (d.keyword().equals("include")) {
                    for (String pattern : d.args()) {
                        include(pattern, depth, path, d.line());
                    }
                } else {
                    values.putIfAbsent(d.keyword(), d.value());
                }
            }
        }

        private void include(String pattern, int depth, String from, int line) {
            if (depth + 1 > MAX_INCLUDE_DEPTH) {
                blocked = "Include nesting deeper than " + MAX_INCLUDE_DEPTH + " at " + from + " line " + line + " (a loop?)";
                return;
            }
            for (String file : resolve(pattern, from, line)) {
                switch (probe.readFile(file)) {
                    case FileResult.Content c -> expand(file, c.text(), depth + 1);
                    case FileResult.Missing m -> caveats.add("Include " + pattern + " (" + from + " line " + line + "): " + file + " does not exist");
                    case FileResult.Denied d -> blocked = d.describe() + " (requires root)";
                    case FileResult.Unreadable u -> blocked = u.describe();
                }
                if (blocked != null) {
                    return;
                }
            }
        }

        private List<String> resolve(String pattern, String from, int line) {
            String path = pattern.startsWith("/") ? pattern : "/etc/ssh/" + pattern;
            int slash = path.lastIndexOf('/');
            String dir = slash == 0 ? "/" : path.substring(0, slash);
            String name = path.substring(slash + 1);
            if (isGlob(dir)) {
                caveats.add("Include " + pattern + " (" + from + " line " + line + ") not followed: wildcards in directory names are not supported");
                return List.of();
            }
            if (!isGlob(name)) {
                return List.of(path);
            }
            Pattern glob;
            try {
                glob = globToRegex(name);
            } catch (PatternSyntaxException e) {
                caveats.add("Include " + pattern + " (" + from + " line " + line + ") not followed: unreadable pattern");
                return List.of();
            }
            return probe.listDirectory(dir).stream()
                    .filter(n -> glob.matcher(n).matches())
                    .filter(n -> !n.startsWith(".") || name.startsWith("."))
                    .sorted()
                    .map(n -> (dir.equals("/") ? "" : dir) + "/" + n)
                    .toList();
        }

        private static boolean isGlob(String s) {
            return s.indexOf('*') >= 0 || s.indexOf('?') >= 0 || s.indexOf('[') >= 0;
        }

        private static Pattern globToRegex(String glob) {
            StringBuilder re = new StringBuilder();
            for (int i = 0; i < glob.length(); i++) {
                char c = glob.charAt(i);
                switch (c) {
                    case '*' -> re.append("[^/]*");
                    case '?' -> re.append("[^/]");
                    case '[' -> {
                        int close = glob.indexOf(']', i + 1);
                        if (close < 0) {
                            re.append("\\[");
                        } else {
                            String set = glob.substring(i + 1, close).replace("\\", "\\\\");
                            re.append('[').append(set.startsWith("!") ? "^" + set.substring(1) : set).append(']');
                            i = close;
                        }
                    }
                    default -> re.append(Pattern.quote(String.valueOf(c)));
                }
            }
            return Pattern.compile(re.toString());
        }
    }
}
