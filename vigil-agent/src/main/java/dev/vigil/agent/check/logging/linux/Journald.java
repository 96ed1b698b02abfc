package dev.vigil.agent.check.logging.linux;

import dev.vigil.agent.check.ParseException;
import dev.vigil.agent.probe.FileResult;
import dev.vigil.agent.probe.FileStat;
import dev.vigil.agent.probe.HostProbe;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Whether journald keeps its journal across reboots: {@code Storage=} from journald.conf and its drop-ins in /etc
 * (the last one read wins; default {@code auto}), and, for {@code auto}, whether {@code /var/log/journal} exists.
 * Reported as facts beside the audit check, never as a substitute for it.
 */
final class Journald {

    static final String CONF = "/etc/systemd/journald.conf";
    static final String DROP_INS = "/etc/systemd/journald.conf.d";
    static final String JOURNAL_DIR = "/var/log/journal";

    private Journald() {
    }

    static Map<String, Object> facts(HostProbe probe) {
        Optional<String> storage = Optional.empty();
        String[] files = java.util.stream.Stream.concat(java.util.stream.Stream.of(CONF),
                probe.listDirectory(DROP_INS).stream().filter(n -> n.endsWith(".conf")).map(n -> DROP_INS + "/" + n)).toArray(String[]::new);
        for (String f : files) {
            if (probe.readFile(f) instanceof FileResult.Content c) {
                try {
                    Optional<String> s = JournaldConfParser.storage(c.text());
                    if (s.isPresent()) {
                        storage = s;
                    }
                } catch (ParseException e) {
                    // a fact only: an unusable drop-in leaves the setting as it was
                }
            }
        }
        String effective = storage.orElse("auto");
        boolean persistent = switch (effective) {
            case "persistent" -> true;
            case "auto" -> probe.stat(JOURNAL_DIR).filter(s -> s.type() == FileStat.Type.DIRECTORY).isPresent();
            default -> false;
        };
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("journald_storage", effective);
        facts.put("journald_persistent", persistent);
        return facts;
    }
}
