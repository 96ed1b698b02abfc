package dev.vigil.agent.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.agent.policy.Policy;
import dev.vigil.agent.probe.Command;
import dev.vigil.agent.probe.HostProbe;
import dev.vigil.agent.testing.FakeProbe;
import dev.vigil.core.catalog.Catalog;
import dev.vigil.core.catalog.CatalogEntry;
import dev.vigil.core.report.EvidenceSource;
import dev.vigil.core.report.Finding;
import dev.vigil.core.report.OsFamily;
import dev.vigil.core.report.Severity;
import dev.vigil.core.report.Status;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

class CheckRunnerTest {

    private static final Catalog CATALOG = Catalog.of(List.of(entry("t.hang"), entry("t.boom"), entry("t.ok"), entry("t.root"), entry("t.live")));

    private static CatalogEntry entry(String id) {
        return new CatalogEntry(id, "Title " + id, "t", Severity.HIGH, List.of(OsFamily.LINUX), "why",
                Map.of(OsFamily.LINUX, List.of("fix it")), List.of(), List.of());
    }

    private static Check check(String id, Set<Need> needs, BiFunction<HostProbe, Policy, Outcome> body) {
        return new Check() {
            @Override
            public String control() {
                return id;
            }

            @Override
            public Set<OsFamily> platforms() {
                return Set.of(OsFamily.LINUX);
            }

            @Override
            public Set<Need> needs() {
                return needs;
            }

            @Override
            public Outcome run(HostProbe probe, Policy policy) {
                return body.apply(probe, policy);
            }
        };
    }

    private final CheckRunner runner = new CheckRunner(CATALOG, Policy.defaults(), Duration.ofMillis(300));

    @Test
    void aHungCheckBecomesUnknownAtTheDeadlineWithoutDelayingTheOthers() {
        Check hang = check("t.hang", Set.of(), (p, pol) -> {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Outcome.pass("never", Map.of());
        });
        Check ok = check("t.ok", Set.of(), (p, pol) -> Outcome.pass("fine", Map.of("a", 1)));
        long start = System.nanoTime();
        List<Finding> findings = runner.run(List.of(hang, ok), FakeProbe.linux());
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertThat(ms).isLessThan(2_000);
        assertThat(findings).extracting(Finding::control).containsExactly("t.hang", "t.ok");
        assertThat(findings.get(0).status()).isEqualTo(Status.UNKNOWN);
        assertThat(findings.get(0).detail()).isEqualTo("timed out after 300 ms");
        assertThat(findings.get(1).status()).isEqualTo(Status.PASS);
    }

    @Test
    void aCheckThatThrowsBecomesUnknownWithTheCause() {
        Check boom = check("t.boom", Set.of(), (p, pol) -> {
            throw new IllegalStateException("parser fell over");
        });
        Finding f = runner.run(List.of(boom), FakeProbe.linux()).getFirst();
        assertThat(f.status()).isEqualTo(Status.UNKNOWN);
        assertThat(f.detail()).contains("IllegalStateException", "parser fell over");
    }

    @Test
    void aCheckThatThrowsAnErrorIsReportedAtOnceNotAtTheDeadline() {
        Check error = check("t.boom", Set.of(), (p, pol) -> {
            throw new NoClassDefFoundError("dev/vigil/Missing");
        });
        CheckRunner patient = new CheckRunner(CATALOG, Policy.defaults(), Duration.ofSeconds(30));
        long start = System.nanoTime();
        Finding f = patient.run(List.of(error), FakeProbe.linux()).getFirst();
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(10_000);
        assertThat(f.status()).isEqualTo(Status.UNKNOWN);
        assertThat(f.detail()).contains("NoClassDefFoundError", "dev/vigil/Missing");
    }

    @Test
    void aCheckNeedingARuntimeModuleTheBundleLeftOutSaysWhichOne() {
        Check plist = check("t.boom", Set.of(), (p, pol) -> {
            throw new NoClassDefFoundError("org/xml/sax/ErrorHandler");
        });
        Finding f = runner.run(List.of(plist), FakeProbe.linux()).getFirst();
        assertThat(f.status()).isEqualTo(Status.UNKNOWN);
        assertThat(f.detail()).isEqualTo("check failed: this bundle leaves out the Java runtime's org.xml.sax, which the"
                + " check needs (NoClassDefFoundError: org/xml/sax/ErrorHandler); audit this OS with its own bundle or"
                + " the full one");
    }

