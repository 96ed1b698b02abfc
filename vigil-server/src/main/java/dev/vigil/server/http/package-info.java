/**
 * The kernel's HTTP API on Jetty core handlers (no servlets): routes, authentication, problem documents
 * (RFC 9457), the response cache with ETags, and report ingest.
 *
 * <p>A GET endpoint answers a {@link dev.vigil.server.http.Resource}: its JSON document and how the text and HTML
 * views show it. The {@link dev.vigil.server.http.Rendition} the request asks for (see
 * {@link dev.vigil.server.view.Negotiation}) picks one, and the response cache keeps each rendition's bytes and
 * ETag apart, with {@code Vary: Accept, User-Agent}. Problem documents are JSON whatever the rendition: a
 * terminal shows them readably as they are, and scripts can parse them.
 */
package dev.vigil.server.http;
