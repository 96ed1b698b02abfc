package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VigilCommandTest {

    @Test
    void printsTheVersion() {
        Cli r = Cli.run("--version");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("vigil ");
    }

    @Test
    void helpListsTheSubcommands() {
        Cli r = Cli.run("--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("audit", "list", "diff");
    }

    @Test
    void noSubcommandIsAUsageError() {
        Cli r = Cli.run();
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("Missing subcommand");
    }

    @Test
    void anUnknownSubcommandIsAUsageErrorWithASuggestion() {
        Cli r = Cli.run("audti");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("audti").contains("audit");
    }
}
