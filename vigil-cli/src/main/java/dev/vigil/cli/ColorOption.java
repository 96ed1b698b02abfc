package dev.vigil.cli;

import picocli.CommandLine.Option;

/** {@code --color auto|always|never}, shared by the commands that print tables. */
public final class ColorOption {

    @Option(names = "--color", paramLabel = "WHEN", defaultValue = "auto",
            description = "Colour the table: auto (on a terminal, unless NO_COLOR is set), always, never.")
    When when = When.auto;

    enum When { auto, always, never }

    /** Whether to write ANSI colours. */
    public boolean on() {
        return switch (when) {
            case always -> true;
            case never -> false;
            case auto -> System.getenv("NO_COLOR") == null && System.console() != null && System.console().isTerminal();
        };
    }
}
