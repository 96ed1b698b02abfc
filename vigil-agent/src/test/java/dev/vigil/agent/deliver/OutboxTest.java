package dev.vigil.agent.deliver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxTest {

    @TempDir
    Path dir;

    final List<String> log = new ArrayList<>();

    Outbox open(OutboxLimits limits) throws IOException {
        return Outbox.open(dir, limits, log::add);
    }

    static byte[] body(int size) {
        return "x".repeat(size).getBytes(StandardCharsets.US_ASCII);
    }

    static String id() {
        return UUID.randomUUID().toString();
    }

    @Test
    void keepsReportsInTheOrderTheyWerePutAcrossReopening() throws IOException {
        List<String> ids = new ArrayList<>();
        try (Outbox o = open(OutboxLimits.defaults())) {
            for (int i = 0; i < 12; i++) {
                ids.add(id());
                o.put(ids.getLast(), body(10 + i));
            }
        }
        try (Outbox o = open(OutboxLimits.defaults())) {
            ids.add(id());
            o.put(ids.getLast(), body(5));
            assertThat(o.pending()).extracting(OutboxEntry::reportId).containsExactlyElementsOf(ids);
            assertThat(o.read(o.pending().get(3))).isEqualTo(body(13));
        }
    }

    @Test
    void aPutReportIsCompleteOnDiskUnderItsFinalNameWithNoTemporaryFileLeft() throws IOException {
        try (Outbox o = open(OutboxLimits.defaults())) {
            String id = id();
            OutboxEntry e = o.put(id, body(100));
            assertThat(e.file().getFileName().toString()).isEqualTo("%020d-%s.json".formatted(1, id));
            assertThat(Files.readAllBytes(e.file())).isEqualTo(body(100));
            try (Stream<Path> files = Files.list(dir)) {
                assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
            }
        }
    }

    @Test
    void dropsTheOldestWhenOverTheCountAndKeepsTheCounterAcrossRestarts() throws IOException {
        List<String> ids = new ArrayList<>();
        try (Outbox o = open(new OutboxLimits(3, 1_000_000))) {
            for (int i = 0; i < 5; i++) {
                ids.add(id());
                o.put(ids.getLast(), body(10));
            }
            assertThat(o.pending()).extracting(OutboxEntry::reportId).containsExactlyElementsOf(ids.subList(2, 5));
            assertThat(o.dropped()).isEqualTo(2);
        }
        assertThat(log).filteredOn(l -> l.contains("dropped the oldest report")).hasSize(2)
                .first().asString().contains(ids.get(0));
        try (Outbox o = open(new OutboxLimits(3, 1_000_000))) {
            assertThat(o.dropped()).isEqualTo(2);
            o.put(id(), body(10));
            assertThat(o.dropped()).isEqualTo(3);
        }
        assertThat(Files.readString(dir.resolve(Outbox.DROPPED_FILE)).strip()).isEqualTo("3");
    }

    @Test
    void dropsTheOldestWhenOverTheSizeButAlwaysKeepsTheNewest() throws IOException {
        try (Outbox o = open(new OutboxLimits(100, 250))) {
            String a = id();
            String b = id();
            String c = id();
            o.put(a, body(100));
            o.put(b, body(100));
            assertThat(o.dropped()).isZero();
            o.put(c, body(100));
            assertThat(o.pending()).extracting(OutboxEntry::reportId).containsExactly(b, c);
            String huge = id();
            o.put(huge, body(1000));
            assertThat(o.pending()).extracting(OutboxEntry::reportId).containsExactly(huge);
            assertThat(o.dropped()).isEqualTo(3);
        }
    }

    @Test
    void removesTemporaryFilesACrashLeftBehindAndSaysSo() throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("00000000000000000001-" + id() + ".json.tmp"), "{\"half");
        try (Outbox o = open(OutboxLimits.defaults())) {
            assertThat(o.pending()).isEmpty();
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
        assertThat(log).anyMatch(l -> l.contains("removed 1 unfinished file"));
    }

    @Test
    void acknowledgedReportsLeaveTheOutbox() throws IOException {
        try (Outbox o = open(OutboxLimits.defaults())) {
            OutboxEntry e = o.put(id(), body(10));
            o.put(id(), body(10));
            o.acknowledge(e);
            assertThat(o.pending()).hasSize(1).noneMatch(p -> p.reportId().equals(e.reportId()));
            assertThat(e.file()).doesNotExist();
        }
    }

    @Test
    void aRejectedReportMovesToTheRejectedFolderWithTheKernelsAnswerBesideIt() throws IOException {
        try (Outbox o = open(OutboxLimits.defaults())) {
            OutboxEntry e = o.put(id(), body(10));
            String problem = "{\"type\":\"/problems/unknown-control\",\"title\":\"Bad request\",\"status\":400,\"detail\":\"control 'x' is not in the catalog\"}";
            Path kept = o.reject(e, KernelProblem.from(400, problem));
            assertThat(o.pending()).isEmpty();
            assertThat(kept).hasParent(dir.resolve("rejected")).hasBinaryContent(body(10));
            String name = e.file().getFileName().toString().replace(".json", ".problem.json");
            assertThat(dir.resolve("rejected").resolve(name)).hasContent(problem);
        }
        assertThat(log).anyMatch(l -> l.contains("rejected report") && l.contains("not be sent again") && l.contains("not in the catalog"));
        try (Outbox o = open(OutboxLimits.defaults())) {
            assertThat(o.pending()).as("a rejected report is never sent again").isEmpty();
        }
    }

    @Test
    void aSecondOpenOfALockedOutboxSaysAnotherAgentHasIt() throws IOException {
        try (Outbox first = open(OutboxLimits.defaults())) {
            assertThatThrownBy(() -> open(OutboxLimits.defaults()))
                    .isInstanceOf(OutboxBusyException.class)
                    .hasMessageContaining("outbox in use by another agent");
            first.put(id(), body(1));
        }
        try (Outbox again = open(OutboxLimits.defaults())) {
            assertThat(again.pending()).hasSize(1);
        }
    }

    @Test
    void refusesReportIdsThatCouldEscapeTheFolder() throws IOException {
        try (Outbox o = open(OutboxLimits.defaults())) {
            assertThatThrownBy(() -> o.put("../../etc/x", body(1))).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void ignoresFilesItDidNotWrite() throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("notes.json"), "{}");
        try (Outbox o = open(OutboxLimits.defaults())) {
            assertThat(o.pending()).isEmpty();
        }
    }
}
