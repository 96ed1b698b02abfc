package dev.vigil.agent.check.macos;

import dev.vigil.agent.probe.Command;
import dev.vigil.agent.probe.CommandResult;
import dev.vigil.agent.probe.FileResult;
import dev.vigil.agent.probe.HostProbe;
import java.util.Objects;

/**
 * Gathers a property list file through the probe. The file is read directly (fast, and it works under
 * {@code --root} and in replay); only when it is binary and its bytes cannot be restored from the probe's
 * text with certainty (see {@link PlistBytes}) and the system is running does it ask
 * {@code /usr/bin/plutil -convert xml1 -o - FILE}, which prints the same plist as XML.
 */
public final class PlistSource {

    private PlistSource() {
    }

    /** What reading a plist gave. */
    public sealed interface Read {
        /** The plist's text and how it was obtained ({@code file} or {@code plutil}). */
        record Text(String text, String via) implements Read {
            public Text {
                Objects.requireNonNull(text, "text");
                Objects.requireNonNull(via, "via");
            }
        }

        /** The file does not exist. */
        record Missing(String path) implements Read {
        }

        /** The file exists but gave nothing usable; the reason is fit for an UNKNOWN finding. */
        record Failed(String reason) implements Read {
        }
    }

    /** The command that converts {@code path} to XML on standard output. */
    public static Command plutil(String path) {
        return Command.of("/usr/bin/plutil", "-convert", "xml1", "-o", "-", path);
    }

    /** Reads the plist at {@code path}. */
    public static Read read(HostProbe probe, String path) {
        return switch (probe.readFile(path)) {
            case FileResult.Content c when PlistBytes.looksBinary(c.text()) && PlistBytes.restore(c.text()).isEmpty()
                    && probe.live() -> convert(probe, path);
            case FileResult.Content c -> new Read.Text(c.text(), "file");
            case FileResult.Missing m -> new Read.Missing(path);
            case FileResult.Denied d -> new Read.Failed(d.describe() + " (requires root)");
            case FileResult.Unreadable u -> new Read.Failed(u.describe());
        };
    }

    private static Read convert(HostProbe probe, String path) {
        return switch (probe.run(plutil(path))) {
            case CommandResult.Completed c when c.ok() -> new Read.Text(c.stdout(), "plutil");
            case CommandResult r -> new Read.Failed(path + " is a binary property list whose bytes could not be restored, and "
                    + r.describe());
        };
    }
}
