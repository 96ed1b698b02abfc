package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.json.ReportCodec;
import dev.vigil.core.report.Finding;
import dev.vigil.core.report.Report;
import dev.vigil.core.testing.ReportSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs {@code vigil audit --replay} on the committed folders under {@code src/test/resources/replay/}, validates each
 * report against the schema, and keeps one audit per folder for the table-driven end-to-end tests.
 */
final class ReplayAudits {

    /** A finished audit: its exit code and its JSON report, parsed. */
    record Audited(int exitCode, Report report) {
    }

    private final Path out;
    private final Map<String, Audited> shared = new ConcurrentHashMap<>();

    ReplayAudits(Path out) {
        this.out = out;
    }

    static Path folder(String name) {
        URL meta = ReplayAudits.class.getResource("/replay/" + name + "/meta.json");
        assertThat(meta).as("replay folder %s on the test classpath", name).isNotNull();
        try {
            return Path.of(meta.toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fresh audit of the folder, with extra arguments. */
    Audited audit(String name, String... extra) {
        List<String> args = new ArrayList<>(List.of("audit", "--replay", folder(name).toString(), "--format", "json"));
        args.addAll(List.of(extra));
        Path json = out.resolve(name + "-" + System.nanoTime() + ".json");
        args.addAll(List.of("--output", json.toString()));
        Cli r = Cli.run(args.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.err()).isIn(0, 1);
        try {
            String text = Files.readString(json);
            assertThat(ReportSchema.violations(text)).as("schema violations of the %s report", name).isEmpty();
            return new Audited(r.exitCode(), ReportCodec.instance().read(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The folder's audit with default arguments, run once and shared. */
    Audited shared(String name) {
        return shared.computeIfAbsent(name, n -> audit(n));
    }

    Finding finding(String name, String control) {
        return shared(name).report().findings().stream().filter(f -> f.control().equals(control)).findFirst()
                .orElseThrow(() -> new AssertionError("no finding for " + control + " in the " + name + " report"));
    }

    /** Asserts one table row: the control's status, and a key phrase of its detail; {@code reason} says why in failures. */
    void assertFinding(String name, String control, dev.vigil.core.report.Status status, String phrase, String reason) {
        Finding f = finding(name, control);
        assertThat(f.status()).as("%s (%s): %s", control, reason, f.detail()).isEqualTo(status);
        assertThat(f.detail()).as(control).contains(phrase);
    }

    /** Replays the folder twice and asserts the same findings, apart from how long each check took. */
    void assertDeterministic(String name) {
        Report first = audit(name).report();
        Report second = audit(name).report();
        assertThat(withoutDurations(second)).isEqualTo(withoutDurations(first));
        assertThat(second.host()).isEqualTo(first.host());
    }

    /** Findings without the one field that measures this run rather than the folder: how long each check took. */
    static List<Finding> withoutDurations(Report r) {
        return r.findings().stream()
                .map(f -> new Finding(f.control(), f.status(), f.severity(), f.title(), f.detail(), f.facts(), f.evidence(), 0))
                .sorted(Comparator.comparing(Finding::control))
                .toList();
    }
}
