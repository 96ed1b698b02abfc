package dev.vigil.agent.probe;

import java.time.Instant;
import java.util.Objects;

/**
 * Metadata of a file on the audited system.
 *
 * @param path     absolute path as on the audited system
 * @param type     file, directory, symlink or other
 * @param mode     permission bits, e.g. {@code 0640}
 * @param uid      owner user id
 * @param gid      owner group id
 * @param size     size in bytes
 * @param modified last modification time
 */
public record FileStat(String path, Type type, int mode, int uid, int gid, long size, Instant modified) {

    /** Kinds of file. */
    public enum Type { FILE, DIRECTORY, SYMLINK, OTHER }

    public FileStat {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(modified, "modified");
    }

    /** The mode as four octal digits, e.g. {@code 0640}. */
    public String octalMode() {
        return String.format("%04o", mode & 07777);
    }
}
