package dev.vigil.cli.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class KernelLogTest {

    @Test
    void writesOneCompactLinePerRecordWithTimeLevelAndSource() {
        LogRecord r = new LogRecord(Level.WARNING, "no API tokens: created admin token {0}");
        r.setParameters(new Object[] {"abc123"});
        r.setInstant(Instant.parse("2026-11-25T15:49:03Z"));
        r.setLoggerName("dev.vigil.server.Kernel");
        r.setThrown(new IOException("disk\nfull"));

        String line = new KernelLog.LineFormatter(false).format(r);

        assertThat(line).isEqualTo("2026-11-25T15:49:03.000Z WARN  Kernel: no API tokens: created admin token abc123"
                + " (java.io.IOException: disk full)" + System.lineSeparator());
    }

    @Test
    void sendsRecordsAtOrAboveTheLevelToTheGivenWriterAndPutsTheOldSetupBack() {
        StringWriter err = new StringWriter();
        Logger logger = Logger.getLogger("dev.vigil.server.Sample");
        int handlersBefore = Logger.getLogger("").getHandlers().length;
        try (KernelLog log = KernelLog.install(KernelLog.Level.warn, new PrintWriter(err))) {
            logger.info("not shown");
            logger.warning("shown");
            System.getLogger("dev.vigil.server.Other").log(System.Logger.Level.ERROR, "through System.Logger");
        }
        assertThat(err.toString()).doesNotContain("not shown").contains("WARN  Sample: shown", "ERROR Other: through System.Logger");
        assertThat(err.toString().lines()).hasSize(2);
        assertThat(Logger.getLogger("").getHandlers()).hasSize(handlersBefore);
    }
}
