package dev.vigil.server.metrics;

import org.eclipse.jetty.http.pathmap.PathSpec;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.PathMappingsHandler;

import java.util.ArrayList;
import java.util.List;

/**
 * Routes by path spec, as {@link PathMappingsHandler} does, and tells a {@link MeteringHandler} around it which
 * spec matched: Jetty keeps the match to the request it hands the route, which the wrapper never sees.
 */
public final class MeteredRoutes extends PathMappingsHandler {

    private final List<PathSpec> specs = new ArrayList<>();
    private volatile InvocationType invocationType = InvocationType.NON_BLOCKING;

    @Override
    public void addMapping(PathSpec pathSpec, Handler handler) {
        super.addMapping(pathSpec, handler);
        specs.add(pathSpec);
        if (handler.getInvocationType() != InvocationType.NON_BLOCKING) {
            invocationType = InvocationType.BLOCKING;
        }
    }

    /**
     * Non-blocking when every route is (PathMappingsHandler itself says blocking whatever its routes are, and one
     * blocking handler in the chain makes Jetty hand every request to another thread).
     */
    @Override
    public InvocationType getInvocationType() {
        return invocationType;
    }

    /** The declarations of the mapped specs (route templates), in the order they were added. */
    public List<String> templates() {
        return specs.stream().map(PathSpec::getDeclaration).toList();
    }

    @Override
    protected Request newPathSpecRequest(Request request, PathSpec pathSpec) {
        MeteringHandler.Exchange exchange = Request.as(request, MeteringHandler.Exchange.class);
        if (exchange != null) {
            exchange.matched(indexOf(pathSpec));
        }
        // each route knows its own spec; Jetty's wrapper would only carry it to them as a request attribute, at the
        // cost of a wrapper and an attribute map for every request
        return request;
    }

    private int indexOf(PathSpec pathSpec) {
        for (int i = 0; i < specs.size(); i++) {
            if (specs.get(i) == pathSpec) {
                return i;
            }
        }
        throw new IllegalStateException("matched a path spec that was never mapped: " + pathSpec);
    }
}
