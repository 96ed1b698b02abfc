package dev.vigil.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.core.catalog.Catalog;
import dev.vigil.core.report.OsFamily;
import dev.vigil.core.report.Report;
import dev.vigil.core.report.Status;
import dev.vigil.server.Kernel;
import dev.vigil.server.KernelConfig;
import dev.vigil.server.fleet.FleetView;
import dev.vigil.server.metrics.IngestMetrics;
import dev.vigil.server.metrics.MeteredRoutes;
import dev.vigil.server.store.SqliteReportStore;
import org.eclipse.jetty.server.Handler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code docs/openapi.yaml} against the routes the kernel really has and the documents it really sends. */
class OpenApiTest {

    static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    static final String HOST = "0123456789abcdef0123456789abcdef";

    @TempDir
    Path dir;

    final Fleet.TestClock clock = new Fleet.TestClock();

    /** "METHOD template" of every route in the router. */
    Set<String> routed() {
        try (SqliteReportStore store = SqliteReportStore.open(dir, clock)) {
            FleetView fleet = new FleetView(clock);
            Catalog catalog = store.catalog();
            Route.Shared shared = new Route.Shared(new Auth(store, false), fleet, clock, new ResponseCache(),
                    Runnable::run);
            MeteredRoutes routes = Routes.build(shared, new Api(store, fleet, catalog, KernelConfig.DEFAULT_STALE_AFTER),
                    new Ingest(store, fleet, catalog, clock, 1024, new IngestMetrics()), call -> "", call -> "");
            Set<String> routed = new TreeSet<>();
            for (Handler h : routes.getHandlers()) {
                Route r = (Route) h;
                r.methods().forEach(m -> routed.add(m + " " + r.spec().getDeclaration()));
            }
            return routed;
        }
    }

    /** "METHOD path" of every operation the document describes. */
    static Set<String> documented(JsonNode doc) {
        Set<String> documented = new TreeSet<>();
        for (Map.Entry<String, JsonNode> path : doc.path("paths").properties()) {
            for (Iterator<String> it = path.getValue().fieldNames(); it.hasNext(); ) {
                String key = it.next();
                if (METHODS.contains(key)) {
                    documented.add(key.toUpperCase(Locale.ROOT) + " " + path.getKey());
                }
            }
        }
        return documented;
    }

    @Test
    void everyRouteIsDocumentedAndEveryDocumentedOperationIsRouted() {
        Set<String> routed = routed();
        assertThat(routed).hasSizeGreaterThan(10);
        assertThat(documented(OpenApi.tree())).containsExactlyInAnyOrderElementsOf(routed);
    }

