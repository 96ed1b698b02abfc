package dev.vigil.server.http;

import dev.vigil.core.report.Report;
import dev.vigil.core.testing.Xml;
import dev.vigil.server.Kernel;
import dev.vigil.server.KernelConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static dev.vigil.server.http.Fleet.FIREWALL;
import static dev.vigil.server.http.KernelApiTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every GET resource in its three representations over real HTTP: JSON by default, a text table for terminal
 * clients and {@code Accept: text/plain}, an HTML page for {@code Accept: text/html}, {@code ?format=} overriding;
 * each rendition cached and tagged on its own, with {@code Vary: Accept, User-Agent}. One kernel, read only.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RepresentationTest {

    static final String ESC = "\u001b[";
    static final String CURL = "curl/8.0";

    Kernel kernel;
    KernelClient client;
    String reader;
    List<Report> reports;

    @BeforeAll
    void start(@TempDir Path dir) {
        Tokens tokens = Tokens.create(dir, new Fleet.TestClock());
        String writer = tokens.writer();
        reader = tokens.reader();
        kernel = Kernel.start(KernelConfig.defaults(dir).withPort(0).withClock(new Fleet.TestClock()));
        client = new KernelClient(kernel);
        reports = Fleet.some();
        for (Report r : reports) {
            assertThat(client.ingest(writer, r).status()).isEqualTo(201);
        }
    }

    @AfterAll
    void stop() {
        kernel.close();
    }

    KernelClient.Reply get(String path, String... headers) {
        return client.get(path, reader, headers);
    }

    /** Each GET resource, with a word its text and HTML forms must show. */
    record Page(String path, String shows) {
        @Override
        public String toString() {
            return path;
        }
    }

    Stream<Page> resources() {
        return Stream.of(
                new Page("/", FIREWALL),
                new Page("/api/v1/summary", FIREWALL),
                new Page("/api/v1/hosts", "charlie"),
                new Page("/api/v1/hosts/a1", FIREWALL),
                new Page("/api/v1/hosts/a1/reports", reports.get(0).reportId().toString()),
                new Page("/api/v1/hosts/a1/diff", FIREWALL),
                new Page("/api/v1/reports/" + reports.get(2).reportId(), "bravo"),
                new Page("/api/v1/controls", FIREWALL),
                new Page("/api/v1/controls/" + FIREWALL, "bravo"),
                new Page("/healthz", "ok"),
                new Page("/readyz", "ready"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("resources")
    void isJsonByDefault(Page r) {
        KernelClient.Reply got = get(r.path());
        assertThat(got.status()).as(got.body()).isEqualTo(200);
        assertThat(got.contentType()).isEqualTo("application/json");
        assertThat(got.json().isObject()).isTrue();
        assertThat(got.vary()).contains("Accept", "User-Agent");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("resources")
    void isAColouredTextTableForCurl(Page r) {
        KernelClient.Reply got = get(r.path(), "User-Agent", CURL, "Accept", "*/*");
        assertThat(got.status()).as(got.body()).isEqualTo(200);
        assertThat(got.contentType()).isEqualTo("text/plain; charset=utf-8");
        assertThat(got.body()).contains(r.shows(), ESC).doesNotStartWith("{").doesNotContain("<html");
        assertThat(got.vary()).contains("Accept", "User-Agent");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("resources")
    void isPlainTextWithoutColourForAcceptTextPlain(Page r) {
        KernelClient.Reply got = get(r.path(), "Accept", "text/plain");
        assertThat(got.contentType()).isEqualTo("text/plain; charset=utf-8");
        assertThat(got.body()).contains(r.shows()).doesNotContain("\u001b");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("resources")
    void isAWellFormedHtmlPageForABrowser(Page r) {
        KernelClient.Reply got = get(r.path(), "User-Agent", "Mozilla/5.0", "Accept",
                "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        assertThat(got.status()).as(got.body()).isEqualTo(200);
        assertThat(got.contentType()).isEqualTo("text/html; charset=utf-8");
        assertThat(got.body()).contains("<html", r.shows());
        assertThat(Xml.text(Xml.parse(got.body()), "/html/head/title")).startsWith("Vigil: ");
        assertThat(got.vary()).contains("Accept", "User-Agent");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("resources")
    void formatOverridesAcceptAndUserAgent(Page r) {
        String sep = r.path().contains("?") ? "&" : "?";
        assertThat(get(r.path() + sep + "format=json", "User-Agent", CURL).contentType()).isEqualTo("application/json");
        assertThat(get(r.path() + sep + "format=html", "Accept", "application/json").contentType())
                .startsWith("text/html");
        KernelClient.Reply text = get(r.path() + sep + "format=text", "Accept", "text/html");
        assertThat(text.contentType()).startsWith("text/plain");
        assertThat(text.body()).doesNotContain("\u001b");
        assertThat(get(r.path() + sep + "format=text&color=never", "User-Agent", CURL).body()).doesNotContain("\u001b");
        assertThat(get(r.path() + sep + "format=text&color=always").body()).contains(ESC);
    }

    @Test
    void curlAskingForJsonGetsJson() {
        KernelClient.Reply got = get("/api/v1/summary", "User-Agent", CURL, "Accept", "application/json");
        assertThat(got.contentType()).isEqualTo("application/json");
        assertThat(got.json().path("hosts").asInt()).isEqualTo(5);
    }

    @Test
    void theRootIsTheFleetSummary() {
        assertThat(get("/").body()).isEqualTo(get("/api/v1/summary").body());
        assertThat(get("/", "User-Agent", CURL).body()).contains("Vigil fleet: 5 hosts");
    }

    @Test
    void theSchemaIsAlwaysTheJsonSchemaDocument() {
        KernelClient.Reply got = client.get("/schema/report.json", null, "User-Agent", CURL, "Accept", "text/html");
        assertThat(got.contentType()).isEqualTo("application/schema+json");
        assertThat(got.json().has("$schema")).isTrue();
        assertThat(got.vary()).doesNotContain("Accept", "User-Agent");
    }

    @Test
    void aBadFormatOrColourIsA400NamingTheParameter() {
        KernelClient.Reply format = get("/api/v1/controls?format=xml");
        assertProblem(format, 400);
        assertThat(format.json().path("parameter").asText()).isEqualTo("format");
        assertThat(format.json().path("detail").asText()).contains("json, text or html");
        KernelClient.Reply color = get("/api/v1/hosts?format=text&color=pink");
        assertProblem(color, 400);
        assertThat(color.json().path("parameter").asText()).isEqualTo("color");
    }

    @Test
    void problemsStayJsonProblemDocumentsForTerminalsAndBrowsers() {
        assertProblem(get("/api/v1/hosts/nope", "User-Agent", CURL), 404);
        assertProblem(get("/api/v1/hosts/nope", "Accept", "text/html"), 404);
        assertProblem(client.get("/api/v1/summary", null, "User-Agent", CURL), 401);
    }

    @Test
    void eachRenditionHasItsOwnEtagAndAnswers304OnlyToItsOwnTag() {
        KernelClient.Reply json = get("/api/v1/controls");
        KernelClient.Reply text = get("/api/v1/controls", "User-Agent", CURL);
        KernelClient.Reply plain = get("/api/v1/controls", "Accept", "text/plain");
        KernelClient.Reply html = get("/api/v1/controls", "Accept", "text/html");
        List<String> tags = Stream.of(json, text, plain, html).map(r -> r.header("etag").orElseThrow()).toList();
        assertThat(tags).doesNotHaveDuplicates();

        KernelClient.Reply textWithJsonTag = get("/api/v1/controls", "User-Agent", CURL, "If-None-Match", tags.get(0));
        assertThat(textWithJsonTag.status()).isEqualTo(200);
        assertThat(textWithJsonTag.body()).isEqualTo(text.body());

        KernelClient.Reply textNotModified = get("/api/v1/controls", "User-Agent", CURL, "If-None-Match", tags.get(1));
        assertThat(textNotModified.status()).isEqualTo(304);
        assertThat(textNotModified.header("etag")).hasValue(tags.get(1));
        assertThat(textNotModified.vary()).contains("Accept", "User-Agent");
        assertThat(get("/api/v1/controls", "Accept", "text/html", "If-None-Match", tags.get(3)).status()).isEqualTo(304);
        assertThat(get("/api/v1/controls", "If-None-Match", tags.get(3)).status()).isEqualTo(200);
    }

    @Test
    void pagingLinksKeepTheFiltersInEachRepresentation() {
        String next = get("/api/v1/hosts?os=linux&limit=1").json().path("next").asText();
        assertThat(get("/api/v1/hosts?os=linux&limit=1", "User-Agent", CURL).body())
                .contains("Next page: /api/v1/hosts?os=linux&limit=1&cursor=" + next);
        assertThat(get("/api/v1/hosts?os=linux&limit=1", "Accept", "text/html").body())
                .contains("href=\"/api/v1/hosts?os=linux&amp;limit=1&amp;cursor=" + next + "&amp;format=html\"");
    }
}
