package dev.vigil.server.view;

import static dev.vigil.server.view.TestFleet.CATALOG;
import static dev.vigil.server.view.TestFleet.FIREWALL;
import static dev.vigil.server.view.TestFleet.HOSTILE;
import static dev.vigil.server.view.TestFleet.HOSTILE_ID;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.testing.Xml;
import dev.vigil.server.fleet.ControlDetail;
import dev.vigil.server.fleet.FleetView;
import dev.vigil.server.fleet.HostPage;
import dev.vigil.server.fleet.HostQuery;
import dev.vigil.server.fleet.SummaryQuery;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class HtmlViewsTest {

    private static final String HOSTILE_SHOWN = HOSTILE.replace('\u001b', '\uFFFD');

    private final FleetView view = TestFleet.view();
    private final HtmlViews html = new HtmlViews();

    private List<String> everyView() {
        return Stream.concat(TestFleet.reportViews(html).stream(), Stream.of(
                html.summary(view.summary(SummaryQuery.DEFAULT)),
                html.hosts(view.hosts(HostQuery.all().withLimit(2)), ResourceUrl.of("/api/v1/hosts").with("limit", "2")),
                html.host(view.host(HOSTILE_ID).orElseThrow(), CATALOG),
                html.host(view.host("a1").orElseThrow(), CATALOG),
                html.controls(view.controls(CATALOG)),
                html.control(view.control(FIREWALL, 2, Optional.empty()), CATALOG,
                        ResourceUrl.of("/api/v1/controls/" + FIREWALL).with("limit", "2")),
                html.control(view.control("made.up", 2, Optional.empty()), CATALOG, ResourceUrl.of("/api/v1/controls/made.up")))).toList();
    }

    private static List<String> hrefs(Document doc) {
        return Xml.all(doc, "//a").stream().map(a -> a.getAttribute("href")).toList();
    }

    @Test
    void everyPageIsAWellFormedHtml5DocumentWithNavAndFooter() {
        for (String out : everyView()) {
            Document doc = Xml.parse(out);

            assertThat(out).startsWith("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>");
            assertThat(Xml.text(doc, "/html/head/title")).startsWith("Vigil: ");
            assertThat(Xml.all(doc, "/html/body/*")).extracting(Element::getTagName)
                    .containsExactly("header", "nav", "main", "footer");
            assertThat(hrefs(Xml.one(doc, "/html/body/nav").getOwnerDocument()))
                    .contains("/?format=html", "/api/v1/hosts?format=html", "/api/v1/controls?format=html");
            assertThat(Xml.one(doc, "/html/head/style").getTextContent()).contains("@media print");
        }
    }

    @Test
    void fetchesNothingFromAnywhere() {
        for (String out : everyView()) {
            Document doc = Xml.parse(out);

            assertThat(out.toLowerCase()).doesNotContain("<script", "<link", "<img", "<iframe", "<object", "<embed",
                    "<base", "<form", "@import", "url(", "@font-face", "src=", "javascript:");
            assertThat(Xml.all(doc, "//*[@src]")).isEmpty();
            assertThat(hrefs(doc)).isNotEmpty().allSatisfy(h -> assertThat(h).startsWith("/").doesNotStartWith("//"));
            Matcher attrs = Pattern.compile("\\s(?:src|href|action|data)\\s*=\\s*\"([^\"]*)\"").matcher(out);
            while (attrs.find()) {
                assertThat(attrs.group(1)).doesNotContainIgnoringCase("http").doesNotContain("//");
            }
        }
    }

    @Test
    void escapesHostileHostnamesHostIdsAndOsNames() {
        String hosts = html.hosts(view.hosts(HostQuery.all()), ResourceUrl.of("/api/v1/hosts"));
        String host = html.host(view.host(HOSTILE_ID).orElseThrow(), CATALOG);

        for (String out : List.of(hosts, host)) {
            Document doc = Xml.parse(out);
            assertThat(out).doesNotContain("<script", "\"x\"", "'quoted'", "\u001b")
                    .contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quoted&#39;");
            assertThat(Xml.all(doc, "//script")).isEmpty();
        }
        Document doc = Xml.parse(host);
        assertThat(Xml.text(doc, "/html/head/title")).isEqualTo("Vigil: Host " + HOSTILE_SHOWN);
        assertThat(Xml.text(doc, "//h1")).isEqualTo("Host " + HOSTILE_SHOWN);
        assertThat(Xml.all(doc, "//dd/code")).extracting(Element::getTextContent).contains(HOSTILE_ID);

        Document list = Xml.parse(hosts);
        Element link = Xml.one(list, "//table[@class='hosts']//a[contains(., 'script')]");
        assertThat(link.getTextContent()).isEqualTo(HOSTILE_SHOWN);
        assertThat(link.getAttribute("href"))
                .isEqualTo("/api/v1/hosts/evil%2F..%2Fid%3Fx%3D1%26y%3D%222%22?format=html");
    }

    @Test
    void hostsLinkToTheirDetailPages() {
        Document doc = Xml.parse(html.hosts(view.hosts(HostQuery.all()), ResourceUrl.of("/api/v1/hosts")));

        List<Element> rows = Xml.all(doc, "//table[@class='hosts']/tbody/tr");
        assertThat(rows).hasSize(6);
        assertThat(Xml.one(doc, "//a[. = 'web-01']").getAttribute("href")).isEqualTo("/api/v1/hosts/a1?format=html");
        assertThat(Xml.one(doc, "//tr[td/a = 'web-01']/td/span").getAttribute("class")).isEqualTo("failing");
        assertThat(Xml.all(doc, "//a[@rel='next']")).isEmpty();
    }

    @Test
    void pagesLinkToTheNextPageKeepingTheFilters() {
        HostPage first = view.hosts(HostQuery.all().withLimit(2));
        Document doc = Xml.parse(html.hosts(first, new ResourceUrl("/api/v1/hosts", Map.of("limit", "2"))));

        assertThat(Xml.one(doc, "//a[@rel='next']").getAttribute("href"))
                .isEqualTo("/api/v1/hosts?limit=2&cursor=" + first.next().orElseThrow() + "&format=html");
        assertThat(Xml.all(doc, "//table[@class='hosts']/tbody/tr")).hasSize(2);
    }

    @Test
    void hostDetailListsFindingsWorstFirstLinkingToControls() {
        Document doc = Xml.parse(html.host(view.host("a1").orElseThrow(), CATALOG));

        List<Element> rows = Xml.all(doc, "//table[@class='findings']/tbody/tr");
        assertThat(rows).extracting(r -> r.getElementsByTagName("td").item(0).getTextContent())
                .containsExactly("firewall.enabled", "disk.encryption.system", "kernel.aslr", "remote.ssh");
        assertThat(Xml.one(doc, "//a[. = 'firewall.enabled']").getAttribute("href"))
                .isEqualTo("/api/v1/controls/firewall.enabled?format=html");
        assertThat(Xml.text(doc, "//tr[td/a = 'firewall.enabled']/td[4]")).isEqualTo(CATALOG.require(FIREWALL).title());
        assertThat(Xml.one(doc, "//tr[td/a = 'firewall.enabled']/td[2]/span").getAttribute("class")).isEqualTo("fail");
        assertThat(Xml.text(doc, "//tr[td/a = 'remote.ssh']/td[2]")).isEqualTo("N/A");
        assertThat(hrefs(doc)).contains("/api/v1/hosts/a1?format=json", "/api/v1/hosts/a1?format=text");
    }

    @Test
    void controlsLinkToControlDetailAndToTheHostsFailingThem() {
        Document doc = Xml.parse(html.controls(view.controls(CATALOG)));

        assertThat(Xml.all(doc, "//table[@class='controls']/tbody/tr")).hasSize(CATALOG.entries().size());
        assertThat(Xml.one(doc, "//a[. = 'disk.encryption.system']").getAttribute("href"))
                .isEqualTo("/api/v1/controls/disk.encryption.system?format=html");
        Element fails = Xml.one(doc, "//tr[td/a = 'firewall.enabled']/td[5]");
        assertThat(fails.getAttribute("class")).isEqualTo("n fail");
        assertThat(Xml.one(doc, "//tr[td/a = 'firewall.enabled']/td[5]/a").getAttribute("href"))
                .isEqualTo("/api/v1/hosts?failing=firewall.enabled&format=html");
        assertThat(Xml.text(doc, "//tr[td/a = 'firewall.enabled']/td[4]")).isEqualTo("2");
    }

    @Test
    void controlDetailShowsCountsAndPagesOfFailingHosts() {
        ControlDetail d = view.control(FIREWALL, 2, Optional.empty());
        Document doc = Xml.parse(html.control(d, CATALOG,
                ResourceUrl.of("/api/v1/controls/firewall.enabled").with("limit", "2")));

        assertThat(Xml.text(doc, "//h1")).isEqualTo("Control: " + CATALOG.require(FIREWALL).title());
        assertThat(Xml.all(doc, "//table[@class='hosts']/tbody/tr")).hasSize(2);
        assertThat(Xml.one(doc, "//a[@rel='next']").getAttribute("href")).isEqualTo(
                "/api/v1/controls/firewall.enabled?limit=2&cursor=" + d.failing().next().orElseThrow() + "&format=html");
        assertThat(Xml.one(doc, "//main/dl").getTextContent()).contains("FAIL 4", "PASS 2");
    }

    @Test
    void summaryLinksStatusesToFilteredHostListsAndControlsToTheirPages() {
        Document doc = Xml.parse(html.summary(view.summary(SummaryQuery.DEFAULT)));

        assertThat(Xml.text(doc, "//h1")).isEqualTo("Vigil fleet: 6 hosts");
        assertThat(Xml.one(doc, "//a[. = 'FAILING']").getAttribute("href")).isEqualTo("/api/v1/hosts?status=failing&format=html");
        assertThat(Xml.text(doc, "//tr[td/a = 'FAILING']/td[2]")).isEqualTo("4");
        assertThat(Xml.one(doc, "//a[. = 'firewall.enabled']").getAttribute("href"))
                .isEqualTo("/api/v1/controls/firewall.enabled?format=html");
        assertThat(Xml.text(doc, "//h2[starts-with(., 'Stale')]")).isEqualTo("Stale hosts: 1");
        assertThat(Xml.one(doc, "//a[. = 'old-mac']").getAttribute("href")).isEqualTo("/api/v1/hosts/c1?format=html");
        assertThat(hrefs(doc)).contains("/?format=json", "/?format=text");
    }

    @Test
    void escapeReplacesCharactersXmlForbids() {
        assertThat(Html.escape("a\u0000b\u001bc\uFFFEd\ud800e\tf")).isEqualTo("a\uFFFDb\uFFFDc\uFFFDd\uFFFDe\tf");
    }
}
