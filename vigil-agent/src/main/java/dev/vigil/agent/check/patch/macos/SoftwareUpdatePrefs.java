package dev.vigil.agent.check.patch.macos;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What Software Update's preferences say: how many recommended updates its last check found and which,
 * when it last completed a check, and the automatic-update settings that are set (absent ones take the
 * macOS default).
 */
record SoftwareUpdatePrefs(Optional<Long> recommendedCount, List<RecommendedUpdate> recommended,
                           Optional<Instant> lastSuccessfulCheck, Map<Setting, Boolean> settings) {

    SoftwareUpdatePrefs {
        Objects.requireNonNull(recommendedCount, "recommendedCount");
        recommended = List.copyOf(recommended);
        Objects.requireNonNull(lastSuccessfulCheck, "lastSuccessfulCheck");
        settings = Map.copyOf(settings);
    }

    /** One entry of {@code RecommendedUpdates}. */
    record RecommendedUpdate(String name, String version, String identifier) {
        RecommendedUpdate {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(identifier, "identifier");
        }

        /** The label shown in findings: name and version. */
        String label() {
            return version.isEmpty() || name.contains(version) ? name : name + " " + version;
        }
    }

    /** The automatic-update settings, with their plist keys and the defaults macOS applies when a key is absent. */
    enum Setting {
        /** "Check for updates". */
        AUTOMATIC_CHECK("AutomaticCheckEnabled", true, "check for updates"),
        /** "Download new updates when available". */
        AUTOMATIC_DOWNLOAD("AutomaticDownload", true, "download new updates"),
        /** "Install Security Responses and system files": security fixes (and Rapid Security Responses). */
        CRITICAL_UPDATE_INSTALL("CriticalUpdateInstall", true, "install Security Responses and system files"),
        /** XProtect, MRT and other security data files. */
        CONFIG_DATA_INSTALL("ConfigDataInstall", true, "install security data files (XProtect)"),
        /** "Install macOS updates": the point releases that carry most security fixes; off on a new Mac. */
        INSTALL_MACOS_UPDATES("AutomaticallyInstallMacOSUpdates", false, "install macOS updates");

        private final String key;
        private final boolean macosDefault;
        private final String does;

        Setting(String key, boolean macosDefault, String does) {
            this.key = key;
            this.macosDefault = macosDefault;
            this.does = does;
        }

        String key() {
            return key;
        }

        boolean macosDefault() {
            return macosDefault;
        }

        /** What the setting makes Software Update do, as a verb phrase. */
        String does() {
            return does;
        }
    }
}
