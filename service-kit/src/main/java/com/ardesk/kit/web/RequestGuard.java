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

import java.net.URI;
import java.net.URISyntaxException;
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
 * query with broken percent-encoding, a NUL character (400: PostgreSQL cannot store U+0000) or a
 * character that must be percent-encoded (400; Quarkus's own check, which answers an empty 400, is
 * switched off by {@link UriValidationSwitch}).
 * Typed parameter values are checked by {@link ParamGuard}, JSON bodies by {@link JsonInput}.
 * <p>
 * It also installs the last-resort handlers: whatever the HTTP layer fails a request with (a body
 * cut off at its limit, a malformed request) is answered as problem+json, and so is the 400 the
 * router gives before any route or filter runs when it cannot even match the request (Vert.x
 * decodes the path to match routes, and a broken percent-encoding such as {@code /claims/%%%x}
 * fails there; the router then answers through its error handler for 400, not a failure handler).
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
        router.errorHandler(400, RequestGuard::unmatchable);
    }

    /** The router could not match the request to any route: no filter ran, so the request id is set here. */
    private static void unmatchable(RoutingContext rc) {
        RequestIds.ensure(rc);
        FieldError error = uriError(rc.request().uri());
        if (error == null) {
            error = uriSyntaxError(rc.request().uri());
        }
        if (error == null) {
            error = new FieldError("request", "is malformed");
        }
        HttpProblems.invalid(rc, error.field(), error.message());
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
        String charset = contentType == null ? null : jsonCharsetOtherThanUtf8(contentType);
        if (charset != null) {
            HttpProblems.send(rc, 415, "unsupported-media-type", "Unsupported Media Type",
                    "JSON is read as UTF-8 only; charset " + charset + " is not supported",
                    List.of(new FieldError("Content-Type", "charset must be UTF-8")));
            return;
        }
        FieldError error = uriError(uri);
        if (error == null) {
            error = uriSyntaxError(uri);
        }
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
            return new FieldError(brokenParameter(uri.substring(q + 1)), "has a broken percent-encoding");
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

    /**
     * What Quarkus refused before {@link UriValidationSwitch} handed the check over: a URI that
     * {@code java.net.URI} cannot parse, such as an unencoded {@code {} in a query value.
     */
    static FieldError uriSyntaxError(String uri) {
        try {
            new URI(uri);
            return null;
        } catch (URISyntaxException e) {
            int q = uri.indexOf('?');
            String field = q < 0 || e.getIndex() <= q ? "path" : parameterAt(uri.substring(q + 1), e.getIndex() - q - 1);
            return new FieldError(field, "has a character that must be percent-encoded");
        }
    }

    /** The decoded name of the query parameter whose name or value holds {@code index}, or "query". */
    private static String parameterAt(String query, int index) {
        int start = 0;
        for (String pair : query.split("&", -1)) {
            if (index < start + pair.length() + 1) {
                int eq = pair.indexOf('=');
                try {
                    String name = QueryStringDecoder.decodeComponent(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                    return eq < 0 || index - start <= eq || name.isEmpty() || name.length() > 64 ? "query" : name;
                } catch (IllegalArgumentException e) {
                    return "query";
                }
            }
            start += pair.length() + 1;
        }
        return "query";
    }

    /** The name of the first query parameter whose name or value does not decode, or "query" when its name does not. */
    private static String brokenParameter(String query) {
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String name;
            try {
                name = QueryStringDecoder.decodeComponent(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return "query";
            }
            try {
                QueryStringDecoder.decodeComponent(eq < 0 ? "" : pair.substring(eq + 1), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return name.isEmpty() || name.length() > 64 || name.indexOf('\0') >= 0 ? "query" : name;
            }
        }
        return "query";
    }

    /** RFC 9110 §8.3.1: {@code type "/" subtype *( OWS ";" OWS parameter )}. */
    static boolean isMediaType(String value) {
        return MEDIA_TYPE.matcher(value).matches();
    }

    /**
     * The charset a JSON body claims when it is not UTF-8 (or its subset US-ASCII), else null. JSON
     * is UTF-8 (RFC 8259); a body declared in another charset would be read as something it is not.
     * Other media types (an 835 as text/plain) keep their charset: X12 is read as bytes.
     */
    static String jsonCharsetOtherThanUtf8(String contentType) {
        String[] parts = contentType.split(";");
        String type = parts[0].trim().toLowerCase(java.util.Locale.ROOT);
        if (!type.equals("application/json") && !type.endsWith("+json")) {
            return null;
        }
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].trim();
            int eq = parameter.indexOf('=');
            if (eq > 0 && parameter.substring(0, eq).trim().equalsIgnoreCase("charset")) {
                String charset = parameter.substring(eq + 1).trim().replace("\"", "");
                if (!charset.equalsIgnoreCase("utf-8") && !charset.equalsIgnoreCase("utf8")
                        && !charset.equalsIgnoreCase("us-ascii")) {
                    return charset.length() > 40 ? charset.substring(0, 40) : charset;
                }
            }
        }
        return null;
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
