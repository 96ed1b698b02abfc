package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.json.ReportCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vigil agent} against a real kernel in its own JVM on loopback, through the faults a fleet meets: each report
 * must arrive exactly once, by report id, whatever happens in between.
 */
class AgentDeliveryTest {

    private static final Pattern QUEUED = Pattern.compile("audited: report ([0-9a-f-]{36})");

    @TempDir
    Path dir;

    KernelProcess kernel;
    Path tokenFile;
    Path outbox;
    final List<String> written = new ArrayList<>();

    @BeforeEach
    void setUp() {
        kernel = new KernelProcess(dir.resolve("data"));
        tokenFile = kernel.writeTokenFile(dir);
        outbox = dir.resolve("outbox");
    }

    @AfterEach
    void tearDown() {
        kernel.close();
    }

    List<String> agentArgs(URI server, String... extra) {
        List<String> args = new ArrayList<>(List.of("agent", "--server", server.toString(), "--token-file", tokenFile.toString(),
                "--outbox", outbox.toString(), "--replay", ReplayAudits.folder("linux-hardened").toString(),
                "--backoff-cap", "2s"));
        args.addAll(List.of(extra));
        return args;
    }

    /** One {@code vigil agent --once} in this JVM; remembers the report it wrote. */
    Cli agentOnce(URI server, String... extra) {
        List<String> args = agentArgs(server, extra);
        args.add("--once");
        Cli r = Cli.run(args.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        Matcher m = QUEUED.matcher(r.out());
        assertThat(m.find()).as(r.out()).isTrue();
        written.add(m.group(1));
        return r;
    }

    List<Path> outboxReports() {
        if (!Files.isDirectory(outbox)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(outbox)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void assertEveryReportArrivedExactlyOnce() {
        assertThat(outboxReports()).as("the outbox is empty").isEmpty();
        List<String> stored = kernel.allReportIds();
        assertThat(stored).as("no report stored twice").doesNotHaveDuplicates();
        assertThat(stored).as("every report written arrived, and nothing else").containsExactlyInAnyOrderElementsOf(written);
        for (String id : written) {
            assertThat(kernel.get("/api/v1/reports/" + id).path("report_id").asText()).isEqualTo(id);
        }
    }

    @Test
    void reportsWrittenBeforeTheKernelStartedArriveOnceItServes() {
        Cli first = agentOnce(kernel.uri());
        assertThat(first.out()).contains("1 report(s) wait in the outbox", "cannot connect", "the next run sends them");
        assertThat(outboxReports()).hasSize(1);
        agentOnce(kernel.uri());
        assertThat(outboxReports()).hasSize(2);

        kernel.start();
        Cli third = agentOnce(kernel.uri());

        assertThat(third.out()).contains("delivered report " + written.get(0)).contains("outbox empty");
        assertThat(third.out().indexOf(written.get(0))).as("oldest first").isLessThan(third.out().indexOf("delivered report " + written.get(1)));
        assertEveryReportArrivedExactlyOnce();
    }

    @Test
    void aKernelKilledInTheMiddleOfARequestDuringABurstLosesNothingAndStoresNothingTwice() throws Exception {
        for (int i = 0; i < 12; i++) {
            agentOnce(kernel.uri());
        }
        kernel.start();
        CountDownLatch killed = new CountDownLatch(1);
        FaultProxy.Fault slow = new FaultProxy.Fault.HoldFirst(Duration.ofMillis(100));
        try (FaultProxy proxy = new FaultProxy(kernel.uri()).then(slow, 4)
                .then(new FaultProxy.Fault.ForwardThenCrash(() -> {
                    kernel.kill();
                    killed.countDown();
                }), 1)
                .then(slow, 100)) {
            CompletableFuture<Cli> agent = CompletableFuture.supplyAsync(() -> agentOnce(proxy.uri(), "--retry-for", "60s"));
            assertThat(killed.await(60, TimeUnit.SECONDS)).as("the kernel was killed during the burst").isTrue();
            Thread.sleep(1500);
            kernel.start();
            Cli r = agent.get(90, TimeUnit.SECONDS);
            assertThat(r.out()).as("the kill interrupted the burst").contains("retrying in");
            assertThat(proxy.kernelAnswers.subList(0, 5)).as("the fifth report was stored just before the kill").containsOnly(201);
            assertThat(proxy.kernelAnswers).as("its resend, after the restart, was acknowledged as a duplicate").contains(200);
        }
        assertEveryReportArrivedExactlyOnce();
    }

    @Test
    void a503IsRetriedAfterItsRetryAfterAndStoredOnce() {
        kernel.start();
        try (FaultProxy proxy = new FaultProxy(kernel.uri()).then(new FaultProxy.Fault.Unavailable(1), 3)) {
            Cli r = agentOnce(proxy.uri(), "--retry-for", "30s");
            assertThat(r.out()).contains("503 Service unavailable: test proxy says: later").contains("outbox empty");
            assertThat(proxy.requests).hasSize(4);
            for (int i = 1; i < proxy.requests.size(); i++) {
                assertThat(Duration.between(proxy.requests.get(i - 1), proxy.requests.get(i)))
                        .as("Retry-After: 1 is honoured").isGreaterThanOrEqualTo(Duration.ofMillis(950));
            }
            assertThat(proxy.kernelAnswers).containsExactly(201);
        }
        assertEveryReportArrivedExactlyOnce();
    }

    @Test
    void anAnswerLaterThanTheTimeoutIsRetriedAndTheKernelsDuplicateAnswerEndsIt() {
        kernel.start();
        try (FaultProxy proxy = new FaultProxy(kernel.uri()).then(new FaultProxy.Fault.AnswerLate(Duration.ofSeconds(3)), 1)) {
            Cli r = agentOnce(proxy.uri(), "--request-timeout", "1s", "--retry-for", "30s");
            assertThat(r.out()).contains("no answer from", "within 1 s").contains("the kernel already had it").contains("outbox empty");
            assertThat(proxy.kernelAnswers).as("stored by the first attempt, acknowledged as a duplicate to the second")
                    .containsExactly(201, 200);
        }
        assertEveryReportArrivedExactlyOnce();
    }

    @Test
    void anAgentKilledBetweenWriteAndSendLosesNothingAndHoldsTheOutboxAloneWhileAlive() throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(agentArgs(kernel.uri(), "--interval", "1h", "--jitter", "0"));
        Process agent = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("agent.log").toFile()).start();
        try {
            waitUntil(() -> !outboxReports().isEmpty(), Duration.ofSeconds(60));
            waitUntil(() -> log().contains("cannot connect"), Duration.ofSeconds(30));

            Cli second = Cli.run(agentArgs(kernel.uri(), "--once").toArray(String[]::new));
            assertThat(second.exitCode()).isEqualTo(ExitCodes.USAGE);
            assertThat(second.err()).contains("outbox in use by another agent (process " + agent.pid() + ")");
        } finally {
            agent.destroyForcibly();
            agent.waitFor(10, TimeUnit.SECONDS);
        }
        List<Path> left = outboxReports();
        assertThat(left).hasSize(1);
        String json = Files.readString(left.getFirst(), StandardCharsets.UTF_8);
        String id = ReportCodec.instance().read(json).reportId().toString();
        assertThat(left.getFirst().getFileName().toString()).endsWith("-" + id + ".json");
        written.add(id);
        try (Stream<Path> files = Files.list(outbox)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }

        kernel.start();
        Cli after = agentOnce(kernel.uri());
        assertThat(after.out()).contains("delivered report " + id);
        assertEveryReportArrivedExactlyOnce();
    }

    private String log() {
        try {
            return Files.readString(dir.resolve("agent.log"));
        } catch (IOException e) {
            return "";
        }
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition, Duration limit) throws InterruptedException {
        Instant end = Instant.now().plus(limit);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waited " + limit).isBefore(end);
            Thread.sleep(25);
        }
    }
}
