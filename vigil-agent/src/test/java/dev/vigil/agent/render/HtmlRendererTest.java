package dev.vigil.agent.render;

import static dev.vigil.agent.render.TestReports.finding;
import static dev.vigil.agent.render.TestReports.report;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.catalog.Catalog;
import dev.vigil.core.catalog.CatalogEntry;
import dev.vigil.core.catalog.Reference;
import dev.vigil.core.report.OsFamily;
import dev.vigil.core.report.Report;
import dev.vigil.core.report.Severity;
import dev.vigil.core.report.Status;
import dev.vigil.core.testing.RandomInputs;
import dev.vigil.core.testing.Xml;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class HtmlRendererTest {

    private static final String HOSTILE = "<script>alert(\"x\")</script> & 'quoted' </pre></article>";

    private static String html(Report r) {
        return new HtmlRenderer().render(r, TestReports.catalogFor(r));
    }

    @Test
    void isAnHtml5DocumentWithLanguageCharsetTitleAndViewport() {
        String out = html(TestReports.realistic());
        Document doc = Xml.parse(out);

        assertThat(out).startsWith("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>");
        assertThat(Xml.text(doc, "/html/head/title")).isEqualTo("Vigil report: web-01, 2026-03-01 10:15:02 UTC");
        assertThat(Xml.one(doc, "/html/head/meta[@name='viewport']").getAttribute("content"))
                .isEqualTo("width=device-width, initial-scale=1");
        assertThat(Xml.all(doc, "/html/body/*")).extracting(Element::getTagName)
                .containsExactly("header", "nav", "main", "footer");
    }

    @Test
    void fetchesNothingFromAnywhere() {
        String out = html(TestReports.realistic());
        Document doc = Xml.parse(out);

        assertThat(out.toLowerCase()).doesNotContain("<script", "<link", "<img", "<iframe", "<object", "<embed",
                "<base", "@import", "url(", "@font-face", "src=");
        assertThat(Xml.all(doc, "//*[@src]")).isEmpty();
        assertThat(Xml.all(doc, "//*[@href]")).isNotEmpty()
                .allSatisfy(a -> assertThat(a.getAttribute("href")).matches("#f-[0-9]+"));
        Matcher attrs = Pattern.compile("\\s(?:src|href|action|data)\\s*=\\s*\"([^\"]*)\"").matcher(out);
        while (attrs.find()) {
            assertThat(attrs.group(1)).doesNotContainIgnoringCase("http").doesNotContain("//");
        }
    }

    @Test
    void escapesEverythingThatComesFromTheReportOrTheCatalog() {
        Report r = report(finding("a.b").status(Status.FAIL).title(HOSTILE).detail(HOSTILE)
                .fact(HOSTILE, List.of(HOSTILE, Map.of(HOSTILE, HOSTILE)))
                .command(HOSTILE, 1, HOSTILE).build())
                .hostname(HOSTILE).agentVersion(HOSTILE).os(OsFamily.LINUX, HOSTILE, HOSTILE).build();
        Catalog catalog = Catalog.of(List.of(new CatalogEntry("a.b", HOSTILE, HOSTILE, Severity.HIGH, List.of(OsFamily.LINUX),
                HOSTILE, Map.of(OsFamily.LINUX, List.of(HOSTILE)), List.of(HOSTILE),
                List.of(new Reference(HOSTILE, HOSTILE, HOSTILE)))));

        String out = new HtmlRenderer().render(r, catalog);
        Document doc = Xml.parse(out);

        assertThat(out).doesNotContain("<script", "\"x\"", "'quoted'")
                .contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quoted&#39;");
        assertThat(Xml.all(doc, "//pre")).hasSize(1);
        assertThat(Xml.all(doc, "//article")).hasSize(1);
        assertThat(Xml.text(doc, "//article//p[@class='detail']")).isEqualTo(HOSTILE);
        assertThat(Xml.text(doc, "//pre")).isEqualTo(HOSTILE);
        assertThat(Xml.text(doc, "//ol[@class='steps']/li")).isEqualTo(HOSTILE);
        assertThat(Xml.text(doc, "//h1/span")).isEqualTo(HOSTILE);
        assertThat(Xml.one(doc, "//meta[@name='generator']").getAttribute("content")).isEqualTo("vigil " + HOSTILE);
    }

    @Test
    void replacesControlCharactersSoThePageStaysWellFormed() {
        Report r = report(finding("a.b").detail("nul\u0000 bell\u0007 esc\u001b c1\u0085 ok")
                .file("/proc/x", "bin\u0001ary\uFFFF\ud800").build()).build();

        Document doc = Xml.parse(html(r));

        assertThat(Xml.text(doc, "//p[@class='detail']")).isEqualTo("nul\uFFFD bell\uFFFD esc\uFFFD c1\uFFFD ok");
        assertThat(Xml.text(doc, "//pre")).isEqualTo("bin\uFFFDary\uFFFD\uFFFD");
    }

    @Test
    void dropsTrailingLineBreaksOfExcerptsAndSaysWhenOneIsEmpty() {
        Report r = report(finding("a.b").file("/proc/swaps", "header\n\n").file("/etc/empty", "\n").build()).build();

        Document doc = Xml.parse(html(r));

        assertThat(Xml.all(doc, "//pre")).extracting(Element::getTextContent).containsExactly("header");
        assertThat(Xml.text(doc, "//div[@class='evidence'][2]/p[@class='muted']")).isEqualTo("(empty)");
    }

    @Test
    void showsHostOsTimeAgentScoreAndCountsAtTheTop() {
        Document doc = Xml.parse(html(TestReports.realistic()));
        Element top = Xml.one(doc, "/html/body/header");

        assertThat(Xml.text(doc, "//header//dl[@class='meta']")).contains(
                "Hostweb-01 (id 5f3c0d6e9a1b2c4d)",
                "OSDebian GNU/Linux 12 (bookworm), x86_64",
                "Audited2026-03-01 10:15:02 UTC, took 840 ms",
                "Privilegeselevated",
                "Agentvigil 0.1.0");
        assertThat(Xml.one(doc, "//header//time").getAttribute("datetime")).isEqualTo("2026-03-01T10:15:02.250Z");
        assertThat(Xml.text(doc, "//span[@class='score-value']")).isEqualTo(String.valueOf(TestReports.realistic().summary().score()));
        assertThat(Xml.all(doc, "//ul[@class='counts']/li")).extracting(Element::getTextContent)
                .containsExactly("3 pass", "2 fail", "1 warn", "2 unknown", "2 not applicable");
        assertThat(top.getTextContent()).contains("/100");
    }

    @Test
    void saysWhenTheAuditRanWithoutPrivileges() {
        Document doc = Xml.parse(html(report(finding("a.b").build()).elevated(false).build()));

        assertThat(Xml.text(doc, "//dl[@class='meta']")).contains("not elevated: controls that need privileges report UNKNOWN");
    }

    @Test
    void groupsFindingsByDomainInReportOrder() {
        Document doc = Xml.parse(html(TestReports.realistic()));

        assertThat(Xml.all(doc, "//main/section/h2")).extracting(Element::getTextContent)
                .containsExactly("disk", "firewall", "network", "remote", "patch", "kernel", "files", "accounts");
        assertThat(Xml.all(doc, "//main/section[h2='patch']/article/h3/code")).extracting(Element::getTextContent)
                .containsExactly("patch.pending-updates", "patch.pending-reboot");
    }

    @Test
    void writesStatusAsTextAndAsAColourClassOnEveryFinding() {
        Document doc = Xml.parse(html(TestReports.realistic()));

        List<Element> articles = Xml.all(doc, "//article");
        assertThat(articles).hasSize(10).allSatisfy(a -> {
            String badge = ((Element) a.getElementsByTagName("span").item(0)).getTextContent();
            assertThat(badge).isIn("PASS", "FAIL", "WARN", "UNKNOWN", "NOT APPLICABLE");
            assertThat(a.getAttribute("class")).isEqualTo("finding st-" + switch (badge) {
                case "NOT APPLICABLE" -> "na";
                default -> badge.toLowerCase();
            });
        });
    }

    @Test
    void showsSeverityDetailFactsAndEvidenceOfAFinding() {
        Document doc = Xml.parse(html(TestReports.realistic()));
        String fw = "//article[h3/code='firewall.enabled']";

        assertThat(Xml.text(doc, fw + "/h3/span[@class='sev']")).isEqualTo("high");
        assertThat(Xml.text(doc, fw + "/p[@class='detail']"))
                .isEqualTo("The nftables input chain accepts by default and ufw and firewalld are inactive.");
        assertThat(Xml.all(doc, fw + "/dl[@class='facts']/dt")).extracting(Element::getTextContent)
                .containsExactly("source", "input_policy");
        assertThat(Xml.text(doc, fw + "/dl[@class='facts']/dd[2]")).isEqualTo("accept");
        assertThat(Xml.text(doc, fw + "//p[@class='query']/code")).isEqualTo("nft -j list ruleset");
        assertThat(Xml.text(doc, fw + "//span[@class='exit']")).isEqualTo("exit 0");
        assertThat(Xml.text(doc, fw + "//pre")).contains("\"policy\": \"accept\"");
    }

    @Test
    void rendersNestedFactsAsNestedLists() {
        Document doc = Xml.parse(html(TestReports.realistic()));
        String ports = "//article[h3/code='network.exposed-ports']/dl[@class='facts']";

        List<Element> items = Xml.all(doc, ports + "/dd/ul[@class='values']/li");
        assertThat(items).hasSize(2);
        assertThat(Xml.all(doc, ports + "/dd/ul/li[1]/dl/dt")).extracting(Element::getTextContent)
                .containsExactlyInAnyOrder("address", "port", "process");
    }

    @Test
    void showsTheReasonOfUnknownAndNotApplicableFindings() {
        Document doc = Xml.parse(html(TestReports.realistic()));

        assertThat(Xml.text(doc, "//article[h3/code='files.shadow-permissions']/p[@class='detail']"))
                .isEqualTo("Reason: permission denied reading /etc/shadow (requires root)");
        assertThat(Xml.text(doc, "//article[h3/code='remote.ssh.root-login']/p[@class='detail']"))
                .isEqualTo("Reason: No SSH server is installed (sshd not found).");
    }

    @Test
    void showsRemediationForTheHostsPlatformWhereThereIsSomethingToDo() {
        Document doc = Xml.parse(html(TestReports.realistic()));

        assertThat(Xml.all(doc, "//article[h3/code='patch.pending-reboot']/ol[@class='steps']/li"))
                .extracting(Element::getTextContent)
                .containsExactly("First Linux step for patch.pending-reboot.", "Second Linux step for patch.pending-reboot.");
        assertThat(Xml.all(doc, "//article[h3/code='patch.pending-updates']/ol[@class='steps']")).hasSize(1);
        assertThat(Xml.all(doc, "//article[h3/code='kernel.aslr']/ol[@class='steps']")).isEmpty();
        assertThat(Xml.all(doc, "//article[h3/code='disk.encryption.swap']/ol[@class='steps']")).isEmpty();
        assertThat(Xml.all(doc, "//h4[starts-with(., 'Remediation')]")).extracting(Element::getTextContent)
                .containsOnly("Remediation (linux)");

        Report mac = report(finding("a.b").status(Status.FAIL).build()).os(OsFamily.MACOS, "macOS 15.3", "15.3").build();
        assertThat(Xml.text(Xml.parse(html(mac)), "//ol[@class='steps']")).isEqualTo("First macOS step for a.b.");
    }

    @Test
    void showsRationaleCaveatsAndReferencesFromTheCatalog() {
        Document doc = Xml.parse(html(TestReports.realistic()));
        String a = "//article[h3/code='kernel.aslr']";

        assertThat(Xml.text(doc, a + "/h4[.='Why it matters']/following-sibling::p[1]")).isEqualTo("Rationale for kernel.aslr.");
        assertThat(Xml.text(doc, a + "/h4[.='Caveats']/following-sibling::ul[1]")).isEqualTo("Caveat for kernel.aslr.");
        assertThat(Xml.text(doc, a + "/p[@class='refs']"))
                .isEqualTo("References: CIS Controls v8 4.1 Establish and Maintain a Secure Configuration Process");
    }

    @Test
    void saysSoWhenAControlIsMissingFromTheCatalog() {
        Report r = report(finding("a.b").status(Status.FAIL).build()).build();

        Document doc = Xml.parse(new HtmlRenderer().render(r, Catalog.of(List.of())));

        assertThat(Xml.all(doc, "//article/p")).extracting(Element::getTextContent)
                .contains("The catalog has no remediation for linux.", "This control is not in this version's catalog.");
    }

    @Test
    void listsFailAndWarnFindingsUnderNeedsAttentionWithLinksToThem() {
        Document doc = Xml.parse(html(TestReports.realistic()));

        List<Element> links = Xml.all(doc, "//nav[@class='attention']/ol/li/a");
        assertThat(links).extracting(Element::getTextContent)
                .containsExactly("FAIL Host firewall enabled", "FAIL No reboot pending", "WARN No risky ports exposed");
        assertThat(links).allSatisfy(l -> assertThat(Xml.all(doc, "//article[@id='" + l.getAttribute("href").substring(1) + "']"))
                .hasSize(1));
        Document calm = Xml.parse(html(report(finding("a.b").build()).build()));
        assertThat(Xml.text(calm, "//nav/p")).isEqualTo("Nothing failed or warned.");
    }

    @Test
    void hasAPrintStylesheetThatKeepsFindingsTogetherAndStatusReadable() {
        String css = Xml.text(Xml.parse(html(TestReports.realistic())), "//style");
        String print = css.substring(css.indexOf("@media print"));

        assertThat(print).contains(".finding", "break-inside: avoid", "page-break-inside: avoid")
                .contains(".badge { background: none; color: #000;");
    }

    @Test
    void isWellFormedAndScriptFreeWhateverTheReportHolds() {
        for (String text : RandomInputs.strings(14, 200)) {
            isWellFormedAndScriptFreeFor(text);
        }
    }

    private static void isWellFormedAndScriptFreeFor(String text) {
        String detail = text.isBlank() ? text + "x" : text;
        Report r = report(
                finding("a.fail").status(Status.FAIL).title(text).detail(detail).fact(text, List.of(text))
                        .command(text, 1, text).build(),
                finding("b.unknown").status(Status.UNKNOWN).detail(detail).build())
                .hostname(text).os(OsFamily.LINUX, text, text).build();

        String out = html(r);
        Document doc = Xml.parse(out);

        assertThat(Xml.all(doc, "//article")).hasSize(2);
        assertThat(Xml.all(doc, "//script")).isEmpty();
    }
}
