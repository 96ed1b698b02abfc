package dev.vigil.agent.render;

import static dev.vigil.agent.render.TestReports.finding;
import static dev.vigil.agent.render.TestReports.report;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.report.Report;
import dev.vigil.core.report.Severity;
import dev.vigil.core.report.Status;
import dev.vigil.core.testing.RandomInputs;
import dev.vigil.core.testing.Xml;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class JunitRendererTest {

    private static Document junit(Report r) {
        return Xml.parse(new JunitRenderer().render(r));
    }

    @Test
    void writesOneSuiteNamedAfterTheHostWithCountsTimeAndTimestamp() {
        Document doc = junit(TestReports.realistic());
        Element suite = Xml.one(doc, "/testsuites/testsuite");

        assertThat(suite.getAttribute("name")).isEqualTo("vigil audit web-01");
        assertThat(suite.getAttribute("tests")).isEqualTo("10");
        assertThat(suite.getAttribute("failures")).isEqualTo("2");
        assertThat(suite.getAttribute("errors")).isEqualTo("0");
        assertThat(suite.getAttribute("skipped")).isEqualTo("4");
        assertThat(suite.getAttribute("time")).isEqualTo("0.840");
        assertThat(suite.getAttribute("timestamp")).isEqualTo("2026-03-01T10:15:02");
        assertThat(suite.getAttribute("hostname")).isEqualTo("web-01");
        Element root = doc.getDocumentElement();
        assertThat(List.of("tests", "failures", "errors", "skipped", "time"))
                .allSatisfy(a -> assertThat(root.getAttribute(a)).isEqualTo(suite.getAttribute(a)));
    }

    @Test
    void recordsHostAndScoreAsProperties() {
        Document doc = junit(TestReports.realistic());

        assertThat(Xml.one(doc, "//property[@name='vigil.score']").getAttribute("value"))
                .isEqualTo(String.valueOf(TestReports.realistic().summary().score()));
        assertThat(Xml.one(doc, "//property[@name='vigil.host_id']").getAttribute("value")).isEqualTo("5f3c0d6e9a1b2c4d");
        assertThat(Xml.one(doc, "//property[@name='vigil.elevated']").getAttribute("value")).isEqualTo("true");
        assertThat(Xml.one(doc, "//property[@name='vigil.os']").getAttribute("value")).isEqualTo("Debian GNU/Linux 12 (bookworm)");
    }

    @Test
    void writesOneTestcasePerFindingNamedByDomainControlAndTitle() {
        Document doc = junit(TestReports.realistic());
        List<Element> cases = Xml.all(doc, "//testcase");

        assertThat(cases).hasSize(10);
        Element fw = cases.get(2);
        assertThat(fw.getAttribute("classname")).isEqualTo("vigil.firewall");
        assertThat(fw.getAttribute("name")).isEqualTo("firewall.enabled Host firewall enabled");
        assertThat(fw.getAttribute("time")).isEqualTo("0.038");
        assertThat(cases.get(5).getAttribute("time")).isEqualTo("5.000");
    }

    @Test
    void reportsFailAsFailureWithDetailSeverityAndEvidence() {
        Element failure = Xml.one(junit(TestReports.realistic()), "//testcase[starts-with(@name,'firewall.enabled ')]/failure");

        assertThat(failure.getAttribute("message"))
                .isEqualTo("The nftables input chain accepts by default and ufw and firewalld are inactive.");
        assertThat(failure.getAttribute("type")).isEqualTo("high");
        assertThat(failure.getTextContent()).contains(
                "facts: {\"source\":\"nftables\",\"input_policy\":\"accept\"}",
                "command: nft -j list ruleset (exit 0)\n{\"nftables\": [");
    }

    @Test
    void reportsWarnAsPassingTestcaseWithTheWarningInSystemOut() {
        Document doc = junit(TestReports.realistic());
        String warn = "//testcase[starts-with(@name,'network.exposed-ports ')]";

        assertThat(Xml.all(doc, warn + "/failure")).isEmpty();
        assertThat(Xml.all(doc, warn + "/skipped")).isEmpty();
        assertThat(Xml.text(doc, warn + "/system-out"))
                .startsWith("WARN: Port 8443 listens on all addresses; no high-risk port is exposed.\nseverity: high\n")
                .contains("file: /proc/net/tcp\n");
    }

    @Test
    void reportsUnknownAndNotApplicableAsSkippedWithTheReason() {
        Document doc = junit(TestReports.realistic());

        assertThat(Xml.one(doc, "//testcase[starts-with(@name,'files.shadow-permissions ')]/skipped").getAttribute("message"))
                .isEqualTo("permission denied reading /etc/shadow (requires root)");
        assertThat(Xml.text(doc, "//testcase[starts-with(@name,'files.shadow-permissions ')]/system-out")).startsWith("UNKNOWN: ");
        assertThat(Xml.one(doc, "//testcase[starts-with(@name,'remote.ssh.root-login ')]/skipped").getAttribute("message"))
                .isEqualTo("No SSH server is installed (sshd not found).");
        assertThat(Xml.text(doc, "//testcase[starts-with(@name,'remote.ssh.root-login ')]/system-out")).startsWith("NOT_APPLICABLE: ");
    }

    @Test
    void writesPassAsAnEmptyTestcase() {
        Element pass = Xml.one(junit(TestReports.realistic()), "//testcase[starts-with(@name,'kernel.aslr ')]");

        assertThat(pass.getChildNodes().getLength()).isZero();
    }

    @Test
    void escapesMarkupAndReplacesCharactersXmlCannotHold() {
        String nasty = "a & b < c > d \"e\" 'f' ]]> nul\u0000 bell\u0007 esc\u001b del\u007f lone\ud800 fffe\uFFFE \u00e9\ud83d\udd12";
        String clean = "a & b < c > d \"e\" 'f' ]]> nul\uFFFD bell\uFFFD esc\uFFFD del\uFFFD lone\uFFFD fffe\uFFFD \u00e9\ud83d\udd12";
        Report r = report(finding("a.b").status(Status.FAIL).severity(Severity.CRITICAL).title(nasty).detail(nasty)
                .command(nasty, 2, nasty + "\nline\ttwo\r\n").build()).hostname(nasty).build();

        String xml = new JunitRenderer().render(r);
        Document doc = Xml.parse(xml);

        assertThat(Xml.one(doc, "//testsuite").getAttribute("name")).isEqualTo("vigil audit " + clean);
        assertThat(Xml.one(doc, "//testcase").getAttribute("name")).isEqualTo("a.b " + clean);
        Element failure = Xml.one(doc, "//failure");
        assertThat(failure.getAttribute("message")).isEqualTo(clean);
        assertThat(failure.getTextContent()).contains("command: " + clean + " (exit 2)\n" + clean + "\nline\ttwo\n");
    }

    @Test
    void keepsLineBreaksInAttributesAsCharacterReferences() {
        Report r = report(finding("a.b").status(Status.FAIL).detail("first line\nsecond\tline").build()).build();

        assertThat(Xml.one(junit(r), "//failure").getAttribute("message")).isEqualTo("first line\nsecond\tline");
    }

    @Test
    void writesAnEmptySuiteForAReportWithoutFindings() {
        Element suite = Xml.one(junit(report().build()), "//testsuite");

        assertThat(suite.getAttribute("tests")).isEqualTo("0");
        assertThat(Xml.all(suite.getOwnerDocument(), "//testcase")).isEmpty();
    }

    @Test
    void isWellFormedXmlWhateverTheReportHolds() {
        for (String text : RandomInputs.strings(13, 200)) {
            isWellFormedXmlFor(text);
        }
    }

    private static void isWellFormedXmlFor(String text) {
        String detail = text.isBlank() ? text + "x" : text;
        Report r = report(
                finding("a.fail").status(Status.FAIL).title(text).detail(detail).command(text, 1, text).build(),
                finding("a.warn").status(Status.WARN).detail(detail).file(text, text).build(),
                finding("a.unknown").status(Status.UNKNOWN).detail(detail).build()).hostname(text).build();

        Document doc = junit(r);

        assertThat(Xml.all(doc, "//testcase")).hasSize(3);
    }
}
