package dev.vigil.agent.deliver;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reports waiting for the kernel, one file each, in a folder that survives crashes and restarts.
 *
 * <p>Design: a report is written to a temporary file, forced to disk, renamed atomically to
 * {@code <sequence>-<report_id>.json} and the folder itself forced, all before anyone tries to send it; so after a
 * crash a report file is either complete or absent (a leftover temporary file is removed at open). It leaves the
 * outbox only when the kernel acknowledged it ({@link #acknowledge}) or said it will never take it ({@link #reject},
 * which keeps it under {@code rejected/} beside the kernel's problem document). When the outbox grows past its
 * {@link OutboxLimits}, the oldest reports are dropped and counted in {@code dropped.count}. One agent at a time:
 * the folder's {@code .lock} file is held locked while the outbox is open.
 */
public final class Outbox implements AutoCloseable {

    static final String LOCK_FILE = ".lock";
    static final String DROPPED_FILE = "dropped.count";
    static final String REJECTED_DIR = "rejected";
    static final String TEMP_SUFFIX = ".tmp";
    private static final Pattern NAME = Pattern.compile("(\\d{20})-([A-Za-z0-9-]{1,64})\\.json");
    private static final Pattern REPORT_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

    private final Path dir;
    private final OutboxLimits limits;
    private final Consumer<String> log;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private long dropped;
    private long nextSequence;

    private Outbox(Path dir, OutboxLimits limits, Consumer<String> log, FileChannel lockChannel, FileLock lock) {
        this.dir = dir;
        this.limits = limits;
        this.log = log;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /**
     * Opens (creating it if needed) and locks the outbox in {@code dir}, removes temporary files a crash left
     * behind and reads the drop counter.
     *
     * @throws OutboxBusyException when another agent holds the lock
     * @throws IOException         when the folder cannot be created, read or locked
     */
    public static Outbox open(Path dir, OutboxLimits limits, Consumer<String> log) throws IOException {
        createPrivateDirectories(dir);
        FileChannel channel = FileChannel.open(dir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            channel.close();
            throw new OutboxBusyException(dir, holder(dir.resolve(LOCK_FILE)));
        }
        Outbox outbox = new Outbox(dir, limits, log, channel, lock);
        try {
            outbox.recordOwner();
            outbox.removeLeftovers();
            outbox.dropped = outbox.readDropped();
            outbox.nextSequence = outbox.pending().stream().mapToLong(OutboxEntry::sequence).max().orElse(0) + 1;
        } catch (IOException | RuntimeException e) {
            outbox.close();
            throw e;
        }
        return outbox;
    }

    public Path dir() {
        return dir;
    }

    /** How many reports were dropped to keep within the limits, over the outbox's whole life. */
    public synchronized long dropped() {
        return dropped;
    }

    /**
     * Stores a report durably (on disk, renamed into place, folder synced) and then drops the oldest reports if the
     * outbox is over its limits. The newest report is always kept, even alone over the size limit.
     */
    public synchronized OutboxEntry put(String reportId, byte[] json) throws IOException {
        if (!REPORT_ID.matcher(reportId).matches()) {
            throw new IllegalArgumentException("report id '" + reportId + "' is not usable in a file name");
        }
        long sequence = nextSequence++;
        Path target = dir.resolve("%020d-%s.json".formatted(sequence, reportId));
        writeDurably(target, json);
        enforceLimits();
        return new OutboxEntry(target, sequence, reportId, json.length);
    }

    /** The waiting reports, oldest first. */
    public synchronized List<OutboxEntry> pending() throws IOException {
        List<OutboxEntry> entries = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.json")) {
            for (Path f : files) {
                Matcher m = NAME.matcher(f.getFileName().toString());
                if (m.matches() && Files.isRegularFile(f)) {
                    entries.add(new OutboxEntry(f, Long.parseLong(m.group(1)), m.group(2), Files.size(f)));
                }
            }
        }
        entries.sort(Comparator.comparingLong(OutboxEntry::sequence));
        return entries;
    }

    /** The report's bytes as they were put. */
    public byte[] read(OutboxEntry entry) throws IOException {
        return Files.readAllBytes(entry.file());
    }

    /** The kernel holds the report: forget it. */
    public synchronized void acknowledge(OutboxEntry entry) throws IOException {
        Files.deleteIfExists(entry.file());
        syncDirectory(dir);
    }

    /**
     * The kernel will never take this report: keep it under {@code rejected/}, the kernel's answer beside it as
     * {@code <name>.problem.json}, and never send it again.
     */
    public synchronized Path reject(OutboxEntry entry, KernelProblem problem) throws IOException {
        Path rejected = dir.resolve(REJECTED_DIR);
        createPrivateDirectories(rejected);
        String name = entry.file().getFileName().toString();
        String answer = problem.body().isBlank() ? "{\"status\":" + problem.status() + "}" : problem.body();
        writeDurably(rejected.resolve(name.substring(0, name.length() - ".json".length()) + ".problem.json"),
                answer.getBytes(StandardCharsets.UTF_8));
        Path target = rejected.resolve(name);
        Files.move(entry.file(), target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        syncDirectory(rejected);
        syncDirectory(dir);
        log.accept("the kernel rejected report " + entry.reportId() + " (" + problem.message() + "); it will not be sent again and is kept as "
                + target + " with the kernel's answer beside it");
        return target;
    }

    private void enforceLimits() throws IOException {
        List<OutboxEntry> entries = pending();
        long bytes = entries.stream().mapToLong(OutboxEntry::size).sum();
        int count = entries.size();
        int i = 0;
        while ((count > limits.maxReports() || bytes > limits.maxBytes()) && count > 1) {
            OutboxEntry oldest = entries.get(i++);
            Files.deleteIfExists(oldest.file());
            count--;
            bytes -= oldest.size();
            dropped++;
            writeDurably(dir.resolve(DROPPED_FILE), (dropped + "\n").getBytes(StandardCharsets.US_ASCII));
            log.accept("outbox full (limits " + limits.maxReports() + " reports, " + limits.maxBytes()
                    + " bytes): dropped the oldest report " + oldest.reportId() + "; " + dropped + " dropped in all");
        }
        syncDirectory(dir);
    }

    private long readDropped() throws IOException {
        Path file = dir.resolve(DROPPED_FILE);
        try {
            String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
            return Long.parseLong(text);
        } catch (NoSuchFileException e) {
            return 0;
        } catch (NumberFormatException e) {
            log.accept("the drop counter " + file + " is unreadable; counting again from 0");
            return 0;
        }
    }

    private void removeLeftovers() throws IOException {
        int removed = 0;
        for (Path folder : List.of(dir, dir.resolve(REJECTED_DIR))) {
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*" + TEMP_SUFFIX)) {
                for (Path f : files) {
                    Files.deleteIfExists(f);
                    removed++;
                }
            }
        }
        if (removed > 0) {
            syncDirectory(dir);
            log.accept("removed " + removed + " unfinished file(s) that an interrupted write left in " + dir);
        }
    }

    /** The process id the holder wrote into the lock file, or empty where the lock forbids reading it (Windows). */
    private static String holder(Path lockFile) {
        try {
            return Files.readString(lockFile, StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            return "";
        }
    }

    /** Writes the process id into the lock file, for people looking at a busy outbox. */
    private void recordOwner() throws IOException {
        lockChannel.truncate(0);
        lockChannel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
    }

    /** Temporary file, force, atomic rename, force the folder: the file is then complete or absent, whatever happens. */
    private static void writeDurably(Path target, byte[] bytes) throws IOException {
        Path temp = target.resolveSibling(target.getFileName() + TEMP_SUFFIX);
        try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
            ByteBuffer buf = ByteBuffer.wrap(bytes);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
        }
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.deleteIfExists(temp);
            throw new IOException("the file system of " + target.getParent() + " cannot rename atomically; the outbox needs a local folder", e);
        }
        syncDirectory(target.getParent());
    }

    /** Forces a folder's entries (a rename) to disk; where folders cannot be opened (Windows) the rename is journaled. */
    private static void syncDirectory(Path folder) {
        try (FileChannel ch = FileChannel.open(folder, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // Windows cannot open a folder as a channel; NTFS journals the rename itself
        }
    }

    private static void createPrivateDirectories(Path folder) throws IOException {
        if (Files.isDirectory(folder)) {
            return;
        }
        if (folder.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectories(folder);
        }
    }

    /** Releases the lock; the files stay. */
    @Override
    public synchronized void close() throws IOException {
        try {
            if (lock.isValid()) {
                lock.release();
            }
        } finally {
            lockChannel.close();
        }
    }
}
