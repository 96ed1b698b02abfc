package dev.vigil.agent.check.disk.windows;

import dev.vigil.agent.check.ParseException;
import dev.vigil.agent.check.windows.Excerpt;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code manage-bde -status}: one block per volume, {@code Volume C: [label]} then {@code [OS Volume]} for the
 * system drive, then {@code Label:   value} lines indented by four spaces and the key protectors listed below
 * {@code Key Protectors:} with eight. The block of the OS volume is the one read.
 *
 * <p>manage-bde prints in the display language of Windows whatever the locale of the process, and its words are the
 * only signal: output in another language is rejected with a message saying so, never guessed at.
 */
final class ManageBdeStatusParser {

    private static final Pattern VOLUME = Pattern.compile("^Volume (\\S+)");
    private static final Pattern FIELD = Pattern.compile("^ {4}(\\S[^:]*):\\s*(.*)$");
    private static final Pattern LIST_ITEM = Pattern.compile("^ {8}(\\S.*)$");
    private static final Pattern PERCENT = Pattern.compile("^(\\d{1,3}(?:[.,]\\d+)?)\\s*%$");

    private static final Map<String, BitLockerVolume.VolumeStatus> CONVERSION = Map.of(
            "fully decrypted", BitLockerVolume.VolumeStatus.FullyDecrypted,
            "fully encrypted", BitLockerVolume.VolumeStatus.FullyEncrypted,
            "used space only encrypted", BitLockerVolume.VolumeStatus.FullyEncrypted,
            "encryption in progress", BitLockerVolume.VolumeStatus.EncryptionInProgress,
            "decryption in progress", BitLockerVolume.VolumeStatus.DecryptionInProgress,
            "encryption paused", BitLockerVolume.VolumeStatus.EncryptionSuspended,
            "decryption paused", BitLockerVolume.VolumeStatus.DecryptionSuspended);
    private static final Map<String, String> METHOD = Map.of(
            "none", "None", "aes 128 with diffuser", "Aes128Diffuser", "aes 256 with diffuser", "Aes256Diffuser",
            "aes 128", "Aes128", "aes 256", "Aes256", "xts-aes 128", "XtsAes128", "xts-aes 256", "XtsAes256",
            "hardware encryption", "Hardware");
    private static final Map<String, String> PROTECTOR = Map.ofEntries(
            Map.entry("tpm", "Tpm"), Map.entry("numerical password", "RecoveryPassword"), Map.entry("external key", "ExternalKey"),
            Map.entry("tpm and pin", "TpmPin"), Map.entry("tpm and startup key", "TpmStartupKey"),
            Map.entry("tpm and pin and startup key", "TpmPinStartupKey"), Map.entry("password", "Password"),
            Map.entry("data recovery agent (certificate based)", "PublicKey"), Map.entry("certificate based", "PublicKey"),
            Map.entry("tpm and network key", "TpmNetworkKey"), Map.entry("network unlock", "TpmNetworkKey"));

    private ManageBdeStatusParser() {
    }

    static BitLockerVolume parse(String text) throws ParseException {
        List<String> lines = List.of(text.split("\\R"));
        if (lines.stream().noneMatch(l -> l.strip().startsWith("Conversion Status:"))) {
            throw rejection(lines);
        }
        Block os = osVolume(lines);
        String conversion = os.require("Conversion Status");
        BitLockerVolume.VolumeStatus status = CONVERSION.get(lower(conversion));
        if (status == null) {
            throw new ParseException("unrecognised Conversion Status '" + conversion + "' in manage-bde output");
        }
        String percentText = os.require("Percentage Encrypted");
        Matcher pm = PERCENT.matcher(percentText);
        double percent = pm.matches() ? Double.parseDouble(pm.group(1).replace(',', '.')) : -1;
        if (!(percent >= 0 && percent <= 100)) {
            throw new ParseException("expected Percentage Encrypted such as '100.0%' in manage-bde output, got '" + percentText + "'");
        }
        String protectionText = lower(os.require("Protection Status"));
        BitLockerVolume.Protection protection = protectionText.startsWith("protection on") ? BitLockerVolume.Protection.On
                : protectionText.startsWith("protection off") ? BitLockerVolume.Protection.Off
                : protectionText.startsWith("protection unknown") ? BitLockerVolume.Protection.Unknown
                : null;
        if (protection == null) {
            throw new ParseException("unrecognised Protection Status '" + os.require("Protection Status") + "' in manage-bde output");
        }
        String methodText = os.fields.getOrDefault("Encryption Method", "None");
        String method = METHOD.getOrDefault(lower(methodText), lower(methodText).startsWith("hardware") ? "Hardware" : methodText);
        List<String> protectors = os.protectors.stream().map(p -> PROTECTOR.getOrDefault(lower(p), p)).toList();
        return new BitLockerVolume(os.mountPoint, status, protection, percent, method, protectors);
    }

