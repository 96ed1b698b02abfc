package dev.vigil.server.http;

import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty raises itself (no route matched, a body over the limit, a malformed request) as problem
 * documents, like every other error of the API.
 */
final class ProblemErrorHandler extends ErrorHandler {

    private static final System.Logger LOG = System.getLogger(ProblemErrorHandler.class.getName());

    private final long bodyLimit;

    ProblemErrorHandler(long bodyLimit) {
        this.bodyLimit = bodyLimit;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        Problem p = switch (code) {
            case HttpStatus.NOT_FOUND_404 -> Problem.notFound("no resource at " + request.getHttpURI().getCanonicalPath());
            case HttpStatus.PAYLOAD_TOO_LARGE_413 -> Problem.tooLarge(bodyLimit);
            case HttpStatus.INTERNAL_SERVER_ERROR_500 -> {
                LOG.log(System.Logger.Level.ERROR, "failed to answer " + request.getMethod() + " "
                        + request.getHttpURI().getCanonicalPath(), cause);
                yield Problem.internal();
            }
            default -> Problem.of(code, "http-" + code, HttpStatus.getMessage(code),
                    code >= 500 ? "the server could not answer this request"
                            : "the request was rejected: " + HttpStatus.getMessage(code));
        };
        Route.writeProblem(response, callback, p);
    }
}
