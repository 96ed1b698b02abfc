package dev.vigil.agent.check.logging.linux;

import dev.vigil.agent.check.ParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parses {@code auditctl -s}: one {@code key value} per line (audit 2.x and later, e.g. {@code enabled 1},
 * {@code pid 947}, {@code loginuid_immutable 0 unlocked}), or the single line of audit 1.x,
 * {@code AUDIT_STATUS: enabled=1 flag=1 pid=1483 ...}. Unknown keys are kept and otherwise ignored.
 */
final class AuditctlStatusParser {

    private AuditctlStatusParser() {
    }

    /**
     * The kernel audit status.
     *
     * @param enabled 0 auditing off, 1 on, 2 on and locked (immutable) until reboot
     * @param pid     the audit daemon registered with the kernel; 0 when none is
     */
    record AuditStatus(int enabled, long pid, Map<String, String> fields) {
        AuditStatus {
            if (enabled < 0 || enabled > 2) {
                throw new IllegalArgumentException("enabled must be 0, 1 or 2, got " + enabled);
            }
            if (pid < 0) {
                throw new IllegalArgumentException("pid must not be negative, got " + pid);
            }
            fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        }

        boolean immutable() {
            return enabled == 2;
        }
    }

    static AuditStatus parse(String text) throws ParseException {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String raw : text.split("\r?\n")) {
            String line = raw.strip();
            if (line.startsWith("AUDIT_STATUS:")) {
                for (String pair : line.substring("AUDIT_STATUS:".length()).strip().split("\\s+")) {
                    int eq = pair.indexOf('=');
                    if (eq > 0) {
                        fields.putIfAbsent(pair.substring(0, eq), pair.substring(eq + 1));
                    }
                }
                continue;
            }
            String[] kv = line.split("\\s+", 2);
            if (kv.length == 2 && kv[0].matches("[a-z_]+")) {
                fields.putIfAbsent(kv[0], kv[1]);
            }
        }
        String enabled = fields.get("enabled");
        String pid = fields.get("pid");
        if (enabled == null || pid == null) {
            throw new ParseException("expected 'enabled' and 'pid' in the audit status, found "
                    + (fields.isEmpty() ? "neither" : "only " + String.join(", ", fields.keySet())));
        }
        if (!enabled.matches("[012]")) {
            throw new ParseException("expected enabled 0, 1 or 2, found '" + enabled + "'");
        }
        if (!pid.matches("[0-9]{1,10}")) {
            throw new ParseException("expected a process id after pid, found '" + pid + "'");
        }
        return new AuditStatus(Integer.parseInt(enabled), Long.parseLong(pid), fields);
    }
}
