package dev.vigil.agent.check.patch.macos;

import static org.assertj.core.api.Assertions.assertThat;

import com.dd.plist.BinaryPropertyListWriter;
import com.dd.plist.XMLPropertyListParser;
import dev.vigil.agent.check.Outcome;
import dev.vigil.agent.check.macos.PlistSource;
import dev.vigil.agent.policy.Policy;
import dev.vigil.agent.testing.FakeProbe;
import dev.vigil.core.report.OsFamily;
import dev.vigil.core.report.Status;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MacPendingUpdatesCheckTest {

    static final Instant NOW = Instant.parse("2026-11-20T09:30:00Z");
    static final Policy POLICY = Policy.defaults();
    static final String PLIST = MacPendingUpdatesCheck.PLIST;
    private final MacPendingUpdatesCheck check = new MacPendingUpdatesCheck();

    static FakeProbe mac() {
        return FakeProbe.linux().family(OsFamily.MACOS).now(NOW);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            // nothing pending, checked yesterday
            "sonoma-none-all-auto.txt | PASS | No recommended updates pending; last check today",
            // a Rapid Security Response pending, last check 79 days ago
            "ventura-rsr-and-safari-stale.txt | FAIL | 1 security or macOS update pending (Rapid Security Response macOS Ventura 13.4.1 (c); 2 recommended in all); last check 79 days ago (older than 7 days)",
            // only developer tools pending
            "clt-only-current.txt | WARN | 1 recommended update pending (Command Line Tools for Xcode 16.1), none of them a security or macOS update",
            // the count without names
            "count-without-list.txt | WARN | 3 recommended updates pending (not listed by name)",
            // never checked
            "never-checked-check-off.txt | WARN | Software Update has never completed a check",
            // real Monterey plist: a macOS update among 4, checked 2022
            "monterey-xml-4-recommended.txt | FAIL | 1 security or macOS update pending (macOS Monterey 12.6.1; 4 recommended in all)",
    })
    void decidesFromTheRecommendedUpdatesAndTheCheckAge(String file, Status status, String detail) {
        Outcome o = check.run(mac().file(PLIST, SoftwareUpdatePlistParserTest.fixture(file)), POLICY);
        assertThat(o.status()).isEqualTo(status);
        assertThat(o.detail()).contains(detail);
    }

    @Test
    void warnsWhenNothingIsPendingButTheLastCheckIsStale() {
        String text = SoftwareUpdatePlistParserTest.fixture("sonoma-none-all-auto.txt");
        Outcome o = check.run(mac().now(NOW.plus(Duration.ofDays(30))).file(PLIST, text), POLICY);
        assertThat(o.status()).isEqualTo(Status.WARN);
        assertThat(o.detail()).isEqualTo("No recommended updates pending, but last check 30 days ago (older than 7 days), so the list may be out of date.");
        assertThat(o.facts()).containsEntry("check_age_days", 30L);
    }

    @Test
    void readsTheBinaryFormMacOsWrites() throws Exception {
        byte[] binary = BinaryPropertyListWriter.writeToArray(XMLPropertyListParser.parse(
                SoftwareUpdatePlistParserTest.fixture("ventura-rsr-and-safari-stale.txt").getBytes(StandardCharsets.UTF_8)));
        Outcome o = check.run(mac().file(PLIST, new String(binary, StandardCharsets.ISO_8859_1)), POLICY);
        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.facts()).containsEntry("source", "file").containsEntry("security_updates",
                List.of("Rapid Security Response macOS Ventura 13.4.1 (c)"));
    }

    @Test
    void asksPlutilWhenTheBinaryCannotBeRestoredFromText() {
        String xml = SoftwareUpdatePlistParserTest.fixture("clt-only-current.txt");
        Outcome o = check.run(mac().file(PLIST, "bplist00\uFFFD\uFFFD damaged").command(PlistSource.plutil(PLIST).argv(), 0, xml), POLICY);
        assertThat(o.status()).isEqualTo(Status.WARN);
        assertThat(o.facts()).containsEntry("source", "plutil");
    }

    @Test
    void unknownWhenTheBinaryCannotBeRestoredAndPlutilIsMissing() {
        Outcome o = check.run(mac().file(PLIST, "bplist00\uFFFD damaged"), POLICY);
        assertThat(o.status()).isEqualTo(Status.UNKNOWN);
        assertThat(o.detail()).contains("command not found: /usr/bin/plutil");
    }

    @Test
    void unknownWhenTheBinaryCannotBeRestoredUnderRoot() {
        Outcome o = check.run(mac().live(false).file(PLIST, "bplist00\uFFFD damaged"), POLICY);
        assertThat(o.status()).isEqualTo(Status.UNKNOWN);
        assertThat(o.detail()).contains("not restorable");
    }

    @Test
    void worksUnderRootFromTheFileAlone() {
        Outcome o = check.run(mac().live(false).file(PLIST, SoftwareUpdatePlistParserTest.fixture("sonoma-none-all-auto.txt")), POLICY);
        assertThat(o.status()).isEqualTo(Status.PASS);
    }

    @Test
    void unknownWhenThePlistIsMissingDeniedOrGarbled() {
        assertThat(check.run(mac(), POLICY).detail()).isEqualTo(PLIST + " does not exist: Software Update has never recorded a check here");
        Outcome denied = check.run(mac().deniedFile(PLIST), POLICY);
        assertThat(denied.status()).isEqualTo(Status.UNKNOWN);
        assertThat(denied.detail()).isEqualTo("permission denied reading " + PLIST + " (requires root)");
        Outcome garbled = check.run(mac().file(PLIST, SoftwareUpdatePlistParserTest.fixture("garbled.txt")), POLICY);
        assertThat(garbled.status()).isEqualTo(Status.UNKNOWN);
        assertThat(garbled.detail()).contains("expected a binary (bplist) or XML property list");
    }

    @Test
    void countsSecurityUpdatesByNameAndMacOsUpdatesByIdentifier() {
        assertThat(MacPendingUpdatesCheck.isSecurityRelevant(new SoftwareUpdatePrefs.RecommendedUpdate("Security Update 2024-001", "10.15.7", "012-34567"))).isTrue();
        assertThat(MacPendingUpdatesCheck.isSecurityRelevant(new SoftwareUpdatePrefs.RecommendedUpdate("macOS Sonoma 14.7.2", "14.7.2", "MSU_UPDATE_23H311_patch_14.7.2"))).isTrue();
        assertThat(MacPendingUpdatesCheck.isSecurityRelevant(new SoftwareUpdatePrefs.RecommendedUpdate("Safari", "18.1", "Safari18.1SonomaAuto"))).isFalse();
    }
}
