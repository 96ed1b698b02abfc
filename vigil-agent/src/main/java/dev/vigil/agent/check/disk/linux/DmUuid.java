package dev.vigil.agent.check.disk.linux;

import java.util.Locale;
import java.util.Set;

/**
 * What a device-mapper device is, from its uuid ({@code /sys/block/dm-N/dm/uuid}). The subsystem that
 * created a mapping stamps its uuid: cryptsetup writes {@code CRYPT-<type>-[<uuid>-]<name>}
 * ({@code CRYPT-LUKS2-…}, {@code CRYPT-PLAIN-name}), LVM writes {@code LVM-<vg uuid><lv uuid>},
 * multipath {@code mpath-…}. Only some cryptsetup types encrypt: {@code VERITY} and {@code INTEGRITY}
 * (and the {@code SUBDEV} and {@code TEMP} helpers) carry the same prefix but no key.
 */
final class DmUuid {

    /** cryptsetup device types whose mapping is a dm-crypt target, i.e. encrypts. */
    private static final Set<String> ENCRYPTING = Set.of("LUKS1", "LUKS2", "PLAIN", "LOOPAES", "TCRYPT", "BITLK", "FVAULT2");

    private DmUuid() {
    }

    /** What the uuid says; never fails (an unknown or empty uuid is {@link Other}). */
    static Kind classify(String uuid) {
        String u = uuid.strip();
        if (u.startsWith("CRYPT-")) {
            int end = u.indexOf('-', "CRYPT-".length());
            String type = end < 0 ? u.substring("CRYPT-".length()) : u.substring("CRYPT-".length(), end);
            return ENCRYPTING.contains(type) ? new Crypt(type.toLowerCase(Locale.ROOT)) : new Other("CRYPT-" + type);
        }
        if (u.startsWith("LVM-")) {
            return new Lvm();
        }
        if (u.isEmpty()) {
            return new Other("");
        }
        int dash = u.indexOf('-');
        return new Other(dash < 0 ? u : u.substring(0, dash));
    }

    /** A device-mapper device's nature. */
    sealed interface Kind {
    }

    /** A dm-crypt mapping; {@code type} is cryptsetup's, lower case: luks1, luks2, plain, tcrypt, bitlk… */
    record Crypt(String type) implements Kind {
    }

    /** An LVM logical volume (or one of its internal sub-volumes). */
    record Lvm() implements Kind {
    }

    /** Anything else: multipath, dm-verity, dm-integrity, a mapping without uuid…; {@code subsystem} is the uuid's prefix. */
    record Other(String subsystem) implements Kind {
    }
}
