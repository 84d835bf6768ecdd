package com.ardesk.gateway.problem;

import com.ardesk.gateway.web.RequestIds;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * RFC 9457 problem bodies for answers the gateway gives itself, in the same shape the services'
 * mappers use (type under https://ardesk.dev/problems/, requestId for support).
 */
public final class Problems {
    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://ardesk.dev/problems/";
    private static final String HEX = "0123456789abcdefABCDEF";

    private Problems() {
    }

    /** The problem as JSON; {@code instance} is the request path, left out when it is not a URI reference. */
    public static Buffer body(int status, String kind, String title, String detail, String instance, String requestId) {
        JsonObject json = new JsonObject()
                .put("type", TYPE_BASE + kind)
                .put("title", title)
                .put("status", status)
                .put("detail", detail);
        if (isUriReference(instance)) {
            json.put("instance", instance);
        }
        if (requestId != null) {
            json.put("requestId", requestId);
        }
        return json.toBuffer();
    }

    /** Ends the exchange with a problem answer; headers already put on the response are kept. */
    public static void send(RoutingContext rc, int status, String kind, String title, String detail) {
        send(rc, status, kind, title, detail, null, null);
    }

    /** A 400 naming the one field (a header or parameter) that is wrong and why. */
    public static void invalid(RoutingContext rc, String field, String message) {
        send(rc, 400, "validation", "Request is invalid", field + ": " + message, field, message);
    }

    private static void send(RoutingContext rc, int status, String kind, String title, String detail, String field,
                             String message) {
        if (rc.response().headWritten()) {
            rc.response().reset();
            return;
        }
        String path = rc.request().path();
        JsonObject json = body(status, kind, title, detail, path,
                RequestIds.of(rc.request())).toJsonObject();
        if (field != null) {
            json.put("errors", new JsonArray().add(new JsonObject().put("field", field).put("message", message)));
        }
        Buffer body = json.toBuffer();
        if (!rc.request().isEnded()) {
            // a body we refused to read would otherwise have to be drained before the next request
            rc.response().putHeader("Connection", "close");
        }
        rc.response()
                .setStatusCode(status)
                .putHeader("Content-Type", MEDIA_TYPE)
                .putHeader("Cache-Control", "no-store")
                .end(body);
    }

    /**
     * Whether a path may stand in {@code instance} (RFC 3986 characters, escapes complete, at most 512
     * characters): a request refused for its broken percent-encoding must not get an answer that
     * itself breaks the contract. The services' kit applies the same rule to their problems.
     */
    static boolean isUriReference(String path) {
        if (path == null || path.isEmpty() || path.length() > 512) {
            return false;
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '%') {
                if (i + 2 >= path.length() || HEX.indexOf(path.charAt(i + 1)) < 0
                        || HEX.indexOf(path.charAt(i + 2)) < 0) {
                    return false;
                }
                i += 2;
            } else if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || "-._~!$&'()*+,;=:@/?".indexOf(c) >= 0)) {
                return false;
            }
        }
        return true;
    }
}
