package dev.vigil.server.http;

import dev.vigil.server.fleet.FleetView;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.http.pathmap.PathSpec;
import org.eclipse.jetty.http.pathmap.ServletPathSpec;
import org.eclipse.jetty.http.pathmap.UriTemplatePathSpec;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

import java.nio.ByteBuffer;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;

/**
 * One path template with its methods. Blocking (it may read the store), so Jetty runs it on a virtual thread.
 * Every failure becomes a problem document here: an {@link ApiException} as it says, anything else as a 500
 * with the cause logged and not shown.
 */
final class Route extends Handler.Abstract {

    private static final System.Logger LOG = System.getLogger(Route.class.getName());
    private static final HttpField VARY =
            new PreEncodedHttpField(HttpHeader.VARY, "Accept-Encoding, Accept, User-Agent");
    private static final HttpField VARY_ENCODING = new PreEncodedHttpField(HttpHeader.VARY, "Accept-Encoding");
    private static final HttpField GZIP = new PreEncodedHttpField(HttpHeader.CONTENT_ENCODING, "gzip");

    /** How a method of this route is served. */
    enum Caching {
        /** Rendered on every request. */
        NONE,
        /** Cached per fleet version. */
        BY_VERSION,
        /** Cached per fleet version and minute (the answer depends on the time, e.g. stale hosts). */
        BY_VERSION_AND_MINUTE
    }

    record Binding(Access access, Caching caching, Endpoint endpoint) {
        Binding {
            Objects.requireNonNull(access, "access");
            Objects.requireNonNull(caching, "caching");
            Objects.requireNonNull(endpoint, "endpoint");
        }
    }

    /** What all routes share; {@code blocking} runs whatever may wait (store, ingest, rendering a miss). */
    record Shared(Auth auth, FleetView fleet, InstantSource clock, ResponseCache cache, Executor blocking) {
    }

    private final PathSpec spec;
    private final Map<String, Binding> methods = new LinkedHashMap<>();
    private final Shared shared;

    Route(String template, Shared shared) {
        // a literal path is matched by a hash look-up; a template by its regex, tried in turn with the others
        this.spec = template.contains("{") || template.equals("/")
                ? new UriTemplatePathSpec(template) : new ServletPathSpec(template);
        this.shared = shared;
    }

    PathSpec spec() {
        return spec;
    }

    /** The methods this route answers. */
    Set<String> methods() {
        return Set.copyOf(methods.keySet());
    }

    Route on(String method, Access access, Caching caching, Endpoint endpoint) {
        methods.put(method, new Binding(access, caching, endpoint));
        return this;
    }

    /**
     * Non-blocking as far as Jetty knows: a read answered from the response cache is written on the thread that
     * parsed the request, with no hand-off (most of the kernel's traffic, and what keeps it level with nginx);
     * anything else (a cache miss, the store, an ingest) goes to a virtual thread of its own.
     */
    @Override
    public InvocationType getInvocationType() {
        return InvocationType.NON_BLOCKING;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        Binding b = methods.get(request.getMethod());
        if (b == null || b.caching() == Caching.NONE || !answeredFromCache(request, response, callback, b)) {
            shared.blocking().execute(() -> answer(request, response, callback, b));
        }
        return true;
    }

    /** Answers from the cache if the body is there; false (having written nothing) if it must be rendered. */
    private boolean answeredFromCache(Request request, Response response, Callback callback, Binding b) {
        try {
            shared.auth().check(request, b.access());
            Fields query = Request.extractQueryParameters(request);
            Rendition rendition = Rendition.of(request, query);
            long version = shared.fleet().version();
            ResponseCache.Entry e = shared.cache().get(cacheKey(request, rendition), version, minute(b)).orElse(null);
            if (e == null) {
                return false;
            }
            boolean gzip = Compression.wanted(request, e.body.bytes());
            // a body whose gzip encoding is still to be made is deflated on the blocking path, not here
            if (gzip && !e.hasGzipped()) {
                return false;
            }
            sendCached(request, response, callback, e, gzip);
            return true;
        } catch (ApiException e) {
            fail(response, callback, e);
            return true;
        } catch (RuntimeException e) {
            return false; // the blocking path answers, and logs what went wrong
        }
    }

    private void answer(Request request, Response response, Callback callback, Binding b) {
        try {
            if (b == null) {
                response.getHeaders().put(HttpHeader.ALLOW, String.join(", ", methods.keySet()));
                throw new ApiException(Problem.of(405, "method-not-allowed", "Method not allowed",
                        request.getMethod() + " is not allowed on " + spec.getDeclaration() + "; allowed: "
                                + String.join(", ", methods.keySet())));
            }
            shared.auth().check(request, b.access());
            serve(request, response, callback, b);
        } catch (ApiException e) {
            fail(response, callback, e);
        } catch (Throwable t) {
            LOG.log(System.Logger.Level.ERROR, "failed to answer " + request.getMethod() + " "
                    + request.getHttpURI().getCanonicalPath(), t);
            writeProblem(response, callback, Problem.internal());
        }
    }

