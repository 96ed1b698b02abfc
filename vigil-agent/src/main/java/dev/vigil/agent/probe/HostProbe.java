package dev.vigil.agent.probe;

import dev.vigil.core.report.OsFamily;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The only way a check learns about the host: commands, files under the audit root, sockets,
 * platform and privileges. Implementations: live, recording (live plus a copy of every answer in a
 * folder) and replay (answers from such a folder). Every method is safe to call from many threads
 * and never throws for conditions of the host; those come back as results.
 */
public interface HostProbe {

    /** The operating system family being audited. */
    OsFamily family();

    /** CPU architecture in the usual spelling ({@code x86_64}, {@code aarch64}). */
    String arch();

    /** Whether the audit runs as root or administrator. */
    boolean elevated();

    /**
     * Whether this is a running system (as opposed to a mounted file system given with {@code --root}):
     * commands, {@code /proc} and sockets only tell the truth about a live system.
     */
    boolean live();

    /**
     * The moment the host is observed: the clock for a running machine, the recording time for a replay, so
     * that ages (of package lists, of updates) are judged as they were when the answers were given.
     */
    Instant now();

    /** Runs a command: an argument vector, never through a shell, with a C/English locale. */
    CommandResult run(Command command);

    /** Reads a text file under the audit root. */
    default FileResult readFile(String path) {
        return readFile(path, Redaction.NONE);
    }

    /** Reads a text file under the audit root, rewriting its text with {@code redaction} before anything else sees it. */
    FileResult readFile(String path, Redaction redaction);

    /** File metadata under the audit root, following symlinks; empty when the file does not exist or cannot be seen. */
    Optional<FileStat> stat(String path);

    /** The names in a directory under the audit root, sorted; empty when it does not exist or cannot be read. */
    List<String> listDirectory(String path);

    /**
     * Which process holds each socket, by socket inode (Linux) — only when elevated and live; otherwise empty.
     */
    Map<Long, SocketOwner> socketOwners();
}