    /** Why output without the English labels cannot be read: an error, another language, or not manage-bde at all. */
    private static ParseException rejection(List<String> lines) {
        for (String l : lines) {
            if (l.strip().startsWith("ERROR:")) {
                return new ParseException("manage-bde reported an error: " + Excerpt.oneLine(l.strip().substring(6)));
            }
        }
        boolean manageBde = lines.stream().anyMatch(l -> l.contains("BitLocker")) && lines.stream().anyMatch(l -> FIELD.matcher(l).matches());
        if (manageBde) {
            return new ParseException("manage-bde output is in a language the parser does not know (no 'Conversion Status:' line; "
                    + "first line: '" + Excerpt.oneLine(lines.stream().filter(l -> !l.isBlank()).findFirst().orElse("")) + "')");
        }
        return new ParseException("unrecognised output from `manage-bde -status`, expected volume blocks with 'Conversion Status:', got: "
                + Excerpt.oneLine(String.join("\n", lines)));
    }

    private static Block osVolume(List<String> lines) throws ParseException {
        List<Block> blocks = new ArrayList<>();
        Block current = null;
        boolean inProtectors = false;
        for (String raw : lines) {
            String line = raw.stripTrailing();
            Matcher v = VOLUME.matcher(line);
            if (v.find()) {
                current = new Block(v.group(1));
                blocks.add(current);
                inProtectors = false;
                continue;
            }
            if (current == null) {
                continue;
            }
            if (line.strip().equals("[OS Volume]")) {
                current.os = true;
                continue;
            }
            Matcher f = FIELD.matcher(line);
            if (f.matches()) {
                String label = f.group(1).strip();
                String value = f.group(2).strip();
                current.fields.putIfAbsent(label, value);
                inProtectors = label.equals("Key Protectors");
                if (inProtectors && !value.isEmpty() && !lower(value).equals("none found")) {
                    current.protectors.add(value);
                }
                continue;
            }
            Matcher item = LIST_ITEM.matcher(line);
            if (inProtectors && item.matches()) {
                current.protectors.add(item.group(1).strip());
            } else if (line.isBlank()) {
                inProtectors = false;
            }
        }
        List<Block> os = blocks.stream().filter(b -> b.os).toList();
        if (os.size() != 1) {
            throw new ParseException("expected exactly one volume marked [OS Volume] in manage-bde output, found " + os.size()
                    + " among " + blocks.size() + " volumes");
        }
        return os.getFirst();
    }

    private static String lower(String s) {
        return s.strip().toLowerCase(Locale.ROOT);
    }

    /** One volume's lines while reading. */
    private static final class Block {
        final String mountPoint;
        final Map<String, String> fields = new LinkedHashMap<>();
        final List<String> protectors = new ArrayList<>();
        boolean os;

        Block(String mountPoint) {
            this.mountPoint = mountPoint;
        }

        String require(String label) throws ParseException {
            String v = fields.get(label);
            if (v == null || v.isEmpty()) {
                throw new ParseException("expected a '" + label + ":' line for volume " + mountPoint + " in manage-bde output");
            }
            return v;
        }
    }
}
