package com.ardesk.gateway.routing;

import com.ardesk.gateway.problem.Problems;
import com.ardesk.gateway.web.RequestIds;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.util.AsciiString;
import io.netty.channel.ConnectTimeoutException;
import io.netty.channel.unix.Errors;
import io.quarkus.logging.Log;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.StreamResetException;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

import java.net.ConnectException;
import java.net.SocketException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeoutException;

/**
 * Forwards one request to its service with the Vert.x HTTP proxy: bodies stream both ways, status
 * and headers pass through, hop-by-hop headers are dropped, the request id and trace context go
 * along. A service that cannot be reached or stays silent becomes a 503 or 504 problem naming it.
 */
@Singleton
public class ProxyHandler {
    /** RFC 9110 §7.6.1 connection-specific fields, plus the pre-standard ones still seen in the wild. */
    private static final List<AsciiString> HOP_BY_HOP = List.of(HttpHeaderNames.CONNECTION, HttpHeaderNames.KEEP_ALIVE,
            HttpHeaderNames.PROXY_CONNECTION, HttpHeaderNames.PROXY_AUTHENTICATE, HttpHeaderNames.PROXY_AUTHORIZATION,
            HttpHeaderNames.TE, HttpHeaderNames.TRAILER, HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderNames.UPGRADE);
    // header names used on every exchange, hashed once
    private static final AsciiString X_FORWARDED_FOR = AsciiString.cached("X-Forwarded-For");
    private static final AsciiString X_FORWARDED_PROTO = AsciiString.cached("X-Forwarded-Proto");
    private static final AsciiString X_FORWARDED_HOST = AsciiString.cached("X-Forwarded-Host");

    private final Upstreams upstreams;
    private final MeterRegistry registry;

    ProxyHandler(Upstreams upstreams, MeterRegistry registry) {
        this.upstreams = upstreams;
        this.registry = registry;
    }

    /** Sends the request to the named upstream; the body limit applies to chunked bodies as they stream. */
    public void forward(RoutingContext rc, String upstreamName, long maxBodyBytes) {
        Upstream upstream = upstreams.get(upstreamName);
        HttpProxy proxy = HttpProxy.reverseProxy(upstream.client())
                .origin(context -> upstream.request(context.client()))
                .addInterceptor(new Exchange(rc, upstream, maxBodyBytes));
        proxy.handle(rc.request());
    }

    /** Per-request interceptor: it knows the routing context, so it can read what earlier handlers decided. */
    private final class Exchange implements ProxyInterceptor {
        private final RoutingContext rc;
        private final Upstream upstream;
        private final long maxBodyBytes;
        private final Context vertxContext;
        private volatile boolean bodyTooLarge;

        Exchange(RoutingContext rc, Upstream upstream, long maxBodyBytes) {
            this.rc = rc;
            this.upstream = upstream;
            this.maxBodyBytes = maxBodyBytes;
            this.vertxContext = Vertx.currentContext();
        }

        @Override
        public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
            ProxyRequest request = context.request();
            HttpServerRequest incoming = rc.request();
            // forward the normalized path, the one routing and role rules looked at
            request.setURI(incoming.query() == null ? rc.normalizedPath() : rc.normalizedPath() + "?" + incoming.query());
            dropHopByHop(request.headers());
            // the gateway already answered any 100-continue itself (handle-100-continue-automatically)
            request.headers().remove(HttpHeaderNames.EXPECT);
            // the connection's own peer: remoteAddress() already reflects a trusted X-Forwarded-For
            String peer = incoming.connection().remoteAddress() == null ? null
                    : incoming.connection().remoteAddress().hostAddress();
            if (peer != null) {
                String prior = incoming.getHeader(X_FORWARDED_FOR);
                request.headers().set(X_FORWARDED_FOR, prior == null ? peer : prior + ", " + peer);
            }
            request.headers().set(X_FORWARDED_PROTO, incoming.scheme());
            if (incoming.authority() != null) {
                request.headers().set(X_FORWARDED_HOST, incoming.authority().toString());
            }
            Body body = request.getBody();
            if (body != null && body.length() < 0) {
                request.setBody(Body.body(new LimitedReadStream(body.stream(), maxBodyBytes, () -> bodyTooLarge = true), -1));
            }
            return Future.fromCompletionStage(upstream.guarded(() -> context.sendRequest()
                            .recover(failure -> Future.failedFuture(bodyTooLarge ? new BodyTooLarge() : failure))
                            .toCompletionStage()), vertxContext)
                    .recover(failure -> Future.succeededFuture(problem(context, failure)));
        }

