import dev.vigil.server.metrics.*;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.http.pathmap.UriTemplatePathSpec;
import org.eclipse.jetty.server.*;
import org.eclipse.jetty.server.handler.PathMappingsHandler;
import org.eclipse.jetty.util.Callback;
import java.lang.reflect.Proxy;
import java.util.List;

/**
 * What the metrics cost per request: the kernel's routes behind {@link MeteringHandler} and {@link MeteredRoutes}
 * against a bare {@link PathMappingsHandler} with the same route templates, both routing
 * {@code GET /api/v1/controls} to a handler that completes at once, in one thread, in process. Requests and
 * responses are JDK proxies answering only what routing asks (method, URI, context, status), so the absolute
 * numbers include proxy calls; the difference is the metering. Each round alternates short chunks of both and keeps
 * the best chunk of each.
 *
 * <pre>{@code
 * ./mvnw -B -q -o -pl vigil-server -am package -DskipTests
 * ./mvnw -B -q -o -pl vigil-server dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * java -cp vigil-server/target/classes:$(cat /tmp/cp.txt) bench/MeteringOverhead.java
 * }</pre>
 */
public class MeteringOverhead {
    static final List<String> TEMPLATES = List.of("/api/v1/reports", "/api/v1/reports/{report_id}", "/api/v1/summary",
            "/api/v1/hosts", "/api/v1/hosts/{host_id}", "/api/v1/hosts/{host_id}/reports", "/api/v1/hosts/{host_id}/diff",
            "/api/v1/controls", "/api/v1/controls/{id}", "/healthz", "/readyz", "/schema/report.json", "/metrics", "/openapi.json");

    static final Handler DONE = new Handler.Abstract.NonBlocking() {
        @Override public boolean handle(Request request, Response response, Callback callback) {
            callback.succeeded();
            return true;
        }
    };

    @SuppressWarnings("unchecked")
    static <T> T proxy(Class<T> type, java.util.function.Function<String, Object> answers) {
        return (T) Proxy.newProxyInstance(MeteringOverhead.class.getClassLoader(), new Class<?>[]{type}, (p, m, a) -> {
            Object v = answers.apply(m.getName());
            if (v != null) return v;
            Class<?> r = m.getReturnType();
            if (r == boolean.class) return false;
            if (r == int.class) return 0;
            if (r == long.class) return 0L;
            return null;
        });
    }

    public static void main(String[] args) throws Exception {
        PathMappingsHandler bare = new PathMappingsHandler();
        MeteredRoutes metered = new MeteredRoutes();
        for (String t : TEMPLATES) {
            bare.addMapping(new UriTemplatePathSpec(t), DONE);
            metered.addMapping(new UriTemplatePathSpec(t), DONE);
        }
        Handler wrapped = new MeteringHandler(metered, new MetricsRegistry());
        HttpURI uri = HttpURI.from("http://127.0.0.1:8080/api/v1/controls");
        Context context = (Context) Proxy.newProxyInstance(MeteringOverhead.class.getClassLoader(),
                new Class<?>[]{Context.class}, (p, m, a) -> m.getName().equals("getPathInContext") ? a[0] : null);
        Request req = proxy(Request.class, n -> switch (n) {
            case "getMethod" -> "GET";
            case "getHttpURI" -> uri;
            case "getContext" -> context;
            default -> null;
        });
        Response resp = proxy(Response.class, n -> switch (n) {
            case "getStatus" -> 200;
            case "isCommitted" -> true;
            default -> null;
        });
        Callback cb = Callback.NOOP;
        // short alternating chunks, best of each: other processes on the machine inflate some chunks, never shrink one
        int chunk = 100_000;
        for (int round = 0; round < 10; round++) {
            double bestBare = Double.MAX_VALUE;
            double bestMetered = Double.MAX_VALUE;
            for (int i = 0; i < 20; i++) {
                bestBare = Math.min(bestBare, time(bare, req, resp, cb, chunk) / (double) chunk);
                bestMetered = Math.min(bestMetered, time(wrapped, req, resp, cb, chunk) / (double) chunk);
            }
            System.out.printf("round %d: bare %.1f ns/request, metered %.1f ns/request, difference %.1f ns%n",
                    round, bestBare, bestMetered, bestMetered - bestBare);
        }
    }

    static long time(Handler h, Request req, Response resp, Callback cb, int n) throws Exception {
        long t = System.nanoTime();
        for (int i = 0; i < n; i++) {
            if (!h.handle(req, resp, cb)) throw new IllegalStateException("no match");
        }
        return System.nanoTime() - t;
    }
}
