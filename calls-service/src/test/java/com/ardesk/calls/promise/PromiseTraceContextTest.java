package com.ardesk.calls.promise;

import com.ardesk.calls.claim.ClaimEventHandler;
import com.ardesk.calls.support.CallsInfra;
import com.ardesk.calls.support.Claims;
import com.ardesk.calls.support.ClaimsTopic;
import com.ardesk.devstack.DevTokens;
import com.ardesk.devstack.TopicProbe;
import com.ardesk.events.EventEnvelope;
import com.ardesk.events.EventJson;
import com.ardesk.events.Topics;
import com.ardesk.kit.consumer.EventConsumerRunner;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Trace context across Kafka (docs/events.md#trace-context), on the real consumer loop, outbox and
 * relay: a {@code ClaimPaymentPosted} that arrives with a {@code traceparent} keeps a promise, and the
 * {@code PromiseKept} it causes carries the same trace, in its outbox row and on {@code ar.calls.v1}.
 * With the SDK off (as in tests) no span is recorded, but the context still travels.
 */
@QuarkusTest
@CallsInfra
class PromiseTraceContextTest {
    static final String CALLER = DevTokens.token("caller-1", List.of("caller"), List.of("P100"));
    static final String TRACE_ID = "5af7651916cd43dd8448eb211c80319c";

    @Inject
    EventConsumerRunner runner;
    @Inject
    ClaimEventHandler handler;
    @Inject
    AgroalDataSource dataSource;

    @Test
    void aPromiseKeptByATracedPaymentCarriesThePaymentsTrace() throws Exception {
        UUID claimId = UUID.randomUUID();
        runner.apply(handler, Claims.changed("P100", claimId, "AETNA", 1));
        String promiseId = given().auth().oauth2(CALLER).contentType(ContentType.JSON).body("""
                        {"practiceId":"P100","payerId":"AETNA","claimIds":["%s"],"startedAt":"2026-03-02T15:04:05Z",
                         "durationSeconds":300,"outcome":"PROMISE_TO_PAY",
                         "promise":{"amount":"75.00","expectedOn":"%s","method":"EFT"}}"""
                        .formatted(claimId, LocalDate.now().plusDays(20)))
                .post("/api/v1/calls").then().statusCode(201).extract().path("promise.promiseId");

        EventEnvelope payment = Claims.paid("P100", claimId, "75.00", "EFT-TRACE", LocalDate.now());
        ClaimsTopic.publishRaw(Topics.CLAIMS, claimId.toString(),
                Map.of("traceparent", "00-" + TRACE_ID + "-b7ad6b7169203331-01", "tracestate", "ardesk=calls"),
                EventJson.write(payment));

        List<ConsumerRecord<String, String>> kept = TopicProbe.records(kafkaClient(), Topics.CALLS,
                r -> r.value().contains(promiseId) && EventJson.read(r.value()).type().equals("PromiseKept"),
                1, Duration.ofSeconds(60), Duration.ofSeconds(1));
        assertThat(kept).as("PromiseKept of promise %s on %s", promiseId, Topics.CALLS).hasSize(1);
        assertThat(header(kept.get(0), "traceparent")).startsWith("00-" + TRACE_ID + "-").endsWith("-01");
        assertThat(header(kept.get(0), "tracestate")).isEqualTo("ardesk=calls");

        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select traceparent, tracestate from outbox_event where type = 'PromiseKept' and payload::text like ?")) {
            s.setString(1, "%" + promiseId + "%");
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).startsWith("00-" + TRACE_ID + "-");
                assertThat(rs.getString(2)).isEqualTo("ardesk=calls");
            }
        }
    }

    @Test
    void anEventAppendedOutsideAnyTraceHasNoTraceHeaders() throws Exception {
        UUID claimId = UUID.randomUUID();
        runner.apply(handler, Claims.changed("P100", claimId, "AETNA", 1));
        String callId = given().auth().oauth2(CALLER).contentType(ContentType.JSON).body("""
                        {"practiceId":"P100","payerId":"AETNA","claimIds":["%s"],"startedAt":"2026-03-02T15:04:05Z",
                         "durationSeconds":60,"outcome":"NO_ANSWER"}""".formatted(claimId))
                .post("/api/v1/calls").then().statusCode(201).extract().path("callId");

        List<ConsumerRecord<String, String>> logged = TopicProbe.records(kafkaClient(), Topics.CALLS,
                r -> r.value().contains(callId) && EventJson.read(r.value()).type().equals("CallLogged"),
                1, Duration.ofSeconds(60), Duration.ofSeconds(1));
        assertThat(logged).hasSize(1);
        assertThat(logged.get(0).headers().lastHeader("traceparent")).isNull();
        assertThat(logged.get(0).headers().lastHeader("tracestate")).isNull();
    }

    /** The service's own Kafka settings (SASL included when the test profile has them). */
    static Map<String, String> kafkaClient() {
        return ClaimsTopic.clientConfig().settings();
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
