package dev.vigil.server.view;

import static dev.vigil.server.view.TestFleet.CATALOG;
import static dev.vigil.server.view.TestFleet.FIREWALL;
import static dev.vigil.server.view.TestFleet.HOSTILE;
import static dev.vigil.server.view.TestFleet.HOSTILE_ID;
import static dev.vigil.server.view.TestFleet.WIDE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.diff.ReportDiff;
import dev.vigil.core.report.Status;
import dev.vigil.server.fleet.ControlDetail;
import dev.vigil.server.fleet.FleetView;
import dev.vigil.server.fleet.HostPage;
import dev.vigil.server.fleet.HostQuery;
import dev.vigil.server.fleet.SummaryQuery;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TextViewsTest {

    private static final String ESC = "\u001b";
    private static final Pattern OUR_SGR = Pattern.compile("\u001b\\[(?:0|1|2|31|1;31|32|33|35)m");

    private final FleetView view = TestFleet.view();
    private final TextViews plain = new TextViews(ColorMode.NEVER);
    private final TextViews colored = new TextViews(ColorMode.ALWAYS);

    /** Every view of the test fleet, rendered in one colour mode. */
    private List<String> everyView(TextViews t) {
        return Stream.concat(TestFleet.reportViews(t).stream(), Stream.of(
                t.summary(view.summary(SummaryQuery.DEFAULT)),
                t.hosts(view.hosts(HostQuery.all()), ResourceUrl.of("/api/v1/hosts")),
                t.host(view.host(HOSTILE_ID).orElseThrow(), CATALOG),
                t.host(view.host("a2").orElseThrow(), CATALOG),
                t.controls(view.controls(CATALOG)),
                t.control(view.control(FIREWALL, 100, Optional.empty()), CATALOG, ResourceUrl.of("/api/v1/controls/" + FIREWALL))))
                .toList();
    }

    private static List<String> lines(String text) {
        return text.lines().toList();
    }

    private static String lineWith(String text, String needle) {
        return text.lines().filter(l -> l.contains(needle)).findFirst().orElseThrow(() -> new AssertionError("no line with " + needle + " in\n" + text));
    }

    @Test
    void summaryCountsHostsByStatusAndNamesTheControlsFailingOnMostHosts() {
        String out = plain.summary(view.summary(SummaryQuery.DEFAULT));

        assertThat(lines(out).getFirst()).isEqualTo("Vigil fleet: 6 hosts");
        assertThat(lineWith(out, "FAILING")).matches("FAILING +4");
        assertThat(lineWith(out, "WARNING")).matches("WARNING +1");
        assertThat(lineWith(out, "PASSING")).matches("PASSING +1");
        assertThat(lineWith(out, "90-100")).matches("90-100 +\\d+");
        assertThat(out).containsSubsequence("Controls failing on most hosts", "firewall.enabled", "disk.encryption.system");
        assertThat(lineWith(out, "firewall.enabled")).matches("firewall\\.enabled +4");
        assertThat(out).contains("Stale hosts: 1");
        assertThat(lineWith(out, "old-mac")).contains("FAILING", "macOS Sonoma 14.7.1", "c1");
    }

    @ParameterizedTest
    @EnumSource(ColorMode.class)
    void neverLetsAHostnameDriveTheTerminal(ColorMode mode) {
        TextViews t = new TextViews(mode);
        for (String out : everyView(t)) {
            assertThat(OUR_SGR.matcher(out).replaceAll("")).doesNotContain(ESC, "\u202e");
        }
        String host = t.host(view.host(HOSTILE_ID).orElseThrow(), CATALOG);
        assertThat(host).contains("<script>alert(\"x\")</script> & 'quoted' \uFFFD[31mred\uFFFD[0m");
    }

    @Test
    void aDiffListsRegressionsFirstWithTheirMove() {
        String out = plain.diff(ReportDiff.between(TestFleet.hostileReport(60, Status.PASS),
                TestFleet.hostileReport(10, Status.FAIL)));
        assertThat(out).containsSubsequence("Regressions: 1", "firewall.enabled", "Fixes: 0", "None.");
        assertThat(lineWith(out, "firewall.enabled")).matches("firewall\\.enabled +PASS +FAIL +high +.*");
    }

    @Test
    void writesNoEscapeCharacterWhenColorIsOff() {
        assertThat(everyView(plain)).allSatisfy(out -> assertThat(out).doesNotContain(ESC).isNotBlank());
    }

    @Test
    void coloursStatusesAsTheAuditTablePassGreenFailBoldRedWarnYellowUnknownMagenta() {
        String host = colored.host(view.host("a2").orElseThrow(), CATALOG);
        String summary = colored.summary(view.summary(SummaryQuery.DEFAULT));

        assertThat(host).contains(ESC + "[32mPASS" + ESC + "[0m", ESC + "[33mWARN" + ESC + "[0m",
                ESC + "[35mUNKNOWN" + ESC + "[0m", ESC + "[1mCONTROL");
        assertThat(colored.host(view.host("a1").orElseThrow(), CATALOG)).contains(ESC + "[1;31mFAIL" + ESC + "[0m");
        assertThat(summary).contains(ESC + "[1;31mFAILING" + ESC + "[0m", ESC + "[33mWARNING" + ESC + "[0m",
                ESC + "[32mPASSING" + ESC + "[0m");
    }

    @Test
    void alignsColumnsByTerminalWidthWithWideCharacters() {
        String out = plain.hosts(view.hosts(HostQuery.all()), ResourceUrl.of("/api/v1/hosts"));
        String header = lineWith(out, "HOSTNAME");
        int statusColumn = Cells.width(header.substring(0, header.indexOf("STATUS")));

        for (String row : List.of(lineWith(out, WIDE), lineWith(out, "web-01"), lineWith(out, "LAPTOP-7"))) {
            int at = row.indexOf(row.contains("PASSING") ? "PASSING" : "FAILING");
            assertThat(Cells.width(row.substring(0, at))).as(row).isEqualTo(statusColumn);
        }
        assertThat(Cells.width(WIDE)).as("six wide characters and four narrow ones").isEqualTo(2 * 6 + 4);
    }

    @Test
    void cutsLongValuesWithAnEllipsis() {
        String out = plain.hosts(view.hosts(HostQuery.all()), ResourceUrl.of("/api/v1/hosts"));
        String row = lineWith(out, "<script>");

        assertThat(row).contains("…").doesNotContain("red");
        String cut = row.substring(0, row.indexOf('…') + 1);
        assertThat(Cells.width(cut)).isLessThanOrEqualTo(40);
    }

    @Test
    void hostsPageEndsWithTheNextPageUrlKeepingTheFilters() {
        HostPage first = view.hosts(HostQuery.all().withLimit(2));
        ResourceUrl here = new ResourceUrl("/api/v1/hosts", java.util.Map.of("limit", "2"));

        String out = plain.hosts(first, here);

        assertThat(first.next()).isPresent();
        assertThat(lines(out).getLast()).isEqualTo("Next page: /api/v1/hosts?limit=2&cursor=" + first.next().get());
        assertThat(lines(out).getFirst()).isEqualTo("Hosts: 2 on this page");
        HostPage last = view.hosts(HostQuery.all());
        assertThat(plain.hosts(last, here)).doesNotContain("Next page");
    }

    @Test
    void saysSoWhenNoHostMatches() {
        String out = plain.hosts(view.hosts(HostQuery.all().withQ("no-such-host")), ResourceUrl.of("/api/v1/hosts"));

        assertThat(out).isEqualTo("Hosts: 0 on this page\nNo hosts match.\n");
    }

    @Test
    void hostDetailListsFindingsWorstFirstWithCatalogTitles() {
        String out = plain.host(view.host("a1").orElseThrow(), CATALOG);

        assertThat(lines(out).getFirst()).isEqualTo("Host web-01");
        assertThat(out).contains("Status     FAILING", "Host id    a1", "OS         Debian GNU/Linux 12 (bookworm)",
                "PASS 2  FAIL 1  WARN 0  UNKNOWN 0  N/A 1");
        assertThat(out).containsSubsequence("CONTROL", "firewall.enabled", "disk.encryption.system", "kernel.aslr", "remote.ssh");
        assertThat(lineWith(out, "firewall.enabled")).contains("FAIL", "high", CATALOG.require(FIREWALL).title());
        assertThat(lineWith(out, "remote.ssh ")).contains("N/A");
    }

    @Test
    void controlsListEveryCatalogEntryWithFleetCounts() {
        String out = plain.controls(view.controls(CATALOG));

        assertThat(lines(out).getFirst()).isEqualTo("Controls: " + CATALOG.entries().size());
        assertThat(lines(out)).hasSize(CATALOG.entries().size() + 2);
        assertThat(lineWith(out, "CONTROL")).matches("CONTROL +SEVERITY +TITLE +PASS +FAIL +WARN +UNKNOWN +N/A");
        assertThat(lineWith(out, "firewall.enabled")).matches("firewall\\.enabled +high +.+ +2 +4 +0 +0 +0");
        assertThat(lineWith(out, "remote.ssh ")).matches("remote\\.ssh +medium +.+ +0 +0 +0 +0 +1");
    }

    @Test
    void controlDetailListsFailingHostsWithPaging() {
        ControlDetail d = view.control(FIREWALL, 2, Optional.empty());
        ResourceUrl here = ResourceUrl.of("/api/v1/controls/firewall.enabled").with("limit", "2");

        String out = plain.control(d, CATALOG, here);

        assertThat(lines(out).getFirst()).isEqualTo("Control firewall.enabled: " + CATALOG.require(FIREWALL).title() + " (high)");
        assertThat(out).contains("PASS 2  FAIL 4  WARN 0  UNKNOWN 0  N/A 0", "Failing hosts");
        assertThat(d.failing().hosts()).hasSize(2);
        assertThat(lines(out).getLast())
                .isEqualTo("Next page: /api/v1/controls/firewall.enabled?limit=2&cursor=" + d.failing().next().orElseThrow());
    }

    @Test
    void controlOutsideTheCatalogSaysSo() {
        String out = plain.control(view.control("made.up", 10, Optional.empty()), CATALOG, ResourceUrl.of("/api/v1/controls/made.up"));

        assertThat(out).startsWith("Control made.up (not in the catalog)\n").contains("No host fails this control.");
    }
}
