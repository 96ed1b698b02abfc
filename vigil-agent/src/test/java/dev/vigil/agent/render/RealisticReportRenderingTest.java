package dev.vigil.agent.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.catalog.Catalog;
import dev.vigil.core.report.Report;
import dev.vigil.core.testing.Xml;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A screenshot-free sanity check: a realistic Debian server audit (every status, eight domains) through
 * all three renderers, asserting that each shows the same findings in the same structure.
 */
class RealisticReportRenderingTest {

    private final Report report = TestReports.realistic();
    private final Catalog catalog = TestReports.catalogFor(report);
    private final List<String> domains = List.of("disk", "firewall", "network", "remote", "patch", "kernel", "files", "accounts");

    @Test
    void terminalShowsHeaderDomainsEveryFindingSummaryAndFixes() {
        String out = new TerminalRenderer(false).render(report, catalog);
        List<String> lines = out.lines().toList();

        assertThat(lines.getFirst()).startsWith("web-01 · Debian GNU/Linux 12 (bookworm) x86_64 · 2026-03-01 10:15:02 UTC");
        assertThat(lines).containsSubsequence(domains);
        assertThat(report.findings()).allSatisfy(f -> assertThat(out).contains(f.control()));
        assertThat(lines).contains("3 pass, 2 fail, 1 warn, 2 unknown, 2 not applicable — score "
                + report.summary().score() + "/100");
        assertThat(lines).containsSubsequence(
                "To fix (linux), most urgent first:",
                "  FAIL     firewall.enabled (high): First Linux step for firewall.enabled.",
                "  FAIL     patch.pending-reboot (medium): First Linux step for patch.pending-reboot.",
                "  WARN     network.exposed-ports (high): First Linux step for network.exposed-ports.");
        assertThat(lines).allSatisfy(l -> assertThat(TextWrap.length(l)).isLessThanOrEqualTo(TerminalRenderer.DEFAULT_WIDTH));
        assertThat(out).doesNotContain("\u001b");
    }

    @Test
    void htmlShowsEveryFindingInItsDomainWithEverythingAFindingHas() {
        Document doc = Xml.parse(new HtmlRenderer().render(report, catalog));

        assertThat(Xml.all(doc, "//main/section/h2")).extracting(Element::getTextContent).containsExactlyElementsOf(domains);
        assertThat(Xml.all(doc, "//article/h3/code")).extracting(Element::getTextContent)
                .containsExactlyElementsOf(report.findings().stream().map(f -> f.control()).toList());
        assertThat(Xml.all(doc, "//article")).allSatisfy(a -> {
            assertThat(Xml.all(doc, "//article[@id='" + a.getAttribute("id") + "']/p[@class='detail']")).hasSize(1);
            assertThat(Xml.all(doc, "//article[@id='" + a.getAttribute("id") + "']/p[@class='refs']")).hasSize(1);
        });
        assertThat(Xml.all(doc, "//article[contains(@class,'st-fail') or contains(@class,'st-warn')"
                + " or contains(@class,'st-unknown')]")).hasSize(5)
                .allSatisfy(a -> assertThat(a.getElementsByTagName("ol").getLength()).isOne());
        assertThat(Xml.all(doc, "//pre")).hasSize(8);
    }

    @Test
    void junitHoldsOneTestcasePerFindingWithTheRightOutcome() {
        Document doc = Xml.parse(new JunitRenderer().render(report));

        assertThat(Xml.all(doc, "//testcase")).extracting(e -> e.getAttribute("classname")).containsExactly(
                "vigil.disk", "vigil.disk", "vigil.firewall", "vigil.network", "vigil.remote",
                "vigil.patch", "vigil.patch", "vigil.kernel", "vigil.files", "vigil.accounts");
        assertThat(Xml.all(doc, "//testcase[failure]")).hasSize(report.summary().fail());
        assertThat(Xml.all(doc, "//testcase[skipped]")).hasSize(report.summary().unknown() + report.summary().notApplicable());
        assertThat(Xml.all(doc, "//testcase[not(*)]")).hasSize(report.summary().pass());
    }
}
