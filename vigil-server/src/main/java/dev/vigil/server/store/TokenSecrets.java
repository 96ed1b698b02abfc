package dev.vigil.server.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Token generation and hashing.
 *
 * <p>A token is 256 random bits, so a fast unsalted SHA-256 is enough: nobody can guess a preimage whatever the
 * hash costs. A slow password hash (bcrypt, scrypt) protects low-entropy secrets that humans choose; here it would
 * only add tens of milliseconds to every authenticated request and, being salted, rule out finding a token by
 * its hash with one index lookup. (bcrypt also ignores input beyond 72 bytes.)
 */
final class TokenSecrets {

    static final String PREFIX = "vigil_";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final MessageDigest SHA256 = sha256();

    private TokenSecrets() {
    }

    /** A new token: the prefix and 32 random bytes in unpadded base64url (43 characters). */
    static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A short random id to name a token by, e.g. for revoking. */
    static String newId() {
        byte[] bytes = new byte[6];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** The SHA-256 of a token; every authenticated request hashes the token it presents. */
    static byte[] hash(String token) {
        try {
            // a clone skips the provider look-up that MessageDigest.getInstance does
            MessageDigest sha256 = (MessageDigest) SHA256.clone();
            return sha256.digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("this JDK's SHA-256 cannot be cloned", e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    static String last4(String token) {
        return token.substring(token.length() - 4);
    }
}
