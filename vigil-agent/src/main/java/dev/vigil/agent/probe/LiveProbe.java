package dev.vigil.agent.probe;

import dev.vigil.core.report.OsFamily;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Answers from the machine itself. With a root other than {@code /} it audits a mounted file system:
 * files are read under that root and commands are not run, since they would describe the auditing
 * machine rather than the audited one.
 */
public final class LiveProbe implements HostProbe {

    private final OsFamily family;
    private final String arch;
    private final boolean elevated;
    private final RootedFiles files;
    private final boolean live;
    private final ProcessRunner runner;
    private final PowerShellSession powershell = new PowerShellSession(PowerShellSession.SHELL);
    private final Optional<CommandCache> cache;

    private LiveProbe(Path root, boolean elevated) {
        this.family = OsFamily.current();
        this.elevated = elevated;
        this.files = new RootedFiles(root);
        this.live = files.root().getParent() == null;
        this.cache = live ? CommandCache.forCurrentUser(elevated) : Optional.empty();
        String own = normalizeArch(System.getProperty("os.arch", "unknown"));
        this.arch = live ? own : imageArch(files).orElse("unknown");
        this.runner = new ProcessRunner(System.getenv("PATH"));
    }

    /** The running machine. */
    public static LiveProbe system() {
        return new LiveProbe(Path.of("/").toAbsolutePath().getRoot(), Elevation.current(OsFamily.current()));
    }

    /** A mounted file system under {@code root}; commands are not run. */
    public static LiveProbe mounted(Path root) {
        return new LiveProbe(root, Elevation.current(OsFamily.current()));
    }

    @Override
    public OsFamily family() {
        return family;
    }

    @Override
    public String arch() {
        return arch;
    }

    @Override
    public boolean elevated() {
        return elevated;
    }

    @Override
    public boolean live() {
        return live;
    }

    @Override
    public Instant now() {
        return Instant.now();
    }

    @Override
    public CommandResult run(Command command) {
        if (!live) {
            return new CommandResult.Unavailable(command.argv(),
                    "auditing the file system mounted at " + files.root() + ", where commands cannot run");
        }
        if (family == OsFamily.WINDOWS && PowerShellSession.isQuery(command)) {
            return powershell.run(command);
        }
        if (command.inputs().isEmpty() || cache.isEmpty()) {
            return runner.run(command);
        }
        return cache.get().run(command, runner::run);
    }

    @Override
    public FileResult readFile(String path, Redaction redaction) {
        return files.read(path, redaction);
    }

    @Override
    public Optional<FileStat> stat(String path) {
        return files.stat(path);
    }

    @Override
    public List<String> listDirectory(String path) {
        return files.list(path);
    }

    @Override
    public Map<Long, SocketOwner> socketOwners() {
        if (!live || !elevated || family != OsFamily.LINUX) {
            return Map.of();
        }
        return LinuxSocketOwners.scan();
    }

    /** A mounted image's architecture, from the ELF header of its shell. */
    private static Optional<String> imageArch(RootedFiles files) {
        for (String shell : List.of("/bin/sh", "/usr/bin/sh", "/bin/bash", "/bin/busybox")) {
            try {
                Optional<Path> p = files.resolve(shell);
                if (p.isPresent()) {
                    try (var in = java.nio.file.Files.newInputStream(p.get())) {
                        Optional<String> arch = ElfMachine.of(in.readNBytes(20));
                        if (arch.isPresent()) {
                            return arch;
                        }
                    }
                }
            } catch (java.io.IOException e) {
                // try the next shell
            }
        }
        return Optional.empty();
    }

    static String normalizeArch(String osArch) {
        return switch (osArch.toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "aarch64";
            default -> osArch.toLowerCase(Locale.ROOT);
        };
    }
}
