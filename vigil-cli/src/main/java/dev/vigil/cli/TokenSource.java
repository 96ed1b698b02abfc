package dev.vigil.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where the API token comes from: {@code --token}, else {@code --token-file}, else the environment's
 * {@code VIGIL_TOKEN}. Giving both options is a mistake, not a precedence question.
 */
final class TokenSource {

    static final String ENV = "VIGIL_TOKEN";

    /** The token and where it came from. */
    record Token(String value, String origin) {
        @Override
        public String toString() {
            return "Token[****, from " + origin + "]";
        }
    }

    private TokenSource() {
    }

    static Token resolve(Optional<String> flag, Optional<Path> file, Map<String, String> env) {
        if (flag.isPresent() && file.isPresent()) {
            throw new UsageException("--token and --token-file both give the token; give one");
        }
        if (flag.isPresent()) {
            return new Token(check(flag.get(), "--token"), "--token");
        }
        if (file.isPresent()) {
            return new Token(check(read(file.get()), "--token-file " + file.get()), "--token-file");
        }
        String fromEnv = env.get(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return new Token(check(fromEnv, ENV), ENV);
        }
        throw new UsageException("no token: give --token-file FILE (safest), set " + ENV + ", or give --token TOKEN");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UsageException("--token-file " + file + ": no such file", e);
        } catch (IOException e) {
            throw new UsageException("--token-file " + file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** The token without surrounding white space (files end with a newline); one line of printable characters. */
    private static String check(String raw, String origin) {
        String t = raw.strip();
        if (t.isEmpty()) {
            throw new UsageException(origin + " gives an empty token");
        }
        if (t.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            throw new UsageException(origin + " holds more than one token-like line or characters a token cannot have");
        }
        return t;
    }
}
