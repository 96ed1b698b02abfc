package dev.vigil.server.store;

import java.util.Objects;

/**
 * A freshly created token: the only time its plaintext exists outside the client.
 *
 * @param info  what the store keeps
 * @param token the plaintext token, to show once; {@link #toString()} masks it so it never reaches a log
 */
public record NewToken(TokenInfo info, String token) {
    public NewToken {
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(token, "token");
    }

    @Override
    public String toString() {
        return "NewToken[info=" + info + ", token=****" + info.last4() + "]";
    }
}
