package dev.vigil.server.http;

import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/**
 * Jetty logs through slf4j, which slf4j-jdk14 hands to java.util.logging: the same log the kernel's
 * {@link System.Logger} writes to. Jetty's INFO lines (its version banner, each connector started) say nothing an
 * operator needs, so its loggers start at WARNING unless the logging configuration sets a level for
 * {@code org.eclipse.jetty}.
 */
final class JettyLogging {

    private static final String JETTY = "org.eclipse.jetty";

    // java.util.logging holds loggers weakly: the level of a logger nobody references could be lost
    private static final Logger LOGGER = Logger.getLogger(JETTY);

    private JettyLogging() {
    }

    static void warningsByDefault() {
        if (LogManager.getLogManager().getProperty(JETTY + ".level") == null) {
            LOGGER.setLevel(Level.WARNING);
        }
    }
}
