package dev.vigil.server.http;

/** One method on one route: a call in, a document out; throws {@link ApiException} for a problem. */
@FunctionalInterface
interface Endpoint {
    Object handle(Call call) throws Exception;
}
