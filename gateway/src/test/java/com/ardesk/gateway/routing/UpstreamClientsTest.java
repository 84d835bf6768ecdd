package com.ardesk.gateway.routing;

import com.ardesk.gateway.support.WithStubUpstreams;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.impl.ContextInternal;
import io.vertx.core.impl.VertxInternal;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Each event loop proxies over its own connections, so no exchange is handed between threads. */
@QuarkusTest
@WithStubUpstreams
class UpstreamClientsTest {
    @Inject
    Upstreams upstreams;
    @Inject
    Vertx vertx;

    @Test
    void oneClientPerEventLoop() throws Exception {
        Upstream claims = upstreams.get("claims");
        List<Context> contexts = new ArrayList<>();
        List<HttpClient> clients = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            // each new event-loop context lands on the next event loop, round-robin
            Context context = ((VertxInternal) vertx).createEventLoopContext();
            CompletableFuture<HttpClient> client = new CompletableFuture<>();
            context.runOnContext(ignored -> client.complete(claims.client()));
            contexts.add(context);
            clients.add(client.get(5, TimeUnit.SECONDS));
        }
        // both cases occur: some contexts share an event loop, some do not
        assertThat(contexts.stream().map(UpstreamClientsTest::loop).distinct().count()).isBetween(2L, 7L);
        for (int a = 0; a < contexts.size(); a++) {
            for (int b = 0; b < contexts.size(); b++) {
                boolean sameLoop = loop(contexts.get(a)) == loop(contexts.get(b));
                assertThat(clients.get(a) == clients.get(b)).as("contexts %d and %d", a, b).isEqualTo(sameLoop);
            }
        }
    }

    private static Object loop(Context context) {
        return ((ContextInternal) context).nettyEventLoop();
    }
}
