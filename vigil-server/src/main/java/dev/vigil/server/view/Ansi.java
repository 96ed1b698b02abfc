package dev.vigil.server.view;

/** Paints text with SGR sequences, or leaves it alone when colour is off. */
record Ansi(ColorMode mode) {

    private static final String ESC = "\u001b[";
    private static final String RESET = ESC + "0m";

    String paint(String text, Sgr style) {
        return switch (mode) {
            case ALWAYS -> ESC + style.code + "m" + text + RESET;
            case NEVER -> text;
        };
    }
}
