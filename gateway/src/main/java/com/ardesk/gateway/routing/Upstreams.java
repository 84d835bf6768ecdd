package com.ardesk.gateway.routing;

import com.ardesk.gateway.config.GatewayConfig;
import io.vertx.core.Vertx;
import jakarta.inject.Singleton;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The configured services, built once at startup; a missing or malformed URL stops the boot. Their
 * clients live on Quarkus's Vert.x and close with it, after graceful shutdown has let in-flight
 * exchanges finish.
 */
@Singleton
public class Upstreams {
    private final Map<String, Upstream> byName = new LinkedHashMap<>();

    Upstreams(GatewayConfig config, Vertx vertx) {
        for (String name : RouteTable.upstreams()) {
            String url = config.upstreams().get(name);
            if (url == null || url.isBlank()) {
                throw new IllegalStateException("ardesk.gateway.upstreams." + name + " is not configured");
            }
            byName.put(name, new Upstream(name, url.trim(), vertx, config));
        }
    }

    public Upstream get(String name) {
        Upstream upstream = byName.get(name);
        if (upstream == null) {
            throw new IllegalArgumentException("unknown upstream " + name);
        }
        return upstream;
    }

    public Collection<Upstream> all() {
        return byName.values();
    }
}
