package dev.vigil.agent.check.disk.windows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.agent.check.ParseException;
import dev.vigil.agent.check.windows.PowerShellJson;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@link BitLockerCheck#SCRIPT}: {@code Get-BitLockerVolume} of the system drive through
 * {@code ConvertTo-Json}. Enums come as numbers (Windows PowerShell 5.1) or names; key protector types come as
 * names (the script casts them) or numbers.
 */
final class GetBitLockerVolumeParser {

    static final String WHAT = "Get-BitLockerVolume";

    private static final Map<Integer, String> VOLUME_STATUS = names(BitLockerVolume.VolumeStatus.values());
    private static final Map<Integer, String> PROTECTION = names(BitLockerVolume.Protection.values());
    private static final Map<Integer, String> METHOD = Map.of(0, "None", 1, "Aes128Diffuser", 2, "Aes256Diffuser", 3, "Aes128",
            4, "Aes256", 5, "Hardware", 6, "XtsAes128", 7, "XtsAes256");
    private static final Map<Integer, String> KEY_PROTECTOR = Map.ofEntries(Map.entry(0, "Unknown"), Map.entry(1, "Tpm"),
            Map.entry(2, "ExternalKey"), Map.entry(3, "RecoveryPassword"), Map.entry(4, "TpmPin"), Map.entry(5, "TpmStartupKey"),
            Map.entry(6, "TpmPinStartupKey"), Map.entry(7, "PublicKey"), Map.entry(8, "Password"), Map.entry(9, "TpmNetworkKey"),
            Map.entry(10, "AdAccountOrGroup"));

    private GetBitLockerVolumeParser() {
    }

    static BitLockerVolume parse(String text) throws ParseException {
        List<JsonNode> objects = PowerShellJson.objects(text, WHAT);
        if (objects.size() != 1) {
            throw new ParseException("expected one volume (the system drive) from `" + WHAT + "`, got " + objects.size());
        }
        JsonNode v = objects.getFirst();
        String status = require(PowerShellJson.enumName(v, "VolumeStatus", VOLUME_STATUS), "VolumeStatus");
        String protection = require(PowerShellJson.enumName(v, "ProtectionStatus", PROTECTION), "ProtectionStatus");
        double percent = require(PowerShellJson.number(v, "EncryptionPercentage"), "EncryptionPercentage");
        if (!(percent >= 0 && percent <= 100)) {
            throw new ParseException("expected EncryptionPercentage between 0 and 100, got " + percent);
        }
        String method = PowerShellJson.enumName(v, "EncryptionMethod", METHOD).orElse("None");
        List<String> protectors = PowerShellJson.texts(v, "KeyProtectorTypes").stream()
                .map(t -> t.matches("\\d{1,2}") ? KEY_PROTECTOR.getOrDefault(Integer.parseInt(t), t) : t)
                .toList();
        return new BitLockerVolume(PowerShellJson.text(v, "MountPoint").orElse("system drive"),
                volumeStatus(status), protection(protection), percent, method, protectors);
    }

    private static BitLockerVolume.VolumeStatus volumeStatus(String name) throws ParseException {
        for (BitLockerVolume.VolumeStatus s : BitLockerVolume.VolumeStatus.values()) {
            if (s.name().equals(name)) {
                return s;
            }
        }
        throw new ParseException("unrecognised VolumeStatus '" + name + "' from `" + WHAT + "`");
    }

    private static BitLockerVolume.Protection protection(String name) throws ParseException {
        for (BitLockerVolume.Protection p : BitLockerVolume.Protection.values()) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        throw new ParseException("unrecognised ProtectionStatus '" + name + "' from `" + WHAT + "`");
    }

    private static <T> T require(Optional<T> value, String field) throws ParseException {
        if (value.isEmpty()) {
            throw new ParseException("expected a " + field + " field from `" + WHAT + "`");
        }
        return value.get();
    }

    private static Map<Integer, String> names(Enum<?>[] values) {
        Map<Integer, String> m = new java.util.HashMap<>();
        for (Enum<?> e : values) {
            m.put(e.ordinal(), e.name());
        }
        return Map.copyOf(m);
    }
}
