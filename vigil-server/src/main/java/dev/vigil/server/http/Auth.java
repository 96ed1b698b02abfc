package dev.vigil.server.http;

import dev.vigil.server.store.ReportStore;
import dev.vigil.server.store.Scope;
import dev.vigil.server.store.TokenInfo;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;

import java.util.Optional;

/**
 * Bearer-token checks against the store (which compares hashes in constant time). Tokens never appear in a
 * problem document or a log line: a rejected request is described by what was wrong, not by what was sent.
 */
final class Auth {

    static final String CHALLENGE = "Bearer realm=\"vigil\"";

    private final ReportStore store;
    private final boolean publicRead;

    Auth(ReportStore store, boolean publicRead) {
        this.store = store;
        this.publicRead = publicRead;
    }

    /** Returns normally when the request may proceed; throws a 401 or 403 problem otherwise. */
    void check(Request request, Access access) {
        Scope required = switch (access) {
            case PUBLIC -> null;
            case READ -> publicRead ? null : Scope.FLEET_READ;
            case WRITE -> Scope.REPORT_WRITE;
        };
        if (required == null) {
            return;
        }
        TokenInfo token = presented(request).flatMap(store::authenticate).orElseThrow(() -> new ApiException(
                Problem.of(401, "unauthorized", "Unauthorized",
                        "this request needs a valid API token with scope " + required.id()
                                + ", sent as 'Authorization: Bearer <token>'").with("scope", required.id())));
        if (!token.scope().permits(required)) {
            throw new ApiException(Problem.of(403, "forbidden", "Forbidden",
                            "token '" + token.name() + "' has scope " + token.scope().id() + "; this request needs "
                                    + required.id()).with("scope", required.id()));
        }
    }

    private static Optional<String> presented(Request request) {
        String h = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        if (h == null || h.length() < 7 || !h.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        String token = h.substring(7).strip();
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }
}
