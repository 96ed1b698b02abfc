package dev.vigil.agent.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads recorded outputs from {@code src/test/resources/fixtures/<os>/<command>/<case>.txt}. */
public final class Fixtures {

    private Fixtures() {
    }

    /** The fixture's text, e.g. {@code read("linux/nft-list-ruleset/drop-policy.txt")}. */
    public static String read(String relative) {
        String resource = "/fixtures/" + relative;
        try (InputStream in = Fixtures.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The fixture without a leading provenance header: lines starting with {@code #} up to and including a
     * {@code # ---} line, when the file has one.
     */
    public static String output(String relative) {
        String text = read(relative);
        int marker = text.indexOf("\n# ---\n");
        if (text.startsWith("#") && marker >= 0) {
            return text.substring(marker + "\n# ---\n".length());
        }
        return text;
    }
}
