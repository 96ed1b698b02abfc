package dev.vigil.agent.render;

import static dev.vigil.agent.render.TestReports.entry;
import static dev.vigil.agent.render.TestReports.finding;
import static dev.vigil.agent.render.TestReports.report;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.catalog.Catalog;
import dev.vigil.core.report.Finding;
import dev.vigil.core.report.OsFamily;
import dev.vigil.core.report.Report;
import dev.vigil.core.report.Severity;
import dev.vigil.core.report.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TerminalRendererTest {

    private static final char ESC = '\u001b';
    /** Select Graphic Rendition only: what the renderer itself may emit. */
    private static final Pattern SGR = Pattern.compile("\u001b\\[[0-9;]*m");

    private static String plain(Report r) {
        return new TerminalRenderer(false).render(r, TestReports.catalogFor(r));
    }

    @Test
    void startsWithHeaderNamingHostOsTimeAndPrivileges() {
        String out = plain(report(finding("disk.encryption.system").build()).elevated(false).build());

        assertThat(out.lines().findFirst()).hasValue(
                "web-01 · Debian GNU/Linux 12 (bookworm) x86_64 · 2026-03-01 10:15:02 UTC · not elevated");
        assertThat(plain(report(finding("a.b").build()).build()).lines().findFirst().orElseThrow())
                .endsWith(" · elevated");
    }

    @Test
    void breaksTheHeaderBetweenItsPartsWhenTheLineIsNarrow() {
        String out = new TerminalRenderer(false, 60).render(report(finding("a.b").build()).build(), Catalog.of(List.of()));

        assertThat(out.lines().limit(3)).containsExactly(
                "web-01 · Debian GNU/Linux 12 (bookworm) x86_64",
                "2026-03-01 10:15:02 UTC · elevated",
                "");
    }

    @Test
    void fallsBackToFamilyAndVersionWhenOsHasNoName() {
        Report r = report(finding("a.b").build()).os(OsFamily.LINUX, "", "6.1").build();

        assertThat(plain(r).lines().findFirst().orElseThrow()).startsWith("web-01 · linux 6.1 x86_64 ·");
    }

    @Test
    void groupsFindingsByDomainInOrderOfFirstAppearance() {
        Report r = report(
                finding("firewall.enabled").build(),
                finding("disk.encryption.system").build(),
                finding("firewall.stealth").build()).build();

        List<String> lines = plain(r).lines().toList();

        int firewall = lines.indexOf("firewall");
        int disk = lines.indexOf("disk");
        assertThat(firewall).isPositive().isLessThan(disk);
        assertThat(lines.get(firewall + 1)).contains("firewall.enabled");
        assertThat(lines.get(firewall + 2)).contains("firewall.stealth");
        assertThat(lines.get(disk + 1)).contains("disk.encryption.system");
    }

    @Test
    void takesTheDomainFromTheCatalogWhenItHasOne() {
        Report r = report(finding("firewall.enabled").build()).build();
        Catalog catalog = Catalog.of(List.of(entry("firewall.enabled", "network-filtering", Severity.HIGH)));

        assertThat(new TerminalRenderer(false).render(r, catalog).lines()).contains("network-filtering");
    }

    @Test
    void printsColumnHeaderAndOneRowPerFindingWithStatusControlAndDetail() {
        Report r = report(
                finding("disk.encryption.system").status(Status.FAIL).detail("Root is not encrypted.").build(),
                finding("disk.encryption.swap").status(Status.NOT_APPLICABLE).detail("No swap is active.").build())
                .build();

        List<String> lines = plain(r).lines().toList();

        assertThat(lines).contains(
                "  STATUS   CONTROL                 DETAIL",
                "  FAIL     disk.encryption.system  Root is not encrypted.",
                "  N/A      disk.encryption.swap    No swap is active.");
    }

    @Test
    void printsTheSummaryLine() {
        Report r = report(
                finding("a.pass").status(Status.PASS).severity(Severity.HIGH).build(),
                finding("a.fail").status(Status.FAIL).severity(Severity.HIGH).build(),
                finding("a.warn").status(Status.WARN).severity(Severity.HIGH).build(),
                finding("a.unknown").status(Status.UNKNOWN).build(),
                finding("a.na").status(Status.NOT_APPLICABLE).build()).build();

        assertThat(plain(r).lines()).contains("1 pass, 1 fail, 1 warn, 1 unknown, 1 not applicable — score 50/100");
    }

    @Test
    void holdsNoEscapeCharacterWhenColourIsOffEvenIfTheReportDoes() {
        Report r = report(finding("a.b").status(Status.FAIL)
                .detail("evil \u001b[2J\u001b]0;title\u0007 output").title("t\u001b[31m").build()).hostname("h\u001b[5m").build();

        String out = plain(r);

        assertThat(out).doesNotContain(String.valueOf(ESC)).doesNotContain("\u0007").contains("evil \uFFFD[2J\uFFFD]0;title\uFFFD output");
    }

    @Test
    void emitsOnlyItsOwnColourCodesWhenColourIsOn() {
        Report r = report(finding("a.b").status(Status.FAIL).detail("evil \u001b[2J\u001b]0;pwned\u0007 output").build()).build();

        String out = new TerminalRenderer(true).render(r, TestReports.catalogFor(r));

        assertThat(out).contains(String.valueOf(ESC));
        assertThat(SGR.matcher(out).replaceAll("")).doesNotContain(String.valueOf(ESC));
        assertThat(out).doesNotContain("\u001b[2J", "\u001b]0");
    }

    @ParameterizedTest(name = "{0} is shown as {1} in SGR {2}")
    @CsvSource({
            "PASS, PASS, 32",
            "FAIL, FAIL, 1;31",
            "WARN, WARN, 33",
            "UNKNOWN, UNKNOWN, 35",
            "NOT_APPLICABLE, N/A, 2",
    })
    void coloursEachStatus(Status status, String label, String sgr) {
        Report r = report(finding("a.b").status(status).build()).build();

        String out = new TerminalRenderer(true).render(r, TestReports.catalogFor(r));

        assertThat(out).contains("\u001b[" + sgr + "m" + TextWrap.pad(label, 7) + "\u001b[0m");
    }

    @Test
    void stripsBidiOverridesThatCouldReorderTheLine() {
        Report r = report(finding("a.b").detail("port 22 \u202Eclosed\u202C open").build()).build();

        assertThat(plain(r)).doesNotContain("\u202E", "\u202C").contains("port 22 \uFFFDclosed\uFFFD open");
    }

    @Test
    void wrapsLongDetailsWithinTheWidthAndAlignsContinuationLines() {
        String detail = String.join(" ", IntStream.range(0, 30).mapToObj(i -> "word" + i).toList());
        Report r = report(finding("network.exposed-ports").detail(detail).build()).build();

        String out = new TerminalRenderer(false, 60).render(r, TestReports.catalogFor(r));

        assertThat(out.lines()).allSatisfy(line -> assertThat(TextWrap.length(line)).isLessThanOrEqualTo(60));
        List<String> rows = out.lines().filter(l -> l.contains("word")).toList();
        assertThat(rows).hasSize(3);
        int column = rows.getFirst().indexOf("word0");
        assertThat(rows.subList(1, rows.size())).allSatisfy(l -> assertThat(l.indexOf("word")).isEqualTo(column));
        assertThat(rows.getLast()).endsWith("…");
    }

    @Test
    void defaultsToOneHundredColumnsAndWidensTooNarrowRequests() {
        String detail = "x".repeat(500);
        Report r = report(finding("a.b").detail(detail).build()).build();
        Catalog c = TestReports.catalogFor(r);

        assertThat(new TerminalRenderer(false).render(r, c).lines())
                .allSatisfy(l -> assertThat(TextWrap.length(l)).isLessThanOrEqualTo(100))
                .anySatisfy(l -> assertThat(TextWrap.length(l)).isEqualTo(100));
        assertThat(new TerminalRenderer(false, 10).render(r, c).lines())
                .allSatisfy(l -> assertThat(TextWrap.length(l)).isLessThanOrEqualTo(TerminalRenderer.MIN_WIDTH));
    }

    @Test
    void showsTheFirstRemediationStepForFailAndWarnOnlyMostUrgentFirst() {
        Report r = report(
                finding("a.pass").status(Status.PASS).build(),
                finding("a.warn-high").status(Status.WARN).severity(Severity.HIGH).build(),
                finding("a.fail-low").status(Status.FAIL).severity(Severity.LOW).build(),
                finding("a.unknown").status(Status.UNKNOWN).build(),
                finding("a.fail-critical").status(Status.FAIL).severity(Severity.CRITICAL).build()).build();

        String out = plain(r);
        List<String> fix = out.lines().dropWhile(l -> !l.startsWith("To fix")).toList();

        assertThat(fix).containsExactly(
                "To fix (linux), most urgent first:",
                "  FAIL     a.fail-critical (critical): First Linux step for a.fail-critical.",
                "  FAIL     a.fail-low (low): First Linux step for a.fail-low.",
                "  WARN     a.warn-high (high): First Linux step for a.warn-high.");
        assertThat(out).doesNotContain("Second Linux step", "a.pass (", "a.unknown (");
    }

    @Test
    void picksTheRemediationForTheHostsPlatform() {
        Report r = report(finding("a.b").status(Status.FAIL).build()).os(OsFamily.MACOS, "macOS 15.3", "15.3").build();

        assertThat(plain(r)).contains("To fix (macos)", "First macOS step for a.b.").doesNotContain("Linux step");
    }

    @Test
    void saysSoWhenTheCatalogHasNoStepForTheFinding() {
        Report r = report(finding("a.b").status(Status.FAIL).build()).build();

        String out = new TerminalRenderer(false).render(r, Catalog.of(List.of()));

        assertThat(out).contains("a.b (medium): no remediation step for linux in the catalog");
    }

    @Test
    void wrapsLongRemediationStepsUnderTheirFinding() {
        Report r = report(finding("a.b").status(Status.FAIL).build()).build();
        var e = entry("a.b", "a", Severity.MEDIUM);
        String longStep = String.join(" ", IntStream.range(0, 40).mapToObj(i -> "step" + i).toList());
        var withLongStep = new dev.vigil.core.catalog.CatalogEntry(e.id(), e.title(), e.domain(), e.severity(), e.platforms(),
                e.rationale(), java.util.Map.of(OsFamily.LINUX, List.of(longStep), OsFamily.MACOS, List.of("m")), e.caveats(),
                e.references());

        List<String> fix = new TerminalRenderer(false, 80).render(r, Catalog.of(List.of(withLongStep))).lines()
                .dropWhile(l -> !l.startsWith("To fix")).skip(1).toList();

        assertThat(fix).hasSizeGreaterThan(1)
                .allSatisfy(l -> assertThat(TextWrap.length(l)).isLessThanOrEqualTo(80));
        assertThat(fix.subList(1, fix.size())).allSatisfy(l -> assertThat(l).startsWith(" ".repeat(11)).doesNotStartWith(" ".repeat(12)));
    }

    @Test
    void listsAtMostTenRemediationsAndCountsTheRest() {
        List<Finding> failing = new ArrayList<>();
        for (int i = 0; i < 13; i++) {
            failing.add(finding("a.fail-" + i).status(Status.FAIL).build());
        }
        Report r = report(failing.toArray(Finding[]::new)).build();

        List<String> fix = plain(r).lines().dropWhile(l -> !l.startsWith("To fix")).skip(1).toList();

        assertThat(fix).hasSize(11);
        assertThat(fix.getLast()).isEqualTo("  … and 3 more findings to fix; the HTML report has every step.");
    }

    @Test
    void omitsTheRemediationSectionWhenNothingFailedOrWarned() {
        assertThat(plain(report(finding("a.b").build()).build())).doesNotContain("To fix");
    }

    @Test
    void saysSoWhenTheReportHasNoFindings() {
        String out = plain(report().build());

        assertThat(out).contains("No controls were run.", "0 pass, 0 fail, 0 warn, 0 unknown, 0 not applicable — score 0/100");
    }

    @Test
    void isAPureFunctionOfItsInputs() {
        Report r = TestReports.realistic();
        Catalog c = TestReports.catalogFor(r);

        assertThat(new TerminalRenderer(true).render(r, c)).isEqualTo(new TerminalRenderer(true).render(r, c));
    }
}
