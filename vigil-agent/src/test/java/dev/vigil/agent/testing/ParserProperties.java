package dev.vigil.agent.testing;

import dev.vigil.agent.check.ParseException;
import dev.vigil.core.testing.RandomInputs;
import java.util.ArrayList;
import java.util.List;

/**
 * The property every parser must have: whatever the text, it returns or throws its own
 * {@link ParseException}, nothing else. Inputs: random text of several shapes, and damaged copies
 * (truncated, flipped, lines dropped, repeated or garbage) of the given real fixtures.
 */
public final class ParserProperties {

    /** A parser under test: text in, anything out. */
    @FunctionalInterface
    public interface Parser {
        Object parse(String text) throws ParseException;
    }

    private ParserProperties() {
    }

    /** Asserts that {@code parser} throws nothing but ParseException on random and damaged inputs. */
    public static void throwsOnlyParseException(Parser parser, String... fixtures) {
        for (String text : inputs(fixtures)) {
            throwsOnlyParseExceptionOn(parser, text);
        }
    }

    /** Asserts the property for the given inputs. */
    public static void throwsOnlyParseExceptionOn(Parser parser, List<String> inputs) {
        for (String text : inputs) {
            throwsOnlyParseExceptionOn(parser, text);
        }
    }

    /** Random text plus damaged copies of each fixture (paths as for {@link Fixtures#output}). */
    public static List<String> inputs(String... fixtures) {
        List<String> all = new ArrayList<>(RandomInputs.strings(20261125L, RandomInputs.TRIES));
        long seed = 1;
        for (String f : fixtures) {
            all.addAll(RandomInputs.mutations(Fixtures.output(f), seed++, 200));
        }
        return all;
    }

    private static void throwsOnlyParseExceptionOn(Parser parser, String text) {
        try {
            parser.parse(text);
        } catch (ParseException expected) {
            if (expected.getMessage() == null || expected.getMessage().isBlank()) {
                throw new AssertionError("ParseException without a message for input: " + text, expected);
            }
        } catch (RuntimeException | StackOverflowError e) {
            throw new AssertionError("parser threw " + e + " for input: " + text, e);
        }
    }
}
