package dev.vigil.server.http;

import java.util.Objects;

/** Ends a request with a problem document; thrown by endpoints, turned into a response by the route. */
final class ApiException extends RuntimeException {

    private final transient Problem problem;

    ApiException(Problem problem) {
        super(problem.detail(), null, false, false);
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    Problem problem() {
        return problem;
    }
}
