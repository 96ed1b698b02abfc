package dev.vigil.agent.check.disk.windows;

import java.util.List;
import java.util.Objects;

/**
 * BitLocker's state of one volume, in the cmdlet's vocabulary whichever tool reported it.
 *
 * @param mountPoint       e.g. {@code C:}
 * @param volumeStatus     conversion state
 * @param protection       whether the key is protected (On) or available in the clear (Off)
 * @param percentEncrypted 0 to 100
 * @param method           the cmdlet's name of the cipher ({@code XtsAes128}, {@code None}), or the tool's text
 *                         when it has no cmdlet name
 * @param keyProtectors    the cmdlet's names of the key protector types ({@code Tpm}, {@code RecoveryPassword})
 */
record BitLockerVolume(String mountPoint, VolumeStatus volumeStatus, Protection protection, double percentEncrypted,
        String method, List<String> keyProtectors) {

    BitLockerVolume {
        Objects.requireNonNull(mountPoint, "mountPoint");
        Objects.requireNonNull(volumeStatus, "volumeStatus");
        Objects.requireNonNull(protection, "protection");
        Objects.requireNonNull(method, "method");
        keyProtectors = List.copyOf(keyProtectors);
        if (!(percentEncrypted >= 0 && percentEncrypted <= 100)) {
            throw new IllegalArgumentException("percentage encrypted out of range: " + percentEncrypted);
        }
    }

    /** BitLockerVolumeStatus, numbered as the cmdlet numbers it. */
    enum VolumeStatus {
        FullyDecrypted, FullyEncrypted, EncryptionInProgress, DecryptionInProgress, EncryptionSuspended,
        DecryptionSuspended, FullyEncryptedWipeInProgress, FullyEncryptedWipeSuspended
    }

    /** BitLockerVolumeProtectionStatus, numbered as the cmdlet numbers it. */
    enum Protection {
        Off, On, Unknown
    }
}
