package dev.vigil.agent.check.disk.macos;

import dev.vigil.agent.check.ParseException;
import dev.vigil.agent.check.disk.macos.FileVaultStatus.Conversion;
import dev.vigil.agent.check.disk.macos.FileVaultStatus.Headline;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code fdesetup status}. Wordings seen across macOS versions:
 * <pre>
 * FileVault is On.
 * FileVault is Off.
 * FileVault is Off, but will be enabled after the next restart.
 * Deferred enablement appears to be active for user 'jane'.
 * Encryption in progress: Percent completed = 42.17
 * Encryption in progress: Pending                       (waiting for AC power)
 * Decryption in progress: Percent completed = 12.0      ("Percent complete" on some versions)
 * FileVault master keychain appears to be installed.
 * </pre>
 * Lines it does not know are ignored; output without any of these lines is unusable.
 */
final class FdesetupStatusParser {

    private static final Pattern HEADLINE = Pattern.compile("FileVault is (On|Off)(, but will be enabled after the next restart)?\\.?");
    private static final Pattern PROGRESS = Pattern.compile(
            "(Encryption|Decryption) in progress(?::\\s*(?:Percent complete(?:d)?\\s*=\\s*([0-9]{1,3}(?:[.,][0-9]+)?)|(Pending)))?\\.?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DEFERRED = Pattern.compile("Deferred enablement appears to be active(?: for user ['\"]?([^'\"]*)['\"]?)?\\.?");
    private static final String MASTER_KEYCHAIN = "FileVault master keychain appears to be installed";

    private FdesetupStatusParser() {
    }

    static FileVaultStatus parse(String text) throws ParseException {
        Headline headline = Headline.ABSENT;
        Conversion conversion = new Conversion.None();
        Optional<String> deferred = Optional.empty();
        boolean masterKeychain = false;
        boolean understood = false;
        for (String raw : text.split("\\R")) {
            String line = raw.strip();
            Matcher m;
            if ((m = HEADLINE.matcher(line)).matches()) {
                headline = m.group(1).equals("On") ? Headline.ON : m.group(2) != null ? Headline.OFF_UNTIL_RESTART : Headline.OFF;
                understood = true;
            } else if ((m = PROGRESS.matcher(line)).matches()) {
                Optional<Double> percent = percent(m.group(2), line);
                conversion = m.group(1).equalsIgnoreCase("Encryption") ? new Conversion.Encrypting(percent) : new Conversion.Decrypting(percent);
                understood = true;
            } else if ((m = DEFERRED.matcher(line)).matches()) {
                deferred = Optional.of(m.group(1) == null ? "" : m.group(1));
                understood = true;
            } else if (line.startsWith(MASTER_KEYCHAIN)) {
                masterKeychain = true;
            }
        }
        if (!understood) {
            String first = text.strip().lines().findFirst().orElse("");
            throw new ParseException("expected `FileVault is On.`, `FileVault is Off.` or an encryption progress line, got "
                    + (first.isEmpty() ? "empty output" : "'" + abbreviate(first) + "'"));
        }
        return new FileVaultStatus(headline, conversion, deferred, masterKeychain);
    }

    private static Optional<Double> percent(String digits, String line) throws ParseException {
        if (digits == null) {
            return Optional.empty();
        }
        double p = Double.parseDouble(digits.replace(',', '.'));
        if (p > 100) {
            throw new ParseException("expected a percentage between 0 and 100 in '" + abbreviate(line) + "'");
        }
        return Optional.of(p);
    }

    private static String abbreviate(String s) {
        return s.length() > 120 ? s.substring(0, 120) + "…" : s;
    }
}
