package com.ardesk.e2e;

import com.ardesk.devstack.ArDeskSystem;
import com.ardesk.devstack.DevTokens;
import com.ardesk.devstack.TopicProbe;
import com.sun.net.httpserver.HttpServer;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.oneOf;

/**
 * Trace context through the gateway and across Kafka (issue 15): a request that arrives with a W3C
 * {@code traceparent} is traced by the service as part of the caller's trace. The gateway creates no
 * spans of its own (it passes {@code traceparent}/{@code tracestate} on unchanged, see
 * gateway/README.md), so the service's server span must have the caller's trace id and the caller's
 * span as its parent; the events the request causes carry that trace on Kafka, and the consuming
 * service's span joins it (docs/events.md#trace-context). The proof is what the packaged services,
 * with tracing on as in the Deployments, put on the topic and export over OTLP to a collector
 * stand-in: OTLP/protobuf carries trace and span ids as raw bytes, names as plain strings.
 */
class TraceContextE2ETest {
    static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    static final String CALLER_SPAN_ID = "00f067aa0ba902b7";
    static final String DENIAL_TRACE_ID = "7cf92f3577b34da6a3ce929d0e0e4999";
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
                List.of("claims-service", "followup-service", "gateway"),
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

        byte[] batch = exportedBatch(TRACE_ID, "claims-service");
        assertThat(indexOf(batch, HexFormat.of().parseHex(CALLER_SPAN_ID)))
                .as("a span whose parent is the caller's span %s", CALLER_SPAN_ID).isNotNegative();
        assertThat(new String(batch, StandardCharsets.ISO_8859_1)).contains("ardesk=e2e");
    }

    @Test
    void theEventADenialCausesCarriesItsTraceToTheConsumingService() {
        String pm = DevTokens.token("pm-sync", List.of("integration"), List.of("P100"));
        given().baseUri(system.gatewayUrl()).auth().oauth2(DevTokens.token("admin-1", List.of("admin"), List.of("P100")))
                .contentType(ContentType.JSON).body("""
                        {"name":"Trace Payer","phone":"+1-800-555-0199","timelyFilingDays":180,"timelyFilingBasis":"SERVICE_DATE",
                         "appealWindowDays":90,"promiseGraceDays":2,"effectiveFrom":"2000-01-01"}""")
                .put("/api/v1/payers/TRACE-PAYER").then().statusCode(oneOf(200, 201));
        LocalDate served = LocalDate.now(ZoneId.of("America/New_York")).minusDays(40);
        String claimId = given().baseUri(system.gatewayUrl()).auth().oauth2(pm).contentType(ContentType.JSON).body("""
                        {"practiceId":"P100","externalClaimId":"TRACE-%s",
                         "patient":{"accountNumber":"ACC-1","firstName":"Ann","lastName":"Lee","dateOfBirth":"1970-01-01"},
                         "payerId":"TRACE-PAYER","providerNpi":"1234567893","serviceDateFrom":"%s","serviceDateTo":"%s",
                         "lines":[{"procedureCode":"99214","units":1,"chargeAmount":280.50,"diagnosisCodes":["E11.9"]}]}"""
                        .formatted(UUID.randomUUID(), served, served))
                .post("/api/v1/claims").then().statusCode(201).extract().path("claimId");

        given().baseUri(system.gatewayUrl())
                .auth().oauth2(DevTokens.token("caller-1", List.of("caller"), List.of("P100")))
                .header("traceparent", "00-" + DENIAL_TRACE_ID + "-" + CALLER_SPAN_ID + "-01")
                .contentType(ContentType.JSON)
                .body("{\"groupCode\":\"CO\",\"reasonCode\":\"197\",\"amount\":280.50,\"deniedOn\":\"%s\"}"
                        .formatted(served.plusDays(20)))
                .post("/api/v1/claims/" + claimId + "/denials").then().statusCode(201);

        // on the topic: ClaimDenied carries the request's trace, its parent the span claims-service appended it in
        List<ConsumerRecord<String, String>> denied = TopicProbe.records(
                Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, system.infra().kafkaBroker().bootstrapServers()),
                "ar.claims.v1", r -> r.value().contains(claimId) && r.value().contains("\"ClaimDenied\""),
                1, Duration.ofSeconds(120), Duration.ofSeconds(1));
        assertThat(denied).as("ClaimDenied of claim %s on ar.claims.v1", claimId).hasSize(1);
        Header header = denied.get(0).headers().lastHeader("traceparent");
        assertThat(header).as("traceparent header of ClaimDenied").isNotNull();
        String traceparent = new String(header.value(), StandardCharsets.UTF_8);
        assertThat(traceparent).startsWith("00-" + DENIAL_TRACE_ID + "-");
        String producerSpan = traceparent.substring(36, 52);

        // followup-service applied it in a CONSUMER span of the same trace, child of that span
        byte[] consumed = exportedBatch(DENIAL_TRACE_ID, "followup-service");
        assertThat(new String(consumed, StandardCharsets.ISO_8859_1)).contains("process ar.claims.v1")
                .contains("followup-claims");
        assertThat(indexOf(consumed, HexFormat.of().parseHex(producerSpan)))
                .as("a followup-service span whose parent is claims-service's span %s", producerSpan).isNotNegative();
    }

    /** The OTLP batch a service exported with spans of this trace; services export on their own schedule. */
    private static byte[] exportedBatch(String traceIdHex, String serviceName) {
        byte[] traceId = HexFormat.of().parseHex(traceIdHex);
        byte[] service = serviceName.getBytes(StandardCharsets.UTF_8);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        byte[] batch = null;
        while (batch == null && Instant.now().isBefore(deadline)) {
            batch = exported.stream().filter(b -> indexOf(b, traceId) >= 0 && indexOf(b, service) >= 0)
                    .findFirst().orElse(null);
            if (batch == null) {
                sleep();
            }
        }
        assertThat(batch).as("a span of %s with trace id %s (%d batches exported)", serviceName, traceIdHex,
                exported.size()).isNotNull();
        return batch;
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
