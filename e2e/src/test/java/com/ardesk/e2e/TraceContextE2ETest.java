package com.ardesk.e2e;

import com.ardesk.devstack.ArDeskSystem;
import com.ardesk.devstack.DevTokens;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Trace context through the gateway (issue 15): a request that arrives with a W3C {@code traceparent}
 * is traced by the service as part of the caller's trace. The gateway creates no spans of its own (it
 * passes {@code traceparent}/{@code tracestate} on unchanged, see gateway/README.md), so the service's
 * server span must have the caller's trace id and the caller's span as its parent. The proof is what the
 * packaged claims-service, with tracing on as in the Deployments, exports over OTLP to a collector
 * stand-in: OTLP/protobuf carries trace and span ids as raw bytes.
 */
class TraceContextE2ETest {
    static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    static final String CALLER_SPAN_ID = "00f067aa0ba902b7";
    static final List<byte[]> exported = new CopyOnWriteArrayList<>();
    static HttpServer collector;
    static ArDeskSystem system;

    @BeforeAll
    static void startSystemWithTracing() throws Exception {
        collector = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        collector.createContext("/", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                exported.add(body.readAllBytes());
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        collector.start();
        Path root = Path.of(System.getProperty("ardesk.root", "..")).toAbsolutePath().normalize();
        system = ArDeskSystem.start(root, root.resolve("e2e/target/trace-system"), ArDeskSystem.Ports.free(),
                List.of("claims-service", "gateway"),
                Map.of("quarkus.otel.sdk.disabled", "false",
                        "quarkus.otel.exporter.otlp.traces.protocol", "http/protobuf",
                        "quarkus.otel.exporter.otlp.traces.endpoint", "http://127.0.0.1:" + collector.getAddress().getPort()),
                message -> System.out.println("[e2e] " + message));
    }

    @AfterAll
    static void stop() {
        if (system != null) {
            system.close();
        }
        if (collector != null) {
            collector.stop(0);
        }
    }

    @Test
    void theServiceSpanJoinsTheCallersTraceThroughTheGateway() throws IOException {
        given().baseUri(system.gatewayUrl())
                .auth().oauth2(DevTokens.token("caller-1", List.of("caller"), List.of("P100")))
                .header("traceparent", "00-" + TRACE_ID + "-" + CALLER_SPAN_ID + "-01")
                .header("tracestate", "ardesk=e2e")
                .when().get("/api/v1/claims?practiceId=P100&limit=1")
                .then().statusCode(200);

        byte[] traceId = HexFormat.of().parseHex(TRACE_ID);
        byte[] parent = HexFormat.of().parseHex(CALLER_SPAN_ID);
        // the service exports in batches on its own schedule: wait for the batch with this trace
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        byte[] batch = null;
        while (batch == null && Instant.now().isBefore(deadline)) {
            batch = exported.stream().filter(b -> indexOf(b, traceId) >= 0).findFirst().orElse(null);
            sleep();
        }
        assertThat(batch).as("an exported span with trace id %s (%d batches exported)", TRACE_ID, exported.size()).isNotNull();
        assertThat(indexOf(batch, parent)).as("a span whose parent is the caller's span %s", CALLER_SPAN_ID).isNotNegative();
        assertThat(new String(batch, java.nio.charset.StandardCharsets.ISO_8859_1)).contains("ardesk=e2e");
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static void sleep() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
