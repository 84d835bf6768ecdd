package com.ardesk.gateway.web;

import com.ardesk.gateway.routing.RouteTable;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * {@code http.server.requests} for the public API, with the tags dashboards expect (method, uri,
 * status, outcome) and the uri bounded to the routed prefix ({@code /api/v1/claims/*}). Quarkus's
 * own HTTP binder did the same through a regular expression per prefix and a registry lookup per
 * request, which cost more than the proxy's own handlers; here each series' timer is looked up once.
 */
@Singleton
public class ApiMetrics {
    private static final Set<String> KNOWN_METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    private record Series(String method, String uri, int status) {
    }

    private final MeterRegistry registry;
    private final Map<Series, Timer> timers = new ConcurrentHashMap<>();

    ApiMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Route handler: times the exchange until its answer is written, whoever writes it. */
    public void track(RoutingContext rc) {
        long started = System.nanoTime();
        rc.addEndHandler(done -> timer(rc.request().method(), rc.normalizedPath(), rc.response().getStatusCode())
                .record(System.nanoTime() - started, TimeUnit.NANOSECONDS));
        rc.next();
    }

    private Timer timer(HttpMethod method, String path, int status) {
        // a client may send any method name; series stay bounded
        String name = KNOWN_METHODS.contains(method.name()) ? method.name() : "OTHER";
        Series key = new Series(name, RouteTable.metricUri(path), status);
        Timer timer = timers.get(key);
        return timer != null ? timer : timers.computeIfAbsent(key, series -> Timer.builder("http.server.requests")
                        .description("Requests to the public API, by routed prefix")
                        .tag("method", series.method())
                        .tag("uri", series.uri())
                        .tag("status", Integer.toString(series.status()))
                        .tag("outcome", outcome(series.status()))
                        .register(registry));
    }

    private static String outcome(int status) {
        return switch (status / 100) {
            case 1 -> "INFORMATIONAL";
            case 2 -> "SUCCESS";
            case 3 -> "REDIRECTION";
            case 4 -> "CLIENT_ERROR";
            case 5 -> "SERVER_ERROR";
            default -> "UNKNOWN";
        };
    }
}
