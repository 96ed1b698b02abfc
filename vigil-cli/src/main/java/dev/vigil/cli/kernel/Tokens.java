package dev.vigil.cli.kernel;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.cli.ExitCodes;
import dev.vigil.cli.UsageException;
import dev.vigil.core.json.ReportCodec;
import dev.vigil.server.store.NewToken;
import dev.vigil.server.store.ReportStore;
import dev.vigil.server.store.Scope;
import dev.vigil.server.store.TokenInfo;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;

/** What {@code vigil token} does with the store. The store never returns a token's plaintext, except at creation. */
final class Tokens {

    enum Format { text, json }

    private static final DateTimeFormatter MINUTES =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm'Z'").withZone(ZoneOffset.UTC);

    private final Path dataDir;
    private final PrintWriter out;
    private final PrintWriter err;

    Tokens(Path dataDir, CommandLine cl) {
        this.dataDir = dataDir;
        this.out = cl.getOut();
        this.err = cl.getErr();
    }

    int create(String scopeId, String name) {
        Scope scope;
        try {
            scope = Scope.of(scopeId);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--scope: " + e.getMessage(), e);
        }
        String label = name == null ? scope.id() : name;
        if (label.isBlank()) {
            throw new UsageException("--name is blank; say what the token is for, or leave --name out");
        }
        try (ReportStore store = Stores.openOrCreate(dataDir, err)) {
            NewToken created = store.createToken(label, scope);
            out.println("created token " + created.info().id() + " '" + label + "' with scope " + scope.id() + " in "
                    + dataDir + ".");
            out.println("It is shown only this once; store it now (a password manager, a secret store):");
            out.println(created.token());
        }
        out.flush();
        return ExitCodes.OK;
    }

    int list(Format format) {
        List<TokenInfo> tokens;
        try (ReportStore store = Stores.openExisting(dataDir, err)) {
            tokens = store.tokens();
        }
        out.print(format == Format.json ? json(tokens) : table(tokens));
        out.flush();
        return ExitCodes.OK;
    }

    int revoke(String id) {
        try (ReportStore store = Stores.openExisting(dataDir, err)) {
            if (store.revokeToken(id)) {
                out.println("revoked token " + id + "; a running kernel refuses it from its next request");
            } else {
                Optional<TokenInfo> known = store.tokens().stream().filter(t -> t.id().equals(id)).findFirst();
                if (known.isEmpty()) {
                    throw new UsageException("no token with id '" + id + "' in " + dataDir + "; 'vigil token list' shows the ids");
                }
                out.println("token " + id + " was already revoked, at " + known.get().revokedAt().map(MINUTES::format).orElse("?"));
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static String table(List<TokenInfo> tokens) {
        if (tokens.isEmpty()) {
            return "no tokens; 'vigil token create --scope SCOPE' makes one" + System.lineSeparator();
        }
        int idWidth = Math.max(2, tokens.stream().mapToInt(t -> t.id().length()).max().orElse(0));
        int nameWidth = Math.max(4, Math.min(40, tokens.stream().mapToInt(t -> t.name().length()).max().orElse(0)));
        String fmt = "%-" + idWidth + "s  %-" + nameWidth + "s  %-12s  %-17s  %-9s  %s%n";
        StringBuilder sb = new StringBuilder(String.format(fmt, "ID", "NAME", "SCOPE", "CREATED", "ENDS WITH", "REVOKED"));
        for (TokenInfo t : tokens) {
            sb.append(String.format(fmt, t.id(), t.name(), t.scope().id(), MINUTES.format(t.createdAt()),
                    "****" + t.last4(), t.revokedAt().map(MINUTES::format).orElse("-")));
        }
        return sb.toString();
    }

    private static String json(List<TokenInfo> tokens) {
        ArrayNode array = ReportCodec.instance().mapper().createArrayNode();
        for (TokenInfo t : tokens) {
            ObjectNode o = array.addObject()
                    .put("id", t.id())
                    .put("name", t.name())
                    .put("scope", t.scope().id())
                    .put("created_at", t.createdAt().toString())
                    .put("last4", t.last4())
                    .put("active", t.active());
            o.put("revoked_at", t.revokedAt().map(Instant::toString).orElse(null));
        }
        return ReportCodec.instance().writeValue(array) + System.lineSeparator();
    }
}
