package dev.vigil.agent.check.disk.windows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.agent.check.ParseException;
import dev.vigil.agent.testing.Fixtures;
import dev.vigil.agent.testing.ParserProperties;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BitLockerParsersTest {

    private static String render(BitLockerVolume v) {
        return (v.mountPoint() + " " + v.volumeStatus() + " " + v.protection() + " " + v.percentEncrypted() + " " + v.method() + " "
                + String.join("+", v.keyProtectors())).strip();
    }

    /** Each fixture as recorded and with Windows line ends. */
    private static List<String> texts(String file) {
        String text = Fixtures.output("windows/" + file + ".txt");
        return List.of(text, text.replace("\n", "\r\n"));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            ps51-fully-encrypted-on            | C: FullyEncrypted On 100.0 XtsAes128 Tpm+RecoveryPassword          | 5.1 numbers, protection on
            ps51-decrypted                     | C: FullyDecrypted Off 0.0 None                                     | never encrypted, no protector
            ps51-suspended                     | C: FullyEncrypted Off 100.0 XtsAes256 Tpm+RecoveryPassword         | suspended: off with protectors
            ps51-waiting-for-activation        | C: FullyEncrypted Off 100.0 XtsAes128                              | clear key, no protector
            ps51-decryption-in-progress        | C: DecryptionInProgress Off 37.5 XtsAes128 RecoveryPassword        | being decrypted
            ps51-encryption-paused             | C: EncryptionSuspended Off 62.0 XtsAes128 Tpm+RecoveryPassword     | encryption paused
            ps7-enums-as-strings-encrypting    | C: EncryptionInProgress Off 43.5 XtsAes128 Tpm                     | PowerShell 7 names
            ps51-value-wrapper                 | C: FullyEncrypted On 100.0 XtsAes256 TpmPin                        | 5.1 value/Count wrapper around the list
            """)
    void readsGetBitLockerVolume(String file, String expected, String what) throws ParseException {
        for (String text : texts("get-bitlockervolume/" + file)) {
            assertThat(render(GetBitLockerVolumeParser.parse(text))).isEqualTo(expected.strip());
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            garbled     | the list view instead of JSON
            truncated   | JSON cut off
            empty       | nothing printed
            two-volumes | every volume instead of the system drive
            """)
    void rejectsGetBitLockerVolumeOutputItCannotTrust(String file, String what) {
        assertThatThrownBy(() -> GetBitLockerVolumeParser.parse(Fixtures.output("windows/get-bitlockervolume/" + file + ".txt")))
                .isInstanceOf(ParseException.class);
    }

    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            used-space-only-on                 | C: FullyEncrypted On 100.0 XtsAes128 Tpm+RecoveryPassword     | Microsoft's example, used space only
            fully-encrypted-with-data-volumes  | C: FullyEncrypted On 100.0 XtsAes256 TpmPin+RecoveryPassword  | the OS volume among data volumes
            decrypted                          | C: FullyDecrypted Off 0.0 None                                | never encrypted, None Found
            encryption-in-progress             | C: EncryptionInProgress Off 43.5 XtsAes128 Tpm+RecoveryPassword | being encrypted
            suspended-reboots-left             | C: FullyEncrypted Off 100.0 XtsAes128 Tpm+RecoveryPassword    | Protection Off (1 reboots left)
            """)
    void readsManageBdeStatus(String file, String expected, String what) throws ParseException {
        for (String text : texts("manage-bde-status/" + file)) {
            assertThat(render(ManageBdeStatusParser.parse(text))).isEqualTo(expected.strip());
        }
    }

    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            decrypted-german | language the parser does not know | German display language
            access-denied    | manage-bde reported an error: An attempt to access a required resource was denied. | not elevated
            no-os-volume     | exactly one volume marked [OS Volume] | only a data volume
            truncated        | Protection Status                     | cut off
            empty            | unrecognised output                   | nothing printed
            """)
    void rejectsManageBdeOutputItCannotRead(String file, String message, String what) {
        assertThatThrownBy(() -> ManageBdeStatusParser.parse(Fixtures.output("windows/manage-bde-status/" + file + ".txt")))
                .isInstanceOf(ParseException.class).hasMessageContaining(message.strip());
    }

    @Test
    void neverThrowsAnythingButParseException() {
        String[] json = Arrays.stream(new String[] {"ps51-fully-encrypted-on", "ps7-enums-as-strings-encrypting", "ps51-value-wrapper", "two-volumes"})
                .map(f -> "windows/get-bitlockervolume/" + f + ".txt").toArray(String[]::new);
        String[] text = Arrays.stream(new String[] {"fully-encrypted-with-data-volumes", "encryption-in-progress", "decrypted-german"})
                .map(f -> "windows/manage-bde-status/" + f + ".txt").toArray(String[]::new);

        ParserProperties.throwsOnlyParseException(GetBitLockerVolumeParser::parse, json);
        ParserProperties.throwsOnlyParseException(ManageBdeStatusParser::parse, text);
    }
}
