package dev.vigil.server.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A token as the store knows it: never the token itself.
 *
 * @param id        short identifier, for revoking
 * @param name      what the token is for, as given at creation
 * @param scope     what it may do
 * @param createdAt when it was created
 * @param last4     the token's last four characters, to tell tokens apart
 * @param revokedAt when it was revoked, empty while active
 */
public record TokenInfo(String id, String name, Scope scope, Instant createdAt, String last4,
                        Optional<Instant> revokedAt) {
    public TokenInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(createdAt, "created_at");
        Objects.requireNonNull(last4, "last4");
        Objects.requireNonNull(revokedAt, "revoked_at");
    }

    /** Whether the token still authenticates. */
    public boolean active() {
        return revokedAt.isEmpty();
    }
}
