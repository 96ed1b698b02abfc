package dev.vigil.agent;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The agent's version, written into the jar at build time. */
public final class AgentVersion {

    private static final String VERSION = load();

    private AgentVersion() {
    }

    public static String get() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = AgentVersion.class.getResourceAsStream("/dev/vigil/agent/version.properties")) {
            if (in == null) {
                return "0.0.0-dev";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "0.0.0-dev");
        } catch (IOException e) {
            return "0.0.0-dev";
        }
    }
}
