package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenSourceTest {

    @TempDir
    Path dir;

    static final Map<String, String> ENV = Map.of("VIGIL_TOKEN", "from-env");

    @Test
    void theFlagWinsOverTheEnvironment() {
        assertThat(TokenSource.resolve(Optional.of("from-flag"), Optional.empty(), ENV))
                .isEqualTo(new TokenSource.Token("from-flag", "--token"));
    }

    @Test
    void theFileWinsOverTheEnvironmentAndItsNewlineIsDropped() throws IOException {
        Path f = Files.writeString(dir.resolve("token"), "  from-file\r\n");
        assertThat(TokenSource.resolve(Optional.empty(), Optional.of(f), ENV)).isEqualTo(new TokenSource.Token("from-file", "--token-file"));
    }

    @Test
    void theEnvironmentServesWhenNoOptionIsGiven() {
        assertThat(TokenSource.resolve(Optional.empty(), Optional.empty(), ENV)).isEqualTo(new TokenSource.Token("from-env", "VIGIL_TOKEN"));
        assertThat(TokenSource.resolve(Optional.empty(), Optional.empty(), ENV).toString()).doesNotContain("from-env");
    }

    @Test
    void mistakesAreUsageErrorsThatNeverQuoteTheToken() throws IOException {
        Path f = Files.writeString(dir.resolve("token"), "secret-one\n");
        assertThatThrownBy(() -> TokenSource.resolve(Optional.of("x"), Optional.of(f), ENV)).isInstanceOf(UsageException.class)
                .hasMessageContaining("give one");
        assertThatThrownBy(() -> TokenSource.resolve(Optional.empty(), Optional.empty(), Map.of())).hasMessageContaining("no token");
        assertThatThrownBy(() -> TokenSource.resolve(Optional.empty(), Optional.of(dir.resolve("nope")), ENV)).hasMessageContaining("no such file");
        Path empty = Files.writeString(dir.resolve("empty"), "\n");
        assertThatThrownBy(() -> TokenSource.resolve(Optional.empty(), Optional.of(empty), ENV)).hasMessageContaining("empty token");
        Path two = Files.writeString(dir.resolve("two"), "secret-one\nsecret-two\n");
        assertThatThrownBy(() -> TokenSource.resolve(Optional.empty(), Optional.of(two), ENV))
                .hasMessageContaining("more than one").hasMessageNotContaining("secret");
    }
}
