package com.ardesk.gateway.web;

import com.ardesk.gateway.problem.Problems;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A URI over {@value #MAX_URI} characters is a 414 problem, headers over {@value #MAX_HEADER_BYTES}
 * bytes a 431 problem, a path or query that does not decode or holds a character that must be
 * percent-encoded a 400 problem naming it. The HTTP codec's own limits (quarkus.http.limits.max-initial-line-length,
 * max-header-size) are set above these, because the codec answers with an empty body. Whatever else
 * the HTTP layer fails a request with (a malformed request, a body cut off) is answered as a problem
 * by the last-resort failure handler installed here, and a path nothing serves by a 404 problem.
 */
@ApplicationScoped
public class RequestLimits {
    static final int MAX_URI = 4096;
    static final int MAX_HEADER_BYTES = 32 * 1024;
    private static final String OWN_OPENAPI = "/q/openapi";

    void register(@Observes Filters filters) {
        // after RequestIds (1000) and CorsPolicy (990), so every problem has the request id and CORS headers
        filters.register(RequestLimits::check, 980);
    }

    void failures(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(RequestLimits::failed);
        // Vert.x decodes the path to match routes; a broken percent-encoding (/claims/%%%x) fails
        // there, before any route or filter, and the router answers through this handler
        router.errorHandler(400, RequestLimits::unmatchable);
        // a path no route serves (/q/metrics is on the management port, for one) is a problem too
        router.route().order(Integer.MAX_VALUE).handler(rc -> Problems.send(rc, 404, "not-found", "Not Found",
                "no resource at " + (rc.request().path().length() > 200 ? rc.request().path().substring(0, 200)
                        : rc.request().path())));
    }

    private static void check(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        if (request.path() != null && request.path().startsWith(OWN_OPENAPI)) {
            // the gateway's own document describes its internals; clients read the merged /openapi
            Problems.send(rc, 404, "not-found", "Not Found", "no resource at " + OWN_OPENAPI + "; the API is at /openapi");
            return;
        }
        if (request.uri().length() > MAX_URI) {
            Problems.send(rc, 414, "uri-too-long", "URI Too Long",
                    "the request URI is longer than " + MAX_URI + " characters");
            return;
        }
        int headerBytes = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            headerBytes += header.getKey().length() + header.getValue().length() + 4;
        }
        if (headerBytes > MAX_HEADER_BYTES) {
            Problems.send(rc, 431, "headers-too-large", "Request Header Fields Too Large",
                    "the request headers are larger than " + MAX_HEADER_BYTES + " bytes");
            return;
        }
        String[] error = uriError(request.uri());
        if (error != null) {
            Problems.invalid(rc, error[0], error[1]);
            return;
        }
        rc.next();
    }

    /** No filter ran: the request id is set here, and the problem names what did not decode. */
    private static void unmatchable(RoutingContext rc) {
        RequestIds.ensure(rc);
        String[] error = uriError(rc.request().uri());
        if (error == null) {
            Problems.invalid(rc, "request", "is malformed");
        } else {
            Problems.invalid(rc, error[0], error[1]);
        }
    }

    /**
     * The field and reason a URI is refused for, or null: a percent-encoding that does not decode, or
     * a character java.net.URI refuses unencoded (what Quarkus refused with an empty 400 before
     * {@link UriValidationSwitch} handed the check over).
     */
    static String[] uriError(String uri) {
        int q = uri.indexOf('?');
        if (decoded(q < 0 ? uri : uri.substring(0, q)) == null) {
            return new String[] {"path", "has a broken percent-encoding"};
        }
        if (q >= 0) {
            for (String pair : uri.substring(q + 1).split("&")) {
                int eq = pair.indexOf('=');
                String name = decoded(eq < 0 ? pair : pair.substring(0, eq));
                if (name == null || decoded(eq < 0 ? "" : pair.substring(eq + 1)) == null) {
                    return new String[] {parameterName(name), "has a broken percent-encoding"};
                }
            }
        }
        try {
            new URI(uri);
            return null;
        } catch (URISyntaxException e) {
            if (q < 0 || e.getIndex() <= q) {
                return new String[] {"path", "has a character that must be percent-encoded"};
            }
            int at = e.getIndex() - q - 1;
            int start = 0;
            for (String pair : uri.substring(q + 1).split("&", -1)) {
                if (at < start + pair.length() + 1) {
                    int eq = pair.indexOf('=');
                    String name = eq < 0 || at - start <= eq ? null : decoded(pair.substring(0, eq));
                    return new String[] {parameterName(name), "has a character that must be percent-encoded"};
                }
                start += pair.length() + 1;
            }
            return new String[] {"query", "has a character that must be percent-encoded"};
        }
    }

    private static String parameterName(String decodedName) {
        return decodedName == null || decodedName.isEmpty() || decodedName.length() > 64 ? "query" : decodedName;
    }

    private static String decoded(String component) {
        try {
            return QueryStringDecoder.decodeComponent(component, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static void failed(RoutingContext rc) {
        int status = rc.statusCode();
        if (status < 400 || status >= 500) {
            // the routes' own failure handlers answer their failures; Quarkus logs and answers the rest
            rc.next();
            return;
        }
        Problems.send(rc, status, status == 400 ? "validation" : "http-" + status, "Request refused", "request refused");
    }
}
