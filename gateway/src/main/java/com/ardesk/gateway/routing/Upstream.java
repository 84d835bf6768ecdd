package com.ardesk.gateway.routing;

import com.ardesk.gateway.config.GatewayConfig;
import io.quarkus.logging.Log;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.faulttolerance.api.TypedGuard;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.httpproxy.ProxyResponse;
import jakarta.enterprise.util.TypeLiteral;

import java.net.URI;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * One service behind the gateway: a pooled HTTP client to it and a circuit breaker (SmallRye Fault
 * Tolerance) around each exchange. The breaker counts only transport failures (refused, reset,
 * silent past the idle timeout); a service's own 4xx/5xx answers are answers.
 */
public final class Upstream {
    private final String name;
    private final URI base;
    private final HttpClient client;
    private final long connectTimeoutMs;
    private final long idleTimeoutMs;
    private final long breakerDelaySeconds;
    private final TypedGuard<CompletionStage<ProxyResponse>> guard;
    private final AtomicReference<CircuitBreakerState> state = new AtomicReference<>(CircuitBreakerState.CLOSED);

    Upstream(String name, String baseUrl, Vertx vertx, GatewayConfig config) {
        this.name = name;
        this.base = URI.create(baseUrl);
        if (base.getHost() == null || !("http".equals(base.getScheme()) || "https".equals(base.getScheme()))) {
            throw new IllegalArgumentException("ardesk.gateway.upstreams." + name + " must be an http(s) URL, was " + baseUrl);
        }
        this.connectTimeoutMs = config.upstream().connectTimeout().toMillis();
        this.idleTimeoutMs = config.upstream().idleTimeout().toMillis();
        this.breakerDelaySeconds = Math.max(1, config.breaker().delay().toSeconds());
        boolean tls = "https".equals(base.getScheme());
        this.client = vertx.createHttpClient(new HttpClientOptions()
                        .setSsl(tls)
                        .setKeepAlive(true)
                        .setConnectTimeout((int) connectTimeoutMs)
                        .setDecompressionSupported(false),
                new PoolOptions().setHttp1MaxSize(config.upstream().maxConnections()));
        this.guard = TypedGuard.create(new TypeLiteral<CompletionStage<ProxyResponse>>() {
                })
                .withDescription("upstream " + name)
                .withCircuitBreaker()
                .name("upstream-" + name)
                .requestVolumeThreshold(config.breaker().requestVolumeThreshold())
                .failureRatio(config.breaker().failureRatio())
                .delay(config.breaker().delay().toMillis(), ChronoUnit.MILLIS)
                .onStateChange(next -> {
                    CircuitBreakerState before = state.getAndSet(next);
                    if (before != next) {
                        Log.warnf("circuit breaker for %s: %s -> %s", name, before, next);
                    }
                })
                // the client's oversized upload is no sign of a sick service
                .skipOn(BodyTooLarge.class)
                .done()
                .withThreadOffload(false)
                .build();
    }

    public String name() {
        return name;
    }

    public String serviceName() {
        return RouteTable.serviceName(name);
    }

    public HttpClient client() {
        return client;
    }

    public CircuitBreakerState breakerState() {
        return state.get();
    }

    /** Seconds a client should wait when the breaker is open. */
    public long retryAfterSeconds() {
        return breakerDelaySeconds;
    }

    /** A request to this service for the given URI, failing if the service stays silent too long. */
    public Future<HttpClientRequest> request(HttpClient httpClient) {
        return httpClient.request(new RequestOptions()
                .setHost(base.getHost())
                .setPort(port())
                .setSsl("https".equals(base.getScheme()))
                .setConnectTimeout(connectTimeoutMs)
                .setIdleTimeout(idleTimeoutMs));
    }

    /** Runs one exchange through the breaker. */
    public CompletionStage<ProxyResponse> guarded(Supplier<CompletionStage<ProxyResponse>> exchange) {
        return guard.get(exchange);
    }

    /** How the service may spell its own origin in absolute URLs: with the port, and without it when default. */
    public List<String> origins() {
        String withPort = base.getScheme() + "://" + base.getHost() + ":" + port();
        boolean defaultPort = port() == ("https".equals(base.getScheme()) ? 443 : 80);
        return defaultPort ? List.of(withPort, base.getScheme() + "://" + base.getHost()) : List.of(withPort);
    }

    /** The service's base URL, for fetching its OpenAPI document. */
    public URI base() {
        return base;
    }

    public int port() {
        if (base.getPort() > 0) {
            return base.getPort();
        }
        return "https".equals(base.getScheme()) ? 443 : 80;
    }
}
