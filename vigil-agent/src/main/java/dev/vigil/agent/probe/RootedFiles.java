package dev.vigil.agent.probe;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * File access under an audit root. Paths are given as on the audited system ({@code /etc/shadow}); symlinks
 * are resolved inside the root, so an absolute link in a mounted image points into the image, never at the
 * auditing machine's own files.
 */
final class RootedFiles {

    static final long MAX_FILE_BYTES = 16L << 20;
    private static final int MAX_LINKS = 40;

    private final Path root;
    private final boolean systemRoot;

    RootedFiles(Path root) {
        this.root = root.toAbsolutePath().normalize();
        this.systemRoot = this.root.getParent() == null;
    }

    Path root() {
        return root;
    }

    FileResult read(String path, Redaction redaction) {
        Optional<Path> p;
        try {
            p = resolve(path);
        } catch (IOException e) {
            return new FileResult.Unreadable(path, e.toString());
        }
        if (p.isEmpty()) {
            return new FileResult.Missing(path);
        }
        Path file = p.get();
        try {
            if (Files.isDirectory(file)) {
                return new FileResult.Unreadable(path, "is a directory");
            }
            byte[] bytes;
            try (var in = Files.newInputStream(file)) {
                bytes = in.readNBytes((int) MAX_FILE_BYTES + 1);
            }
            if (bytes.length > MAX_FILE_BYTES) {
                return new FileResult.Unreadable(path, "larger than " + (MAX_FILE_BYTES >> 20) + " MiB");
            }
            return new FileResult.Content(path, redaction.apply(decode(bytes)));
        } catch (NoSuchFileException e) {
            return new FileResult.Missing(path);
        } catch (AccessDeniedException e) {
            return new FileResult.Denied(path);
        } catch (IOException e) {
            return new FileResult.Unreadable(path, e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    Optional<FileStat> stat(String path) {
        try {
            Optional<Path> p = resolve(path);
            if (p.isEmpty()) {
                return Optional.empty();
            }
            Path file = p.get();
            BasicFileAttributes basic = Files.readAttributes(file, BasicFileAttributes.class);
            FileStat.Type type = basic.isDirectory() ? FileStat.Type.DIRECTORY
                    : basic.isRegularFile() ? FileStat.Type.FILE
                    : basic.isSymbolicLink() ? FileStat.Type.SYMLINK : FileStat.Type.OTHER;
            int mode = 0, uid = -1, gid = -1;
            try {
                Map<String, Object> unix = Files.readAttributes(file, "unix:mode,uid,gid");
                mode = (Integer) unix.get("mode") & 07777;
                uid = (Integer) unix.get("uid");
                gid = (Integer) unix.get("gid");
            } catch (UnsupportedOperationException | IllegalArgumentException e) {
                try {
                    PosixFileAttributes posix = Files.readAttributes(file, PosixFileAttributes.class);
                    mode = PosixModes.of(posix.permissions());
                } catch (UnsupportedOperationException ignored) {
                    // Windows: no POSIX modes; checks that need them are POSIX-only
                }
            }
            return Optional.of(new FileStat(path, type, mode, uid, gid, basic.size(), basic.lastModifiedTime().toInstant()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    List<String> list(String path) {
        try {
            Optional<Path> p = resolve(path);
            if (p.isEmpty() || !Files.isDirectory(p.get())) {
                return List.of();
            }
            try (Stream<Path> s = Files.list(p.get())) {
                return s.map(x -> x.getFileName().toString()).sorted().toList();
            }
        } catch (IOException e) {
            return List.of();
        }
    }

    /** The real path of {@code path} under the root with symlinks resolved inside it; empty when absent. */
    Optional<Path> resolve(String path) throws IOException {
        if (!path.startsWith("/")) {
            throw new IOException("not an absolute path: " + path);
        }
        if (systemRoot) {
            Path p = Path.of(path);
            return Files.exists(p) ? Optional.of(p) : Optional.empty();
        }
        Deque<String> pending = new ArrayDeque<>();
        for (String part : path.split("/")) {
            if (!part.isEmpty()) {
                pending.addLast(part);
            }
        }
        Path current = root;
        int links = 0;
        while (!pending.isEmpty()) {
            String part = pending.removeFirst();
            if (part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                current = current.equals(root) ? root : current.getParent();
                continue;
            }
            Path next = current.resolve(part);
            if (Files.isSymbolicLink(next)) {
                if (++links > MAX_LINKS) {
                    throw new IOException("too many levels of symbolic links in " + path);
                }
                String target = Files.readSymbolicLink(next).toString();
                Deque<String> rest = new ArrayDeque<>();
                for (String t : target.split("/")) {
                    if (!t.isEmpty()) {
                        rest.addLast(t);
                    }
                }
                rest.addAll(pending);
                pending = rest;
                if (target.startsWith("/")) {
                    current = root;
                }
                continue;
            }
            if (!Files.exists(next, LinkOption.NOFOLLOW_LINKS)) {
                return Optional.empty();
            }
            current = next;
        }
        return Optional.of(current);
    }

    /** UTF-8 when the bytes are valid UTF-8, else ISO-8859-1 (which maps every byte to one character). */
    static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }
}
