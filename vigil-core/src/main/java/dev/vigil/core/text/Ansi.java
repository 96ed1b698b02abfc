package dev.vigil.core.text;

/** Paints text in {@link Sgr} styles when colour is on, and leaves it alone when it is off. */
public record Ansi(boolean on) {

    public String paint(String text, Sgr style) {
        return on ? style.paint(text) : text;
    }
}
