package com.ardesk.gateway.docs;

import com.ardesk.gateway.config.GatewayConfig;
import com.ardesk.gateway.problem.Problems;
import com.ardesk.gateway.routing.Upstream;
import com.ardesk.gateway.routing.Upstreams;
import io.quarkus.logging.Log;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code /openapi}: the services' documents merged into one (cached briefly; a service that does
 * not answer is left out and named rather than failing the whole document). {@code /asyncapi}: the
 * Kafka topics. {@code /docs}: Swagger UI showing the merged document.
 */
@ApplicationScoped
public class DocsRoutes {
    private static final long FETCH_TIMEOUT_MS = 5000;

    private final Upstreams upstreams;
    private final GatewayConfig config;
    private final Buffer asyncApi = resource("docs/asyncapi.json");
    private JsonObject cached;
    private long cachedUntil;

    DocsRoutes(Upstreams upstreams, GatewayConfig config) {
        this.upstreams = upstreams;
        this.config = config;
    }

    void install(@Observes Router router) {
        router.get("/openapi").handler(this::openApi);
        router.get("/asyncapi").handler(rc -> rc.response()
                .putHeader("Content-Type", "application/json")
                .putHeader("Cache-Control", "public, max-age=300")
                .end(asyncApi));
        router.get("/docs").handler(rc -> rc.redirect("/q/swagger-ui/"));
    }

    private void openApi(RoutingContext rc) {
        long now = System.currentTimeMillis();
        if (cached != null && now < cachedUntil) {
            send(rc, cached);
            return;
        }
        List<Future<JsonObject>> fetches = new ArrayList<>();
        List<Upstream> all = new ArrayList<>(upstreams.all());
        all.forEach(upstream -> fetches.add(fetch(upstream)));
        Future.join(fetches).onComplete(done -> {
            Map<String, JsonObject> documents = new TreeMap<>();
            List<String> missing = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                Future<JsonObject> fetch = fetches.get(i);
                if (fetch.succeeded()) {
                    documents.put(all.get(i).name(), fetch.result());
                } else {
                    Log.warnf("OpenAPI of %s unavailable: %s", all.get(i).serviceName(), fetch.cause().toString());
                    missing.add(all.get(i).name());
                }
            }
            if (documents.isEmpty()) {
                rc.response().putHeader("Retry-After", "5");
                Problems.send(rc, 503, "service-unavailable", "Service Unavailable",
                        "no service answered with its OpenAPI document");
                return;
            }
            JsonObject merged = OpenApiMerger.merge(documents, missing, config.docs().serverUrl(),
                    config.docs().environment());
            if (missing.isEmpty()) {
                cached = merged;
                cachedUntil = System.currentTimeMillis() + config.docs().openapiCacheFor().toMillis();
            }
            send(rc, merged);
        });
    }

    private Future<JsonObject> fetch(Upstream upstream) {
        return upstream.client().request(new RequestOptions()
                        .setMethod(HttpMethod.GET)
                        .setHost(upstream.base().getHost())
                        .setPort(upstream.port())
                        .setSsl("https".equals(upstream.base().getScheme()))
                        .setURI("/q/openapi?format=json")
                        .putHeader("Accept", "application/json")
                        .setIdleTimeout(FETCH_TIMEOUT_MS))
                .compose(request -> request.send())
                .compose(response -> response.statusCode() == 200
                        ? response.body()
                        : Future.failedFuture("HTTP " + response.statusCode()))
                .map(Buffer::toJsonObject);
    }

    private static void send(RoutingContext rc, JsonObject document) {
        rc.response()
                .putHeader("Content-Type", "application/json")
                .end(document.toBuffer());
    }

    private static Buffer resource(String name) {
        try (InputStream in = DocsRoutes.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return Buffer.buffer(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
