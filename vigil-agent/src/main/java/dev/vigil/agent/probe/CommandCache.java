package dev.vigil.agent.probe;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.core.json.ReportCodec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Remembers the answer of a command that is a pure function of some files, for as long as those files do not change.
 *
 * <p>Why: {@code apt list --upgradable} costs 0.6–0.8 s on images that switch apt's own package cache off, and its
 * answer depends only on the dpkg status, the package lists and apt's configuration. The cache keeps the command's
 * output (a few kilobytes), keyed by the argv, and the fingerprint of its declared inputs: path, type, size and
 * modification time of each, and of each entry of an input folder. Any change to them misses the cache, and the
 * command runs again. Only successful runs are kept. One small JSON file per command, written atomically, mode 0600
 * in a folder of mode 0700.
 */
final class CommandCache {

    private final Path dir;
    private final ObjectMapper json = ReportCodec.instance().mapper();

    CommandCache(Path dir) {
        this.dir = dir;
    }

    /** The cache folder for this user: {@code VIGIL_CACHE_DIR}, else /var/cache/vigil for root, else the XDG cache. */
    static Optional<CommandCache> forCurrentUser(boolean elevated) {
        if (System.getenv("VIGIL_NO_CACHE") != null) {
            return Optional.empty();
        }
        String explicit = System.getenv("VIGIL_CACHE_DIR");
        if (explicit != null && !explicit.isBlank()) {
            return Optional.of(new CommandCache(Path.of(explicit)));
        }
        if (elevated) {
            return Optional.of(new CommandCache(Path.of("/var/cache/vigil")));
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        String home = System.getProperty("user.home");
        if (xdg != null && !xdg.isBlank()) {
            return Optional.of(new CommandCache(Path.of(xdg, "vigil")));
        }
        return home == null ? Optional.empty() : Optional.of(new CommandCache(Path.of(home, ".cache", "vigil")));
    }

    /**
     * The command's answer: the remembered one while its inputs are as they were then, else a fresh run by
     * {@code runner}, remembered when it succeeded. The inputs are fingerprinted once per call.
     */
    CommandResult run(Command command, Function<Command, CommandResult> runner) {
        String fingerprint = fingerprint(command);
        Optional<CommandResult.Completed> remembered = lookup(command, fingerprint);
        if (remembered.isPresent()) {
            return remembered.get();
        }
        CommandResult fresh = runner.apply(command);
        if (fresh instanceof CommandResult.Completed c && c.ok()) {
            store(command, fingerprint, c);
        }
        return fresh;
    }

    private Optional<CommandResult.Completed> lookup(Command command, String fingerprint) {
        Path file = file(command);
        try {
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            Entry e = json.readValue(file.toFile(), Entry.class);
            if (!e.argv().equals(command.argv()) || !e.fingerprint().equals(fingerprint)) {
                return Optional.empty();
            }
            return Optional.of(new CommandResult.Completed(command.argv(), e.exitCode(), e.stdout(), e.stderr()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Keeps a successful answer; failures to write are ignored (the cache is an optimisation). */
    private void store(Command command, String fingerprint, CommandResult.Completed result) {
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            Path tmp = Files.createTempFile(dir, ".entry", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            json.writeValue(tmp.toFile(), new Entry(command.argv(), fingerprint, result.exitCode(), result.stdout(), result.stderr()));
            try {
                Files.move(tmp, file(command), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file(command), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // a read-only home or cache folder: run the command next time too
        }
    }

    private Path file(Command command) {
        return dir.resolve("command-" + sha256(String.join("\u0000", command.argv())).substring(0, 32) + ".json");
    }

    /** A digest of the inputs' state: for files their type, size and mtime; for folders the same for each entry. */
    static String fingerprint(Command command) {
        List<String> parts = new ArrayList<>();
        for (String input : command.inputs()) {
            Path p = Path.of(input);
            parts.add(input + " " + describe(p));
            if (Files.isDirectory(p)) {
                TreeMap<String, String> entries = new TreeMap<>();
                try (DirectoryStream<Path> s = Files.newDirectoryStream(p)) {
                    for (Path child : s) {
                        entries.put(child.getFileName().toString(), describe(child));
                    }
                } catch (IOException e) {
                    entries.put("<unlistable>", e.getClass().getSimpleName());
                }
                entries.forEach((name, d) -> parts.add(input + "/" + name + " " + d));
            }
        }
        return sha256(String.join("\n", parts));
    }

    private static String describe(Path p) {
        try {
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            String type = a.isDirectory() ? "d" : a.isSymbolicLink() ? "l" : "f";
            return type + " " + a.size() + " " + a.lastModifiedTime().toInstant();
        } catch (IOException e) {
            return "absent";
        }
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What one cache file holds. */
    record Entry(List<String> argv, String fingerprint, int exitCode, String stdout, String stderr) {
    }
}
