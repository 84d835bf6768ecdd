package com.ardesk.gateway.routing;

import com.ardesk.gateway.config.GatewayConfig;
import io.quarkus.logging.Log;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.faulttolerance.api.TypedGuard;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.impl.ContextInternal;
import io.vertx.core.impl.VertxInternal;
import io.vertx.httpproxy.ProxyResponse;
import jakarta.enterprise.util.TypeLiteral;

import java.net.URI;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * One service behind the gateway: pooled HTTP clients to it and a circuit breaker (SmallRye Fault
 * Tolerance) around each exchange. The breaker counts only transport failures (refused, reset,
 * silent past the idle timeout); a service's own 4xx/5xx answers are answers.
 *
 * <p>Each event loop has its own client. A Vert.x connection lives on the event loop that opened it,
 * so with one shared pool most exchanges were handed from the client's event loop to the
 * connection's and back: two thread wake-ups per request, and the largest single cost of the proxy.
 */
public final class Upstream {
    /** Key of the client used off the event loops (the docs fetch may run on a worker). */
    private static final Object OFF_LOOP = new Object();
    private final String name;
    private final URI base;
    private final Vertx vertx;
    private final HttpClientOptions clientOptions;
    private final PoolOptions poolOptions;
    private final Map<Object, HttpClient> clientsByLoop = new ConcurrentHashMap<>();
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
        this.vertx = vertx;
        this.clientOptions = new HttpClientOptions()
                .setSsl("https".equals(base.getScheme()))
                .setKeepAlive(true)
                .setConnectTimeout((int) connectTimeoutMs)
                .setDecompressionSupported(false);
        int eventLoops = 0;
        for (var ignored : ((VertxInternal) vertx).getEventLoopGroup()) {
            eventLoops++;
        }
        // the configured maximum holds for the service as a whole, shared out over the event loops
        this.poolOptions = new PoolOptions()
                .setHttp1MaxSize(Math.max(1, ceilDiv(config.upstream().maxConnections(), eventLoops)));
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

    /** The client of the calling event loop (off an event loop, a shared one). */
    public HttpClient client() {
        Context context = Vertx.currentContext();
        Object loop = context == null || !context.isEventLoopContext() ? null
                : ((ContextInternal) context).nettyEventLoop();
        return clientsByLoop.computeIfAbsent(loop == null ? OFF_LOOP : loop,
                key -> vertx.createHttpClient(clientOptions, poolOptions));
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
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
                // the request's "connect" timeout also covers the wait for a pooled connection: a burst
                // queued behind a busy service waits as long as an answer may take, not the TCP connect
                // time (which the client options still bound), or it got 504 from a service that was fine
                .setConnectTimeout(Math.max(connectTimeoutMs, idleTimeoutMs))
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
