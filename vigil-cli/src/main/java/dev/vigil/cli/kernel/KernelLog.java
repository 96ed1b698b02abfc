package dev.vigil.cli.kernel;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Sends the kernel's logs (System.Logger, and Jetty through SLF4J, both into java.util.logging) to stderr, one
 * compact line per record: {@code 2026-11-25T15:49:03.120Z INFO  Kernel: kernel ready with 3 hosts at ...}.
 * Stack traces only at debug and trace. Closing puts back the handlers and levels it replaced.
 */
final class KernelLog implements AutoCloseable {

    /** The levels of {@code --log-level}. */
    enum Level {
        error(java.util.logging.Level.SEVERE),
        warn(java.util.logging.Level.WARNING),
        info(java.util.logging.Level.INFO),
        debug(java.util.logging.Level.FINE),
        trace(java.util.logging.Level.FINEST);

        final java.util.logging.Level jul;

        Level(java.util.logging.Level jul) {
            this.jul = jul;
        }
    }

    // held here: java.util.logging keeps loggers weakly, and a collected logger forgets its level
    private final Logger root = Logger.getLogger("");
    private final Logger jetty = Logger.getLogger("org.eclipse.jetty");
    private final Handler[] previousHandlers;
    private final java.util.logging.Level previousRoot;
    private final java.util.logging.Level previousJetty;
    private final Handler handler;

    private KernelLog(Level level, PrintWriter err) {
        previousHandlers = root.getHandlers();
        previousRoot = root.getLevel();
        previousJetty = jetty.getLevel();
        handler = new LineHandler(err, level.compareTo(Level.debug) >= 0);
        handler.setLevel(level.jul);
        for (Handler h : previousHandlers) {
            root.removeHandler(h);
        }
        root.addHandler(handler);
        root.setLevel(level.jul);
        // Jetty's own INFO lines (versions, connector names) add nothing to ours; its warnings and errors do
        jetty.setLevel(level.compareTo(Level.debug) >= 0 ? level.jul : java.util.logging.Level.WARNING);
    }

    static KernelLog install(Level level, PrintWriter err) {
        return new KernelLog(level, err);
    }

    @Override
    public void close() {
        handler.flush();
        root.removeHandler(handler);
        for (Handler h : previousHandlers) {
            root.addHandler(h);
        }
        root.setLevel(previousRoot);
        jetty.setLevel(previousJetty);
    }

    private static final class LineHandler extends Handler {
        private final PrintWriter err;

        LineHandler(PrintWriter err, boolean stackTraces) {
            this.err = err;
            setFormatter(new LineFormatter(stackTraces));
        }

        @Override
        public synchronized void publish(LogRecord record) {
            if (isLoggable(record)) {
                err.print(getFormatter().format(record));
                err.flush();
            }
        }

        @Override
        public synchronized void flush() {
            err.flush();
        }

        @Override
        public void close() {
            flush();
        }
    }

    static final class LineFormatter extends Formatter {
        private static final DateTimeFormatter TIME =
                DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
        private final boolean stackTraces;

        LineFormatter(boolean stackTraces) {
            this.stackTraces = stackTraces;
        }

        @Override
        public String format(LogRecord r) {
            StringBuilder line = new StringBuilder(160)
                    .append(TIME.format(r.getInstant()))
                    .append(' ').append(label(r.getLevel()))
                    .append(' ').append(shortName(r.getLoggerName())).append(": ")
                    .append(formatMessage(r).replace('\n', ' '));
            Throwable t = r.getThrown();
            if (t != null && !stackTraces) {
                line.append(" (").append(t.toString().replace('\n', ' ')).append(')');
            }
            line.append(System.lineSeparator());
            if (t != null && stackTraces) {
                StringWriter trace = new StringWriter();
                t.printStackTrace(new PrintWriter(trace));
                line.append(trace);
            }
            return line.toString();
        }

        /** The label of the first --log-level the record's level reaches, padded to five characters. */
        private static String label(java.util.logging.Level level) {
            for (Level l : Level.values()) {
                if (level.intValue() >= l.jul.intValue()) {
                    return String.format("%-5s", l.name().toUpperCase(Locale.ROOT));
                }
            }
            return "TRACE";
        }

        private static String shortName(String logger) {
            if (logger == null || logger.isEmpty()) {
                return "vigil";
            }
            return logger.substring(logger.lastIndexOf('.') + 1);
        }
    }
}