    private static void fail(Response response, Callback callback, ApiException e) {
        if (e.problem().status() == 401) {
            response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, Auth.CHALLENGE);
        }
        writeProblem(response, callback, e.problem());
    }

    private void serve(Request request, Response response, Callback callback, Binding b) throws Exception {
        String path = request.getHttpURI().getCanonicalPath();
        Fields query = Request.extractQueryParameters(request);
        Rendition rendition = HttpMethod.GET.is(request.getMethod()) ? Rendition.of(request, query) : Rendition.JSON;
        if (b.caching() == Caching.NONE) {
            Object body = b.endpoint().handle(call(request, path, query));
            int status = HttpStatus.OK_200;
            if (body instanceof Created c) {
                status = c.status();
                body = c.document();
            }
            writeFresh(request, response, callback, status, Renderers.render(rendition, body));
            return;
        }
        // read the version before the data: a body tagged with an older version is at worst rendered again
        long version = shared.fleet().version();
        long minute = minute(b);
        String key = cacheKey(request, rendition);
        ResponseCache.Entry e = shared.cache().get(key, version, minute).orElse(null);
        if (e == null) {
            Object body = b.endpoint().handle(call(request, path, query));
            e = shared.cache().put(key, version, minute, Renderers.render(rendition, body));
        }
        sendCached(request, response, callback, e, Compression.wanted(request, e.body.bytes()));
    }

    private long minute(Binding b) {
        return b.caching() == Caching.BY_VERSION_AND_MINUTE ? shared.clock().millis() / 60_000 : 0;
    }

    private static String cacheKey(Request request, Rendition rendition) {
        return ResponseCache.key(rendition, request.getHttpURI().getCanonicalPath(), request.getHttpURI().getQuery());
    }

    private static void sendCached(Request request, Response response, Callback callback, ResponseCache.Entry e,
                                   boolean gzip) {
        ResponseCache.Encoded sent = gzip ? e.gzipped() : e.identity;
        // added, not put: nothing before this sets these fields, and put searches the fields for each
        HttpFields.Mutable headers = response.getHeaders();
        if (e.matchedBy(request.getHeaders().get(HttpHeader.IF_NONE_MATCH))) {
            response.setStatus(HttpStatus.NOT_MODIFIED_304);
            headers.add(sent.etag());
            vary(response, e.body);
            // RFC 9110 8.6: a 304's Content-Length may only be that of the 200 it stands for (Jetty would say 0)
            headers.add(sent.contentLength());
            // a last write, not a callback completed with nothing written: Jetty then writes the last part itself,
            // and in a cold kernel that raced with the completion (the kind of race of Jetty issue 14745): the next
            // request on the connection failed ("last already written") and its connection was closed unanswered,
            // in 10 of 70 starts; none in 75 since
            response.write(true, null, callback);
            return;
        }
        response.setStatus(HttpStatus.OK_200);
        if (gzip) {
            headers.add(GZIP);
        }
        headers.add(e.contentType);
        headers.add(sent.etag());
        vary(response, e.body);
        headers.add(sent.contentLength());
        response.write(true, ByteBuffer.wrap(sent.bytes()), callback);
    }

    private Call call(Request request, String path, Fields query) {
        Map<String, String> params = spec instanceof UriTemplatePathSpec t ? t.getPathParams(path) : null;
        return new Call(request, params == null ? Map.of() : params, query);
    }

    /** A body rendered for this request alone, gzipped when it is large enough and the client takes gzip. */
    private static void writeFresh(Request request, Response response, Callback callback, int status,
                                   Renderers.Rendered body) {
        if (Compression.wanted(request, body.bytes())) {
            response.getHeaders().put(GZIP);
            write(response, callback, status, body.withBytes(Compression.gzipOnce(body.bytes())));
        } else {
            write(response, callback, status, body);
        }
    }

    private static void write(Response response, Callback callback, int status, Renderers.Rendered body) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, body.contentType());
        vary(response, body);
        response.getHeaders().put(new HttpField(HttpHeader.CONTENT_LENGTH, Integer.toString(body.bytes().length)));
        response.write(true, ByteBuffer.wrap(body.bytes()), callback);
    }

    /**
     * A body may come gzipped, and a negotiated one depends on these request headers too; shared caches must keep
     * the encodings and renditions apart. One field, merged only with a Vary already there (CORS's Origin).
     */
    private static void vary(Response response, Renderers.Rendered body) {
        HttpField vary = body.negotiated() ? VARY : VARY_ENCODING;
        HttpFields.Mutable headers = response.getHeaders();
        if (headers.contains(HttpHeader.VARY)) {
            headers.ensureField(vary); // parses and merges: only worth it when there is something to merge with
        } else {
            headers.add(vary);
        }
    }

    static void writeProblem(Response response, Callback callback, Problem problem) {
        byte[] bytes = Renderers.json(problem.members());
        response.setStatus(problem.status());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problem.MEDIA_TYPE);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put(new HttpField(HttpHeader.CONTENT_LENGTH, Integer.toString(bytes.length)));
        response.write(true, ByteBuffer.wrap(bytes), callback);
    }
}