    @Test
    void theGateSaysRequiresRootWithoutRunningTheCheck() {
        Check root = check("t.root", Set.of(Need.ELEVATED), (p, pol) -> Outcome.fail("should not run", Map.of()));
        Finding f = runner.run(List.of(root), FakeProbe.linux().elevated(false)).getFirst();
        assertThat(f.status()).isEqualTo(Status.UNKNOWN);
        assertThat(f.detail()).isEqualTo("requires root");
    }

    @Test
    void theGateSpeaksOfAdministratorsOnWindows() {
        Check root = check("t.root", Set.of(Need.ELEVATED), (p, pol) -> Outcome.fail("should not run", Map.of()));
        Finding f = runner.run(List.of(root), FakeProbe.linux().family(OsFamily.WINDOWS).elevated(false)).getFirst();
        assertThat(f.detail()).isEqualTo("requires administrator");
    }

    @Test
    void theGateSaysWhenALiveSystemIsNeeded() {
        Check live = check("t.live", Set.of(Need.LIVE_SYSTEM), (p, pol) -> Outcome.pass("x", Map.of()));
        Finding f = runner.run(List.of(live), FakeProbe.linux().live(false)).getFirst();
        assertThat(f.status()).isEqualTo(Status.UNKNOWN);
        assertThat(f.detail()).contains("--root");
    }

    @Test
    void fillsTitleSeverityAndEvidenceFromWhatTheCheckAsked() {
        Check ok = check("t.ok", Set.of(), (p, pol) -> {
            p.run(Command.of("nft", "list", "ruleset"));
            p.readFile("/etc/os-release");
            return Outcome.pass("fine", Map.of());
        });
        FakeProbe probe = FakeProbe.linux().command(List.of("nft", "list", "ruleset"), 0, "table inet filter {}\n")
                .file("/etc/os-release", "ID=debian\n");
        Finding f = runner.run(List.of(ok), probe).getFirst();
        assertThat(f.title()).isEqualTo("Title t.ok");
        assertThat(f.severity()).isEqualTo(Severity.HIGH);
        assertThat(f.evidence()).hasSize(2);
        assertThat(f.evidence().get(0).source()).isEqualTo(EvidenceSource.COMMAND);
        assertThat(f.evidence().get(0).query()).isEqualTo("nft list ruleset");
        assertThat(f.evidence().get(0).exitCode()).isZero();
        assertThat(f.evidence().get(0).excerpt()).isEqualTo("table inet filter {}");
        assertThat(f.evidence().get(1).query()).isEqualTo("/etc/os-release");
    }

    @Test
    void longOutputsAreShortenedInEvidence() {
        String big = "line\n".repeat(1000);
        assertThat(EvidenceProbe.excerpt(big).lines().count()).isLessThanOrEqualTo(EvidenceProbe.MAX_EXCERPT_LINES + 1);
        assertThat(EvidenceProbe.excerpt(big)).endsWith("…");
        assertThat(EvidenceProbe.excerpt("x".repeat(10_000))).hasSizeLessThanOrEqualTo(EvidenceProbe.MAX_EXCERPT_CHARS + 2);
    }

    @Test
    void checksRunConcurrently() {
        // each check waits until all three are running at once: sequential execution would break the barrier
        java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(3);
        BiFunction<HostProbe, Policy, Outcome> meet = (p, pol) -> {
            try {
                together.await(5, java.util.concurrent.TimeUnit.SECONDS);
                return Outcome.pass("met the others", Map.of());
            } catch (Exception e) {
                return Outcome.fail("ran alone: " + e, Map.of());
            }
        };
        CheckRunner patient = new CheckRunner(CATALOG, Policy.defaults(), Duration.ofSeconds(10));
        List<Finding> f = patient.run(List.of(check("t.ok", Set.of(), meet), check("t.boom", Set.of(), meet),
                check("t.hang", Set.of(), meet)), FakeProbe.linux());
        assertThat(f).allSatisfy(x -> assertThat(x.status()).isEqualTo(Status.PASS));
    }
}
