package dev.vigil.agent.check.macos;

import com.dd.plist.BinaryPropertyListParser;
import com.dd.plist.NSArray;
import com.dd.plist.NSDate;
import com.dd.plist.NSDictionary;
import com.dd.plist.NSNumber;
import com.dd.plist.NSObject;
import com.dd.plist.NSString;
import com.dd.plist.XMLPropertyListParser;
import dev.vigil.agent.check.ParseException;
import java.io.StringReader;
import javax.xml.parsers.DocumentBuilder;
import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Parses a property list (binary, as macOS writes preferences, or XML, as {@code plutil -convert xml1} and
 * older tools write them) whose top level is a dictionary, and reads typed values out of it. Pure: text in,
 * values out; the only failure is {@link ParseException}.
 */
public final class Plists {

    private Plists() {
    }

    /** The top-level dictionary of the plist {@code text}; {@code what} names it in error messages. */
    public static NSDictionary dictionary(String text, String what) throws ParseException {
        String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
        NSObject root;
        try {
            if (PlistBytes.looksBinary(t)) {
                byte[] bytes = PlistBytes.restore(t).orElseThrow(() -> new ParseException(what
                        + ": binary property list damaged or not restorable from its text (its length and trailer disagree)"));
                root = BinaryPropertyListParser.parse(bytes);
            } else if (t.stripLeading().startsWith("<")) {
                if (t.contains("<!ENTITY")) {
                    throw new ParseException(what + ": XML property list declares entities, which plists never do");
                }
                root = XMLPropertyListParser.parse(xml(t));
            } else {
                throw new ParseException(what + ": expected a binary (bplist) or XML property list, got: " + abbreviate(t));
            }
        } catch (ParseException e) {
            throw e;
        } catch (Exception | StackOverflowError e) {
            // dd-plist signals damaged input with checked exceptions and, for some truncations, runtime ones
            throw new ParseException(what + ": unreadable property list: " + e, e);
        }
        if (!(root instanceof NSDictionary d)) {
            throw new ParseException(what + ": expected a dictionary at the top of the property list, got "
                    + (root == null ? "nothing" : root.getClass().getSimpleName()));
        }
        return d;
    }

    /** Parses XML quietly (no messages on standard error) and offline (no DTD or entity is ever fetched). */
    private static Document xml(String text) throws Exception {
        DocumentBuilder builder = XMLPropertyListParser.getDocBuilder();
        builder.setEntityResolver((publicId, systemId) -> new InputSource(new StringReader("")));
        builder.setErrorHandler(new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
            }

            @Override
            public void error(SAXParseException e) throws SAXException {
                throw e;
            }

            @Override
            public void fatalError(SAXParseException e) throws SAXException {
                throw e;
            }
        });
        return builder.parse(new InputSource(new StringReader(text)));
    }

    /**
     * A boolean preference: {@code <true/>}/{@code <false/>}, an integer (0 is false), or the strings macOS
     * accepts for {@code defaults write -bool} (YES/NO, true/false, 1/0); empty when the key is absent.
     */
    public static Optional<Boolean> bool(NSDictionary d, String key) throws ParseException {
        NSObject o = d.get(key);
        return switch (o) {
            case null -> Optional.empty();
            case NSNumber n when n.type() == NSNumber.BOOLEAN || n.type() == NSNumber.INTEGER -> Optional.of(n.boolValue());
            case NSString s -> Optional.of(boolText(s.getContent(), key));
            default -> throw new ParseException("expected a boolean for " + key + ", got " + o.getClass().getSimpleName());
        };
    }

    /** Interprets a preference value given as text (as {@code defaults read} prints it). */
    public static boolean boolText(String value, String key) throws ParseException {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "1", "yes", "true" -> true;
            case "0", "no", "false" -> false;
            default -> throw new ParseException("expected a boolean (1/0, true/false, YES/NO) for " + key + ", got: "
                    + abbreviate(value.strip()));
        };
    }

    /** An integer preference; empty when the key is absent. */
    public static Optional<Long> integer(NSDictionary d, String key) throws ParseException {
        NSObject o = d.get(key);
        return switch (o) {
            case null -> Optional.empty();
            case NSNumber n when n.type() == NSNumber.INTEGER -> Optional.of(n.longValue());
            case NSString s when s.getContent().strip().matches("-?[0-9]{1,18}") -> Optional.of(Long.parseLong(s.getContent().strip()));
            default -> throw new ParseException("expected an integer for " + key + ", got " + describe(o));
        };
    }

    /** A date; empty when the key is absent. */
    public static Optional<Instant> date(NSDictionary d, String key) throws ParseException {
        NSObject o = d.get(key);
        return switch (o) {
            case null -> Optional.empty();
            case NSDate date -> Optional.of(date.getDate().toInstant());
            default -> throw new ParseException("expected a date for " + key + ", got " + describe(o));
        };
    }

    /** A string; empty when the key is absent or holds something else. */
    public static Optional<String> string(NSDictionary d, String key) {
        return d.get(key) instanceof NSString s ? Optional.of(s.getContent()) : Optional.empty();
    }

    /** An array of dictionaries; empty when the key is absent. */
    public static List<NSDictionary> dictionaries(NSDictionary d, String key) throws ParseException {
        NSObject o = d.get(key);
        if (o == null) {
            return List.of();
        }
        if (!(o instanceof NSArray a)) {
            throw new ParseException("expected an array for " + key + ", got " + describe(o));
        }
        List<NSDictionary> out = new java.util.ArrayList<>();
        for (NSObject item : a.getArray()) {
            if (!(item instanceof NSDictionary entry)) {
                throw new ParseException("expected dictionaries in " + key + ", got " + describe(item));
            }
            out.add(entry);
        }
        return List.copyOf(out);
    }

    private static String describe(NSObject o) {
        return o == null ? "nothing" : o.getClass().getSimpleName() + " " + abbreviate(o.toString());
    }

    /** One line of at most 80 characters, for messages. */
    public static String abbreviate(String s) {
        String one = s.replace('\n', ' ').replace('\r', ' ');
        return one.isEmpty() ? "(empty)" : one.length() <= 80 ? one : one.substring(0, 77) + "...";
    }
}
