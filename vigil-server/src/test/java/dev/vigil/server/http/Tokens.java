package dev.vigil.server.http;

import dev.vigil.server.store.Scope;
import dev.vigil.server.store.SqliteReportStore;

import java.nio.file.Path;
import java.time.InstantSource;

/** An agent's token ({@code report:write}) and a reader's ({@code fleet:read}), created in a store before its kernel starts. */
record Tokens(String writer, String reader) {

    static Tokens create(Path dataDir, InstantSource clock) {
        try (SqliteReportStore store = SqliteReportStore.open(dataDir, clock)) {
            return new Tokens(store.createToken("agent", Scope.REPORT_WRITE).token(),
                    store.createToken("reader", Scope.FLEET_READ).token());
        }
    }
}
