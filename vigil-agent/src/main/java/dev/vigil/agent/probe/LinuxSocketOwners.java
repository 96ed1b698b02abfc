package dev.vigil.agent.probe;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Maps socket inodes to the processes holding them by reading {@code /proc/PID/fd} links (needs root). */
final class LinuxSocketOwners {

    private LinuxSocketOwners() {
    }

    static Map<Long, SocketOwner> scan() {
        Map<Long, SocketOwner> owners = new HashMap<>();
        Path proc = Path.of("/proc");
        try (DirectoryStream<Path> pids = Files.newDirectoryStream(proc, p -> p.getFileName().toString().chars().allMatch(Character::isDigit))) {
            for (Path pidDir : pids) {
                scanProcess(pidDir, owners);
            }
        } catch (IOException | SecurityException e) {
            return Map.of();
        }
        return Map.copyOf(owners);
    }

    private static void scanProcess(Path pidDir, Map<Long, SocketOwner> owners) {
        long pid = Long.parseLong(pidDir.getFileName().toString());
        String name = null;
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(pidDir.resolve("fd"))) {
            for (Path fd : fds) {
                String target;
                try {
                    target = Files.readSymbolicLink(fd).toString();
                } catch (IOException e) {
                    continue;
                }
                if (target.startsWith("socket:[") && target.endsWith("]")) {
                    if (name == null) {
                        name = processName(pidDir);
                    }
                    long inode = Long.parseLong(target, 8, target.length() - 1, 10);
                    owners.putIfAbsent(inode, new SocketOwner(pid, name));
                }
            }
        } catch (IOException | SecurityException | NumberFormatException e) {
            // the process went away or is not ours to see
        }
    }

    private static String processName(Path pidDir) {
        try {
            return Files.readString(pidDir.resolve("comm")).strip();
        } catch (IOException e) {
            return "?";
        }
    }
}
