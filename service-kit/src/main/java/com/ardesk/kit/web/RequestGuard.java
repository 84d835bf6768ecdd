package com.ardesk.kit.web;

import com.ardesk.kit.problem.FieldError;
import com.ardesk.kit.problem.HttpProblems;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Refuses, before routing and before any body is read, what no endpoint can answer sensibly, each
 * with a problem naming what was wrong: a URI over {@value #MAX_URI} characters (414), headers over
 * {@value #MAX_HEADER_BYTES} bytes (431; the HTTP codec's own limits are set higher in the kit's
 * microprofile-config.properties so that this answer, not the codec's empty one, is what clients
 * see), two Authorization headers (400), a Content-Type that is not a media type (415), a path or
 * query with broken percent-encoding or a NUL character (400: PostgreSQL cannot store U+0000).
 * (A request line Vert.x itself cannot parse, such as {@code ?cursor=%%%x}, is still answered by
 * Vert.x with an empty 400 before any handler runs: Quarkus offers no hook for that answer.)
 * Typed parameter values are checked by {@link ParamGuard}, JSON bodies by {@link JsonInput}.
 * <p>
 * It also installs the last-resort failure handler: whatever the HTTP layer fails a request with
 * (a body cut off at its limit, a malformed request) is answered as problem+json.
 */
@ApplicationScoped
public class RequestGuard {
    static final int MAX_URI = 4096;
    static final int MAX_HEADER_BYTES = 32 * 1024;
    private static final String TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
    private static final Pattern MEDIA_TYPE = Pattern.compile(TOKEN + "/" + TOKEN
            + "([ \\t]*;[ \\t]*(" + TOKEN + "=(" + TOKEN + "|\"([^\"\\\\]|\\\\.)*\"))?)*[ \\t]*");

    void register(@Observes Filters filters) {
        // after RequestIds (1000), so every problem carries the request id
        filters.register(this::check, 950);
    }

    void failures(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(RequestGuard::failed);
    }

    private void check(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        String uri = request.uri();
        if (uri.length() > MAX_URI) {
            HttpProblems.send(rc, 414, "uri-too-long", "URI Too Long",
                    "the request URI is longer than " + MAX_URI + " characters", List.of());
            return;
        }
        if (headerBytes(request) > MAX_HEADER_BYTES) {
            HttpProblems.send(rc, 431, "headers-too-large", "Request Header Fields Too Large",
                    "the request headers are larger than " + MAX_HEADER_BYTES + " bytes", List.of());
            return;
        }
        if (request.headers().getAll(HttpHeaders.AUTHORIZATION).size() > 1) {
            HttpProblems.invalid(rc, "Authorization", "must be sent once");
            return;
        }
        String contentType = request.getHeader(HttpHeaders.CONTENT_TYPE);
        if (contentType != null && !isMediaType(contentType)) {
            HttpProblems.send(rc, 415, "unsupported-media-type", "Unsupported Media Type",
                    "Content-Type is not a media type; send application/json",
                    List.of(new FieldError("Content-Type", "is not a media type")));
            return;
        }
        FieldError error = uriError(uri);
        if (error != null) {
            HttpProblems.invalid(rc, error.field(), error.message());
            return;
        }
        rc.next();
    }

    /** What is wrong with the path or query of {@code uri}, or null. */
    static FieldError uriError(String uri) {
        int q = uri.indexOf('?');
        String path = q < 0 ? uri : uri.substring(0, q);
        String decodedPath;
        try {
            decodedPath = QueryStringDecoder.decodeComponent(path, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return new FieldError("path", "has a broken percent-encoding");
        }
        if (decodedPath.indexOf('\0') >= 0) {
            return new FieldError("path", "must not contain the NUL character (U+0000)");
        }
        if (q < 0) {
            return null;
        }
        Map<String, List<String>> parameters;
        try {
            parameters = new QueryStringDecoder(uri).parameters();
        } catch (IllegalArgumentException e) {
            return new FieldError("query", "has a broken percent-encoding");
        }
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            if (parameter.getKey().indexOf('\0') >= 0) {
                return new FieldError("query", "must not contain the NUL character (U+0000)");
            }
            for (String value : parameter.getValue()) {
                if (value.indexOf('\0') >= 0) {
                    return new FieldError(parameter.getKey(), "must not contain the NUL character (U+0000)");
                }
            }
        }
        return null;
    }

    /** RFC 9110 §8.3.1: {@code type "/" subtype *( OWS ";" OWS parameter )}. */
    static boolean isMediaType(String value) {
        return MEDIA_TYPE.matcher(value).matches();
    }

    private static int headerBytes(HttpServerRequest request) {
        int total = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            total += header.getKey().length() + header.getValue().length() + 4;
        }
        return total;
    }

    private static void failed(RoutingContext rc) {
        int status = rc.statusCode();
        if (status < 400) {
            // an exception escaped a handler; the REST layer's own mapper already answers those it sees
            rc.next();
            return;
        }
        switch (status) {
            case 413 -> HttpProblems.send(rc, 413, "payload-too-large", "Content Too Large",
                    "the request body is larger than the limit", List.of());
            case 400 -> HttpProblems.send(rc, 400, "validation", "Request is invalid", "the request is malformed",
                    List.of(new FieldError("request", "is malformed")));
            default -> {
                if (status >= 500) {
                    rc.next();
                } else {
                    HttpProblems.send(rc, status, "http-" + status, "Request refused", "request refused", List.of());
                }
            }
        }
    }
}
