package dev.vigil.cli.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.cli.Cli;
import dev.vigil.core.json.ReportCodec;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenCommandTest {

    @TempDir
    Path tmp;

    private String data() {
        return tmp.resolve("data").toString();
    }

    @Test
    void createMakesTheStoreAndPrintsTheTokenAloneOnTheLastLine() {
        Cli r = Cli.run("token", "create", "--scope", "report:write", "--name", "laptops", "--data", data());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.lastLine()).matches("vigil_[A-Za-z0-9_-]{20,}");
        assertThat(r.out()).contains("'laptops'", "report:write", "shown only this once");
        assertThat(r.err()).contains("created a new store");
        assertThat(tmp.resolve("data")).isDirectory();
    }

    @Test
    void listShowsEveryTokenButNeverTheTokenItself() {
        String secret = Cli.run("token", "create", "--scope", "admin", "--name", "ops", "--data", data()).lastLine();
        Cli.run("token", "create", "--scope", "fleet:read", "--data", data());

        Cli table = Cli.run("token", "list", "--data", data());
        assertThat(table.exitCode()).as(table.err()).isZero();
        assertThat(table.out().lines()).hasSize(3);
        assertThat(table.out()).startsWith("ID").contains("ops", "admin", "fleet:read", "****" + secret.substring(secret.length() - 4))
                .doesNotContain(secret);

        Cli json = Cli.run("token", "list", "--format", "json", "--data", data());
        JsonNode tokens = ReportCodec.instance().tree(json.out());
        assertThat(tokens).hasSize(2);
        JsonNode ops = tokens.get(0);
        assertThat(ops.path("name").asText()).isEqualTo("ops");
        assertThat(ops.path("scope").asText()).isEqualTo("admin");
        assertThat(ops.path("active").asBoolean()).isTrue();
        assertThat(ops.path("revoked_at").isNull()).isTrue();
        assertThat(tokens.get(1).path("name").asText()).as("default name").isEqualTo("fleet:read");
        assertThat(json.out()).doesNotContain(secret);
    }

    @Test
    void revokeMarksTheTokenAndSaysSoWhenItWasAlreadyRevoked() {
        Cli.run("token", "create", "--scope", "admin", "--data", data());
        String id = ReportCodec.instance().tree(Cli.run("token", "list", "--format", "json", "--data", data()).out())
                .get(0).path("id").asText();

        Cli first = Cli.run("token", "revoke", id, "--data", data());
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("revoked token " + id);
        Cli again = Cli.run("token", "revoke", id, "--data", data());
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("already revoked");

        JsonNode listed = ReportCodec.instance().tree(Cli.run("token", "list", "--format", "json", "--data", data()).out()).get(0);
        assertThat(listed.path("active").asBoolean()).isFalse();
        assertThat(listed.path("revoked_at").asText()).isNotEmpty();
    }

    @Test
    void mistakesAreUsageErrorsNamingTheProblem() {
        Cli badScope = Cli.run("token", "create", "--scope", "write", "--data", data());
        assertThat(badScope.exitCode()).isEqualTo(2);
        assertThat(badScope.err()).contains("unknown scope 'write'", "report:write, fleet:read or admin");
        assertThat(tmp.resolve("data")).as("nothing created for a bad scope").doesNotExist();

        Cli noFolder = Cli.run("token", "list", "--data", data());
        assertThat(noFolder.exitCode()).isEqualTo(2);
        assertThat(noFolder.err()).contains("no data folder");

        Cli.run("token", "create", "--scope", "admin", "--data", data());
        Cli unknown = Cli.run("token", "revoke", "nosuchid", "--data", data());
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("no token with id 'nosuchid'");

        Cli blank = Cli.run("token", "create", "--scope", "admin", "--name", " ", "--data", data());
        assertThat(blank.exitCode()).isEqualTo(2);
        assertThat(blank.err()).contains("--name is blank");
    }
}
