package com.ardesk.gateway.problem;

import com.ardesk.gateway.web.RequestIds;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * RFC 9457 problem bodies for answers the gateway gives itself, in the same shape the services'
 * mappers use (type under https://ardesk.dev/problems/, requestId for support).
 */
public final class Problems {
    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://ardesk.dev/problems/";

    private Problems() {
    }

    /** The problem as JSON; {@code instance} is the request path. */
    public static Buffer body(int status, String kind, String title, String detail, String instance, String requestId) {
        JsonObject json = new JsonObject()
                .put("type", TYPE_BASE + kind)
                .put("title", title)
                .put("status", status)
                .put("detail", detail);
        if (instance != null) {
            json.put("instance", instance);
        }
        if (requestId != null) {
            json.put("requestId", requestId);
        }
        return json.toBuffer();
    }

    /** Ends the exchange with a problem answer; headers already put on the response are kept. */
    public static void send(RoutingContext rc, int status, String kind, String title, String detail) {
        if (rc.response().headWritten()) {
            rc.response().reset();
            return;
        }
        Buffer body = body(status, kind, title, detail, rc.request().path(), RequestIds.of(rc.request()));
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
}
