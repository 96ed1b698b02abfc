/**
 * The kernel's HTTP API on Jetty core handlers (no servlets): routes, authentication, problem documents
 * (RFC 9457), the response cache with ETags, and report ingest.
 *
 * <p>Every response body is chosen by a {@link dev.vigil.server.http.Representation} per request; JSON is the
 * only representation so far. Endpoints return documents (records), never bytes, so adding a text or HTML
 * rendering means adding a representation and its renderer, not touching the endpoints.
 */
package dev.vigil.server.http;
