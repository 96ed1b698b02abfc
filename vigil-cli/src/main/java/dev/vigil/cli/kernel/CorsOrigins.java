package dev.vigil.cli.kernel;

import dev.vigil.cli.UsageException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;

/** Checks {@code --cors-origin} values: an origin is a scheme, a host and maybe a port, nothing more. */
final class CorsOrigins {

    private CorsOrigins() {
    }

    static List<String> check(List<String> origins) {
        for (String origin : origins) {
            if (!isOrigin(origin)) {
                throw new UsageException("--cors-origin '" + origin + "' is not an origin; write scheme://host[:port],"
                        + " e.g. https://dash.example.org, without a path or a trailing slash");
            }
        }
        return origins;
    }

    private static boolean isOrigin(String origin) {
        try {
            URI uri = new URI(origin);
            return (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
                    && uri.getRawPath().isEmpty() && uri.getRawQuery() == null && uri.getRawFragment() == null
                    && uri.getRawUserInfo() == null);
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