        @Override
        public Future<Void> handleProxyResponse(ProxyContext context) {
            MultiMap headers = context.response().headers();
            dropHopByHop(headers);
            // what the gateway already set (request id, CORS, security and rate-limit headers) wins
            for (Map.Entry<String, String> set : rc.response().headers()) {
                headers.remove(set.getKey());
            }
            rebaseLocations(headers);
            // services decide cacheability (ETags); answers that say nothing are not stored
            if (!headers.contains(HttpHeaderNames.CACHE_CONTROL)) {
                headers.set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_STORE);
            }
            return context.sendResponse();
        }

        /**
         * A service builds absolute Location URLs from the Host it saw, which is its own internal
         * address; clients must get the public one they called (behind the ingress, the trusted
         * X-Forwarded-Proto/-Host already shape scheme and authority).
         */
        private void rebaseLocations(MultiMap headers) {
            HttpServerRequest incoming = rc.request();
            if (incoming.authority() == null) {
                return;
            }
            String external = incoming.scheme() + "://" + incoming.authority();
            for (String name : List.of("Location", "Content-Location")) {
                String value = headers.get(name);
                if (value == null) {
                    continue;
                }
                for (String internal : upstream.origins()) {
                    if (value.startsWith(internal) && (value.length() == internal.length()
                            || "/?#".indexOf(value.charAt(internal.length())) >= 0)) {
                        headers.set(name, external + value.substring(internal.length()));
                        break;
                    }
                }
            }
        }

        private ProxyResponse problem(ProxyContext context, Throwable failure) {
            int status;
            String kind;
            String title;
            String detail;
            String service = upstream.serviceName();
            ProxyResponse response = context.request().release().response();
            if (bodyTooLarge) {
                status = 413;
                kind = "payload-too-large";
                title = "Content Too Large";
                detail = "the request body is larger than " + maxBodyBytes + " bytes";
            } else if (failure instanceof CircuitBreakerOpenException) {
                status = 503;
                kind = "service-unavailable";
                title = "Service Unavailable";
                detail = service + " is unavailable; calls to it are paused after repeated failures";
                response.putHeader("Retry-After", Long.toString(upstream.retryAfterSeconds()));
            } else if (failure instanceof TimeoutException) {
                status = 504;
                kind = "service-timeout";
                title = "Gateway Timeout";
                detail = service + " did not answer in time";
            } else if (failure instanceof ConnectException || failure instanceof ConnectTimeoutException
                    || failure instanceof HttpClosedException || failure instanceof SocketException
                    || failure instanceof Errors.NativeIoException || failure instanceof StreamResetException) {
                status = 503;
                kind = "service-unavailable";
                title = "Service Unavailable";
                // closed or reset before any answer: a service shutting down (a rolling restart) closes
                // its idle keep-alive connections, and one may already carry this request; the client
                // can safely send it again (with its Idempotency-Key when it creates something); over HTTP/2
                // the same shutdown resets the streams it will not serve (StreamResetException, seen in
                // the e2e rolling-restart scenario as a 502)
                boolean refused = failure instanceof ConnectException || failure instanceof ConnectTimeoutException;
                detail = service + (refused ? " is unavailable" : " closed the connection before answering");
                response.putHeader("Retry-After", "1");
            } else {
                status = 502;
                kind = "bad-gateway";
                title = "Bad Gateway";
                detail = service + " gave no usable answer";
            }
            if (failure instanceof CircuitBreakerOpenException) {
                Log.debugf("%s %s → 503: breaker open for %s", rc.request().method(), rc.normalizedPath(), service);
            } else if (status >= 500) {
                Log.warnf("%s %s → %d: %s (%s)", rc.request().method(), rc.normalizedPath(), status, detail,
                        failure.toString());
            }
            if (status >= 500) {
                registry.counter("ardesk.gateway.upstream.failures", "service", service, "status",
                        Integer.toString(status)).increment();
            }
            return response.setStatusCode(status)
                    .putHeader("Content-Type", Problems.MEDIA_TYPE)
                    .setBody(Body.body(Problems.body(status, kind, title, detail, rc.normalizedPath(),
                            RequestIds.of(rc.request()))));
        }
    }

    private static void dropHopByHop(MultiMap headers) {
        // fields the Connection header names are hop-by-hop too; most exchanges have none
        List<String> connection = headers.getAll(HttpHeaderNames.CONNECTION);
        if (!connection.isEmpty()) {
            Set<String> named = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
            for (String value : connection) {
                for (String token : value.split(",")) {
                    if (!token.isBlank()) {
                        named.add(token.trim());
                    }
                }
            }
            named.forEach(headers::remove);
        }
        HOP_BY_HOP.forEach(headers::remove);
    }
}
