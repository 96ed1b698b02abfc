package dev.vigil.agent.check.patch.macos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.agent.check.Outcome;
import dev.vigil.agent.policy.Policy;
import dev.vigil.agent.testing.FakeProbe;
import dev.vigil.agent.testing.Fixtures;
import dev.vigil.core.report.Status;
import java.util.Map;
import org.junit.jupiter.api.Test;

@SuppressWarnings("unchecked")
class MacAutoUpdatesCheckTest {

    private static final Policy POLICY = Policy.defaults();
    private final MacAutoUpdatesCheck check = new MacAutoUpdatesCheck();

    private static FakeProbe mac() {
        return MacPendingUpdatesCheckTest.mac();
    }

    private static String plist(String file) {
        return SoftwareUpdatePlistParserTest.fixture(file);
    }

    @Test
    void passesWhenEverySettingIsOn() {
        Outcome o = check.run(mac().file(MacAutoUpdatesCheck.PLIST, plist("sonoma-none-all-auto.txt"))
                .file(MacAutoUpdatesCheck.COMMERCE, Fixtures.output("macos/commerce-plist/autoupdate-on.txt")), POLICY);
        assertThat(o.status()).isEqualTo(Status.PASS);
        assertThat(o.facts()).containsEntry("app_store_auto_update", true);
        assertThat((Map<String, Object>) o.facts().get("sources")).containsEntry("AutomaticCheckEnabled", "local");
    }

    @Test
    void warnsWhenChecksRunButInstallationsAreOffNamingThem() {
        Outcome o = check.run(mac().file(MacAutoUpdatesCheck.PLIST, plist("ventura-rsr-and-safari-stale.txt")), POLICY);
        assertThat(o.status()).isEqualTo(Status.WARN);
        assertThat(o.detail()).isEqualTo("Software Update checks automatically but does not download new updates (AutomaticDownload), "
                + "install Security Responses and system files (CriticalUpdateInstall), "
                + "install macOS updates (AutomaticallyInstallMacOSUpdates, off by default).");
    }

    @Test
    void warnsOnAMacWithMacOsDefaultsBecauseMacOsUpdatesAreNotInstalled() {
        Outcome o = check.run(mac().file(MacAutoUpdatesCheck.PLIST, plist("monterey-xml-4-recommended.txt")), POLICY);
        assertThat(o.status()).isEqualTo(Status.WARN);
        assertThat(o.detail()).contains("install macOS updates (AutomaticallyInstallMacOSUpdates, off by default)");
        assertThat((Map<String, Object>) o.facts().get("sources")).containsEntry("CriticalUpdateInstall", "default");
    }

    @Test
    void failsWhenAutomaticChecksAreOff() {
        Outcome o = check.run(mac().file(MacAutoUpdatesCheck.PLIST, plist("never-checked-check-off.txt")), POLICY);
        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.detail()).isEqualTo("Software Update does not check for updates automatically (AutomaticCheckEnabled is off).");
    }

    @Test
    void aConfigurationProfileOverridesTheLocalSettings() {
        Outcome o = check.run(mac().file(MacAutoUpdatesCheck.PLIST, plist("never-checked-check-off.txt"))
                .file(MacAutoUpdatesCheck.MANAGED, Fixtures.output("macos/managed-softwareupdate-plist/all-on.txt")), POLICY);
        assertThat(o.status()).isEqualTo(Status.PASS);
        assertThat((Map<String, Object>) o.facts().get("sources")).containsEntry("AutomaticCheckEnabled", "managed");
    }

    @Test
    void usesMacOsDefaultsWhenNoPreferencesFileExists() {
        Outcome o = check.run(mac(), POLICY);
        assertThat(o.status()).isEqualTo(Status.WARN);
        assertThat((Map<String, Object>) o.facts().get("settings")).containsEntry("AutomaticCheckEnabled", true)
                .containsEntry("AutomaticallyInstallMacOSUpdates", false);
    }

    @Test
    void unknownWhenAPreferencesFileIsGarbledOrDenied() {
        Outcome garbled = check.run(mac().file(MacAutoUpdatesCheck.PLIST, plist("truncated.txt")), POLICY);
        assertThat(garbled.status()).isEqualTo(Status.UNKNOWN);
        assertThat(garbled.detail()).startsWith(MacAutoUpdatesCheck.PLIST + ": ");
        Outcome denied = check.run(mac().deniedFile(MacAutoUpdatesCheck.MANAGED), POLICY);
        assertThat(denied.status()).isEqualTo(Status.UNKNOWN);
        assertThat(denied.detail()).contains("permission denied");
    }

    @Test
    void worksUnderRoot() {
        Outcome o = check.run(mac().live(false).file(MacAutoUpdatesCheck.PLIST, plist("sonoma-none-all-auto.txt")), POLICY);
        assertThat(o.status()).isEqualTo(Status.PASS);
    }
}
