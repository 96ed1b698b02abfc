package dev.vigil.agent.check.integrity.linux;

import dev.vigil.agent.check.ParseException;

/**
 * Parses a one-byte UEFI variable from efivarfs ({@code SecureBoot-8be4df61-...}, {@code SetupMode-...},
 * {@code MokSBStateRT-...}): four bytes of attributes (little-endian, e.g. {@code 06 00 00 00}) then the
 * value byte.
 *
 * <p>The probe hands files over as text: bytes that form valid UTF-8 are decoded as UTF-8, anything else
 * byte for byte as ISO-8859-1. Attribute and value bytes of these variables are below 0x80, so each byte
 * arrives as one character of the same value; a character above 0xFF, or any length but five, means the
 * file is not such a variable.
 */
final class EfiVariableParser {

    static final int ATTRIBUTE_BYTES = 4;

    private EfiVariableParser() {
    }

    /** The value byte, 0 to 255. */
    static int parseByte(String text) throws ParseException {
        if (text.length() != ATTRIBUTE_BYTES + 1) {
            throw new ParseException("unexpected UEFI variable: expected " + ATTRIBUTE_BYTES
                    + " attribute bytes and 1 value byte, got " + text.length() + " characters");
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 0xFF) {
                throw new ParseException("unexpected UEFI variable: character " + i + " is not a single byte");
            }
        }
        return text.charAt(ATTRIBUTE_BYTES);
    }

    /** A variable that holds a boolean: 1 is true, 0 false, anything else is not such a variable. */
    static boolean parseFlag(String text) throws ParseException {
        int value = parseByte(text);
        return switch (value) {
            case 0 -> false;
            case 1 -> true;
            default -> throw new ParseException("unexpected UEFI variable value " + value + ", expected 0 or 1");
        };
    }
}
