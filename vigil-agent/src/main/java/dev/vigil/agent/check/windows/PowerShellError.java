package dev.vigil.agent.check.windows;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An error record as Windows PowerShell writes it to stderr:
 * <pre>
 * Get-Thing : The message
 * At line:1 char:1
 * + Get-Thing
 * + ~~~~~~~~~
 *     + CategoryInfo          : ...
 *     + FullyQualifiedErrorId : SomeErrorId,Some.Command.Class
 * </pre>
 * (PowerShell 7 writes {@code Get-Thing: The message}). The message is localised; the error id and HRESULTs in it
 * are not, so checks decide on those and quote the message.
 *
 * @param message the first line of the record, without the command name (or the first line of stderr)
 * @param errorId the FullyQualifiedErrorId up to its first comma, or empty when the record has none
 */
public record PowerShellError(String message, String errorId) {

    private static final Pattern FIRST = Pattern.compile("^[A-Za-z]+-[A-Za-z0-9]+ ?: (.*)$");
    private static final Pattern ID = Pattern.compile("FullyQualifiedErrorId\\s*:\\s*([^,\\r\\n]+)");

    /** The first error record in stderr, if stderr holds anything. */
    public static Optional<PowerShellError> first(String stderr) {
        String text = stderr.strip();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        String line = text.lines().findFirst().orElse("").strip();
        Matcher m = FIRST.matcher(line);
        String message = m.matches() ? m.group(1).strip() : line;
        Matcher id = ID.matcher(text);
        return Optional.of(new PowerShellError(message, id.find() ? id.group(1).strip() : ""));
    }

    /** Whether the cmdlet itself does not exist here (module missing, older Windows, Server without the feature). */
    public boolean commandNotFound() {
        return errorId.equals("CommandNotFoundException") || message.contains("is not recognized as the name of a cmdlet");
    }

    /** Whether the record names {@code code} (an HRESULT or NTSTATUS such as {@code 0x800106ba}), in any case. */
    public boolean mentions(String code) {
        String c = code.toLowerCase(java.util.Locale.ROOT);
        return message.toLowerCase(java.util.Locale.ROOT).contains(c) || errorId.toLowerCase(java.util.Locale.ROOT).contains(c);
    }
}
