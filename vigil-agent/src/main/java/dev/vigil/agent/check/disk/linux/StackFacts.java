package dev.vigil.agent.check.disk.linux;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The facts both disk checks report about one judged stack, in the same keys. */
final class StackFacts {

    /** Hardware encryption is invisible to the operating system, so a plain verdict carries this caveat. */
    static final String SED_CAVEAT = "a self-encrypting drive (hardware encryption) cannot be seen from the operating"
            + " system; it does not count here";

    private StackFacts() {
    }

    static Map<String, Object> of(Layer top, Protection.Verdict v, Basis basis) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("state", v.state().name().toLowerCase(Locale.ROOT));
        if (!v.encryption().isEmpty()) {
            facts.put("layer", String.join("+", v.encryption()));
        }
        if (!v.shape().isEmpty()) {
            facts.put("shape", v.shape());
        }
        facts.put("stack", top.lines());
        if (!v.exposed().isEmpty()) {
            facts.put("unencrypted_paths", v.exposed());
        }
        if (!v.unresolved().isEmpty()) {
            facts.put("undetermined", v.unresolved());
        }
        facts.put("observed", basis == Basis.OBSERVED);
        return facts;
    }

    /** The last element of each exposed path: the disks where data rests in the clear. */
    static List<String> plainDisks(Protection.Verdict v) {
        return v.exposed().stream().map(p -> {
            int i = p.lastIndexOf(" > ");
            return i < 0 ? p : p.substring(i + " > ".length());
        }).distinct().toList();
    }

    /** Undetermined reasons as one clause. */
    static String reasons(Protection.Verdict v) {
        return String.join("; ", v.unresolved());
    }
}