    @Test
    void everyReferenceInTheDocumentResolves() {
        JsonNode doc = OpenApi.tree();
        List<String> refs = new ArrayList<>();
        collectRefs(doc, refs);
        assertThat(refs).isNotEmpty();
        for (String ref : refs) {
            if (ref.startsWith("#/")) {
                assertThat(doc.at(ref.substring(1)).isMissingNode()).as(ref).isFalse();
            } else {
                assertThat(ref).isEqualTo("/schema/report.json");
            }
        }
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.has("$ref") && node.get("$ref").isTextual()) {
            refs.add(node.get("$ref").asText());
        }
        node.elements().forEachRemaining(child -> collectRefs(child, refs));
    }

    @Test
    void theServedDocumentIsTheYamlAsJsonAndDeclaresOpenApi31() throws Exception {
        try (Kernel kernel = Kernel.start(KernelConfig.defaults(dir).withPort(0).withClock(clock))) {
            KernelClient.Reply r = new KernelClient(kernel).get("/openapi.json", null);

            assertThat(r.status()).isEqualTo(200);
            assertThat(r.contentType()).startsWith("application/json");
            assertThat(r.header("etag")).isPresent();
            JsonNode served = new ObjectMapper().readTree(r.body());
            assertThat(served.path("openapi").asText()).matches("3\\.1\\.\\d+");
            assertThat(served).isEqualTo(OpenApi.tree());
            assertThat(served.at("/components/securitySchemes/bearer/scheme").asText()).isEqualTo("bearer");
        }
    }

    @Test
    void realResponsesValidateAgainstTheDeclaredSchemas() {
        Tokens tokens = Tokens.create(dir, clock);
        String writer = tokens.writer();
        String reader = tokens.reader();
        OpenApiSchemas schemas = new OpenApiSchemas(OpenApi.tree());
        try (Kernel kernel = Kernel.start(KernelConfig.defaults(dir).withPort(0).withClock(clock))) {
            KernelClient client = new KernelClient(kernel);
            Report first = Fleet.report(HOST, "web-1", OsFamily.LINUX, 0, Status.PASS, Status.PASS, Status.PASS);
            Report worse = Fleet.report(HOST, "web-1", OsFamily.LINUX, 10, Status.FAIL, Status.PASS, Status.WARN);
            Report other = Fleet.report("fedcba9876543210fedcba9876543210", "db-1", OsFamily.WINDOWS, 5,
                    Status.PASS, Status.FAIL, Status.PASS);
            client.ingest(writer, first);
            client.ingest(writer, other);

            KernelClient.Reply stored = client.ingest(writer, worse);
            assertValid(schemas, "/api/v1/reports", "POST", stored, 201);
            assertValid(schemas, "/api/v1/reports", "POST", client.ingest(writer, worse), 200);
            assertValid(schemas, "/api/v1/reports", "POST", client.post("/api/v1/reports", writer, "{\"schema\":1}"), 400);
            assertValid(schemas, "/api/v1/reports", "POST", client.ingest(reader, worse), 403);

            assertValid(schemas, "/api/v1/summary", "GET", client.get("/api/v1/summary", reader), 200);
            assertValid(schemas, "/", "GET", client.get("/", reader), 200);
            assertValid(schemas, "/api/v1/controls", "GET", client.get("/api/v1/controls?format=pdf", reader), 400);
            assertValid(schemas, "/api/v1/summary", "GET", client.get("/api/v1/summary", null), 401);
            assertValid(schemas, "/api/v1/hosts", "GET", client.get("/api/v1/hosts?limit=1", reader), 200);
            assertValid(schemas, "/api/v1/hosts", "GET", client.get("/api/v1/hosts?limit=x", reader), 400);
            assertValid(schemas, "/api/v1/hosts/{host_id}", "GET", client.get("/api/v1/hosts/" + HOST, reader), 200);
            assertValid(schemas, "/api/v1/hosts/{host_id}", "GET", client.get("/api/v1/hosts/nope", reader), 404);
            assertValid(schemas, "/api/v1/hosts/{host_id}/reports", "GET",
                    client.get("/api/v1/hosts/" + HOST + "/reports", reader), 200);
            assertValid(schemas, "/api/v1/hosts/{host_id}/diff", "GET",
                    client.get("/api/v1/hosts/" + HOST + "/diff", reader), 200);
            assertValid(schemas, "/api/v1/reports/{report_id}", "GET",
                    client.get("/api/v1/reports/" + worse.reportId(), reader), 200);
            assertValid(schemas, "/api/v1/controls", "GET", client.get("/api/v1/controls", reader), 200);
            assertValid(schemas, "/api/v1/controls/{id}", "GET",
                    client.get("/api/v1/controls/" + Fleet.FIREWALL, reader), 200);
            assertValid(schemas, "/healthz", "GET", client.get("/healthz", null), 200);
            assertValid(schemas, "/readyz", "GET", client.get("/readyz", null), 200);
        }
    }

    static void assertValid(OpenApiSchemas schemas, String path, String method, KernelClient.Reply r, int status) {
        assertThat(r.status()).as(method + " " + path + ": " + r.body()).isEqualTo(status);
        String mediaType = r.contentType().replaceFirst(";.*", "");
        assertThat(schemas.violations(path, method, status, mediaType, r.body()))
                .as(method + " " + path + " " + status + ": " + r.body()).isEmpty();
    }

    /** The validation above must be able to fail: a document missing a required member, or with an extra one. */
    @Test
    void theDeclaredSchemasRejectWhatTheyShould() {
        OpenApiSchemas schemas = new OpenApiSchemas(OpenApi.tree());
        assertThat(schemas.violations("/healthz", "get", 200, "application/json", "{\"status\":\"ok\"}")).isEmpty();
        assertThat(schemas.violations("/healthz", "get", 200, "application/json", "{}")).isNotEmpty();
        assertThat(schemas.violations("/api/v1/hosts", "get", 200, "application/json",
                "{\"hosts\":[],\"next\":null,\"extra\":1}")).isNotEmpty();
        assertThat(schemas.violations("/api/v1/hosts", "get", 400, "application/problem+json",
                "{\"type\":\"/problems/x\",\"title\":\"X\",\"status\":400}")).isNotEmpty();
    }
}
