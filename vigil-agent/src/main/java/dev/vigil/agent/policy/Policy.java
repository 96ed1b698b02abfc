package dev.vigil.agent.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.core.json.ReportCodec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Expected values that checks compare the host against: data, not constants in code. The bundled
 * {@code default-policy.json} holds the defaults; {@code --policy FILE} overrides any of its keys.
 *
 * @param highRiskPorts         TCP ports whose exposure beyond loopback is a failure rather than a warning
 * @param aslr                  the expected {@code kernel.randomize_va_space}
 * @param sysctls               hardening sysctls and their expected values
 * @param sshPermitRootLogin    acceptable values of sshd's {@code permitrootlogin}
 * @param packageListMaxAgeDays age of the package lists beyond which pending-update counts are stale (WARN)
 * @param shadowMaxMode         the most permissive acceptable mode for {@code /etc/shadow}
 * @param shadowGroups          groups that may own {@code /etc/shadow} besides root
 * @param updateMaxAgeDays      Windows: the newest installed update may be this old and still pass
 * @param updateStaleAgeDays    Windows: beyond {@code updateMaxAgeDays} and up to this age the host warns; older fails
 * @param signatureMaxAgeDays   antimalware signatures older than this warn
 */
public record Policy(
        Set<Integer> highRiskPorts,
        int aslr,
        Map<String, String> sysctls,
        Set<String> sshPermitRootLogin,
        int packageListMaxAgeDays,
        String shadowMaxMode,
        List<String> shadowGroups,
        int updateMaxAgeDays,
        int updateStaleAgeDays,
        int signatureMaxAgeDays) {

    private static final String RESOURCE = "/dev/vigil/agent/default-policy.json";

    public Policy {
        highRiskPorts = Set.copyOf(Objects.requireNonNull(highRiskPorts, "high_risk_ports"));
        sysctls = Map.copyOf(Objects.requireNonNull(sysctls, "sysctls"));
        sshPermitRootLogin = Set.copyOf(Objects.requireNonNull(sshPermitRootLogin, "ssh_permit_root_login"));
        if (packageListMaxAgeDays <= 0) {
            throw new IllegalArgumentException("package_list_max_age_days must be positive, got " + packageListMaxAgeDays);
        }
        Objects.requireNonNull(shadowMaxMode, "shadow_max_mode");
        if (!shadowMaxMode.matches("0?[0-7]{3}")) {
            throw new IllegalArgumentException("shadow_max_mode must be an octal mode such as 0640, got '" + shadowMaxMode + "'");
        }
        shadowGroups = List.copyOf(Objects.requireNonNull(shadowGroups, "shadow_groups"));
        if (updateMaxAgeDays <= 0 || updateStaleAgeDays < updateMaxAgeDays) {
            throw new IllegalArgumentException("update_max_age_days and update_stale_age_days must satisfy 0 < max <= stale, got "
                    + updateMaxAgeDays + " and " + updateStaleAgeDays);
        }
        if (signatureMaxAgeDays <= 0) {
            throw new IllegalArgumentException("signature_max_age_days must be positive, got " + signatureMaxAgeDays);
        }
    }

    /** The bundled defaults (parsed once). */
    public static Policy defaults() {
        return Defaults.POLICY;
    }

    private static final class Defaults {
        static final Policy POLICY = fromTree(defaultTree());
    }

    /** The defaults with the keys of a policy file laid over them. */
    public static Policy withOverrides(Path file) {
        ObjectMapper json = ReportCodec.instance().mapper();
        JsonNode override;
        try {
            override = json.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read policy " + file + ": " + e.getMessage(), e);
        }
        if (!(override instanceof ObjectNode o)) {
            throw new IllegalArgumentException("policy " + file + " must be a JSON object");
        }
        ObjectNode merged = defaultTree();
        o.properties().forEach(e -> {
            if (!merged.has(e.getKey())) {
                throw new IllegalArgumentException("policy " + file + ": unknown key '" + e.getKey() + "'; known keys: "
                        + String.join(", ", iterable(merged)));
            }
            merged.set(e.getKey(), e.getValue());
        });
        try {
            return fromTree(merged);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("policy " + file + ": " + e.getMessage(), e);
        }
    }

    /** The most permissive acceptable mode for /etc/shadow as bits. */
    public int shadowMaxModeBits() {
        return Integer.parseInt(shadowMaxMode, 8);
    }

    private static List<String> iterable(ObjectNode n) {
        List<String> keys = new java.util.ArrayList<>();
        n.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    private static ObjectNode defaultTree() {
        try (InputStream in = Policy.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("bundled policy " + RESOURCE + " is missing");
            }
            return (ObjectNode) ReportCodec.instance().mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("bundled policy " + RESOURCE + " is unreadable", e);
        }
    }

    private static Policy fromTree(JsonNode tree) {
        try {
            return ReportCodec.instance().mapper().treeToValue(tree, Policy.class);
        } catch (IOException e) {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            throw new IllegalArgumentException(root.getMessage(), e);
        }
    }
}
