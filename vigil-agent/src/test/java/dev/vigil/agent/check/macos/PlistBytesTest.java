package dev.vigil.agent.check.macos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dd.plist.BinaryPropertyListParser;
import com.dd.plist.BinaryPropertyListWriter;
import com.dd.plist.NSArray;
import com.dd.plist.NSData;
import com.dd.plist.NSDate;
import com.dd.plist.NSDictionary;
import com.dd.plist.NSNumber;
import com.dd.plist.NSString;
import dev.vigil.agent.check.ParseException;
import dev.vigil.agent.probe.FileResult;
import dev.vigil.agent.probe.LiveProbe;
import dev.vigil.agent.testing.ParserProperties;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Date;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Binary plists travel through the probe's text API: these tests read real binary plists through the real probe. */
class PlistBytesTest {

    @TempDir
    Path dir;

    /** A binary plist as macOS writes Software Update's preferences, made with dd-plist. */
    static byte[] softwareUpdateBinary() throws Exception {
        NSDictionary d = new NSDictionary();
        d.put("AutomaticCheckEnabled", new NSNumber(true));
        d.put("CriticalUpdateInstall", new NSNumber(true));
        d.put("LastRecommendedUpdatesAvailable", new NSNumber(1));
        d.put("LastSuccessfulDate", new NSDate(Date.from(java.time.Instant.parse("2026-11-19T22:14:05Z"))));
        NSDictionary u = new NSDictionary();
        u.put("Display Name", new NSString("macOS Sonoma 14.7.2"));
        u.put("Display Version", new NSString("14.7.2"));
        u.put("Identifier", new NSString("MSU_UPDATE_23H311_patch_14.7.2"));
        d.put("RecommendedUpdates", new NSArray(u));
        d.put("PrimaryLanguages", new NSArray(new NSString("en-GB"), new NSString("fr-FR")));
        return BinaryPropertyListWriter.writeToArray(d);
    }

    private String throughProbe(byte[] bytes) throws Exception {
        Path f = dir.resolve("prefs.plist");
        Files.write(f, bytes);
        return ((FileResult.Content) LiveProbe.system().readFile(f.toString())).text();
    }

    private static boolean validUtf8(byte[] b) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(b));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    @Test
    void restoresTheExactBytesOfARealBinaryPlistReadThroughTheProbe() throws Exception {
        byte[] bytes = softwareUpdateBinary();
        assertThat(validUtf8(bytes)).as("a real binary plist is not valid UTF-8").isFalse();
        String text = throughProbe(bytes);
        assertThat(text.getBytes(StandardCharsets.ISO_8859_1)).as("ISO-8859-1 round trip").isEqualTo(bytes);
        assertThat(PlistBytes.restore(text)).hasValueSatisfying(b -> assertThat(b).isEqualTo(bytes));
        NSDictionary d = Plists.dictionary(text, "test");
        assertThat(Plists.integer(d, "LastRecommendedUpdatesAvailable")).contains(1L);
    }

    @Test
    void restoresABinaryPlistThatHappensToBeValidUtf8WhereIso88591WouldCorruptIt() throws Exception {
        // the smallest such plist: one data object holding C3 A9 (UTF-8 for "é"); every other byte is ASCII
        byte[] bytes = BinaryPropertyListWriter.writeToArray(new NSData(new byte[] {(byte) 0xC3, (byte) 0xA9}));
        assertThat(validUtf8(bytes)).as("this plist is valid UTF-8").isTrue();
        String text = throughProbe(bytes);
        assertThat(text).contains("\u00e9");
        assertThat(text.getBytes(StandardCharsets.ISO_8859_1)).as("the naive ISO-8859-1 round trip loses a byte")
                .isNotEqualTo(bytes);
        assertThat(PlistBytes.restore(text)).hasValueSatisfying(b -> assertThat(b).isEqualTo(bytes));
        assertThat(((NSData) BinaryPropertyListParser.parse(PlistBytes.restore(text).orElseThrow())).bytes())
                .containsExactly(0xC3, 0xA9);
    }

    @Test
    void refusesABinaryPlistWithoutItsTrailer() throws Exception {
        byte[] bytes = softwareUpdateBinary();
        String text = throughProbe(Arrays.copyOf(bytes, bytes.length - 7));
        assertThat(PlistBytes.restore(text)).isEmpty();
        assertThatThrownBy(() -> Plists.dictionary(text, "prefs")).isInstanceOf(ParseException.class)
                .hasMessageContaining("not restorable");
    }

    @Test
    void arbitraryTextNeverThrowsAnythingButParseException() throws Exception {
        ParserProperties.throwsOnlyParseException(t -> Plists.dictionary(t, "x"),
                "macos/softwareupdate-plist/monterey-xml-4-recommended.txt", "macos/softwareupdate-plist/sonoma-none-all-auto.txt");
        String binary = new String(softwareUpdateBinary(), StandardCharsets.ISO_8859_1);
        java.util.List<String> damaged = new java.util.ArrayList<>();
        for (int cut = 0; cut < binary.length(); cut += 3) {
            damaged.add(binary.substring(0, cut));
            char[] c = binary.toCharArray();
            c[cut] = (char) ((c[cut] + 0x41) & 0xFF);
            damaged.add(new String(c));
        }
        ParserProperties.throwsOnlyParseExceptionOn(t -> Plists.dictionary(t, "x"), damaged);
    }
}
