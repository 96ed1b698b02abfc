package dev.vigil.agent.probe;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The layout of a replay folder, shared by the recording and replay probes. Documented in
 * {@code docs/replay.md}: {@code meta.json} at the top, one folder per command under {@code commands/}
 * ({@code command.json}, {@code stdout.txt}, {@code stderr.txt}), and file contents mirrored under
 * {@code files/}.
 */
final class ReplayFolder {

    static final String FORMAT = "vigil.replay/1";
    static final String META = "meta.json";
    static final String COMMANDS = "commands";
    static final String FILES = "files";
    static final String COMMAND_JSON = "command.json";
    static final String STDOUT = "stdout.txt";
    static final String STDERR = "stderr.txt";

    private ReplayFolder() {
    }

    /** The folder under {@code commands/} for an argument vector: readable, and unique by a short hash. */
    static String commandFolderName(List<String> argv) {
        StringBuilder sb = new StringBuilder();
        for (String a : argv) {
            String base = a.contains("/") && argv.getFirst().equals(a) ? a.substring(a.lastIndexOf('/') + 1) : a;
            if (!sb.isEmpty()) {
                sb.append('_');
            }
            sb.append(base.replaceAll("[^A-Za-z0-9.=+-]", "-"));
        }
        String slug = sb.length() > 60 ? sb.substring(0, 60) : sb.toString();
        return slug + "-" + hash(String.join("\u0000", argv));
    }

    /** Where the copy of an audited file lives inside the folder. */
    static Path filePath(Path folder, String path) {
        String rel = path.replaceFirst("^/+", "");
        if (rel.isEmpty() || rel.contains("..")) {
            throw new IllegalArgumentException("cannot store path " + path + " in a replay folder");
        }
        return folder.resolve(FILES).resolve(rel.replace(':', '_'));
    }

    private static String hash(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
