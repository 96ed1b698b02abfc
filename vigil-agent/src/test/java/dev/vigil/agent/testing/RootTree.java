package dev.vigil.agent.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** A file system tree for {@code --root} tests, written with paths as they are on the audited system. */
public final class RootTree {

    private final Path root;

    public RootTree(Path root) {
        this.root = root;
    }

    /** The folder to audit. */
    public Path root() {
        return root;
    }

    /** Writes {@code text} at {@code path} (absolute, as on the audited system), creating folders. */
    public RootTree write(String path, String text) {
        try {
            Path p = at(path);
            Files.createDirectories(p.getParent());
            Files.writeString(p, text);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A symbolic link at {@code path} to {@code target}, which may be absolute (as inside the image) or relative. */
    public RootTree link(String path, String target) {
        try {
            Path p = at(path);
            Files.createDirectories(p.getParent());
            Files.createSymbolicLink(p, Path.of(target));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Creates a folder. */
    public RootTree folder(String path) {
        try {
            Files.createDirectories(at(path));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sets permissions, e.g. {@code "rw-r-----"}. */
    public RootTree mode(String path, String permissions) {
        try {
            Files.setPosixFilePermissions(at(path), PosixFilePermissions.fromString(permissions));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path at(String path) {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("paths in the tree are absolute, as on the audited system: " + path);
        }
        return root.resolve(path.substring(1));
    }
}
