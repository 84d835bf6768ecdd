package com.ardesk.calls.claim;

import com.ardesk.devstack.Await;
import com.ardesk.calls.support.Claims;
import com.ardesk.calls.support.ClaimsTopic;
import com.ardesk.devstack.DevTokens;
import com.ardesk.devstack.KafkaBroker;
import com.ardesk.devstack.PostgresServer;
import com.ardesk.devstack.RealInfraResource;
import com.ardesk.devstack.TopicProbe;
import com.ardesk.events.EventJson;
import com.ardesk.events.Topics;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service reaches Kafka only through the broker's SASL_PLAINTEXT listener, configured with
 * kafka.security.protocol / sasl.*: the consumer, the dead-letter producer and the outbox relay all
 * work, so each of them got those settings.
 */
@QuarkusTest
@WithTestResource(value = RealInfraResource.class, initArgs = {@ResourceArg(name = "database", value = "calls"),
        @ResourceArg(name = "kafkaListener", value = "sasl")})
class KafkaSecuritySettingsTest {
    static final String CALLER = DevTokens.token("caller-1", List.of("caller"), List.of("P100"));

    @Test
    void consumerDeadLetterProducerAndRelayAllAuthenticate() {
        KafkaBroker broker = RealInfraResource.infra().kafkaBroker();
        assertThat(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class))
                .isEqualTo(broker.saslBootstrapServers());

        UUID claimId = UUID.randomUUID();
        ClaimsTopic.publishRaw(Topics.CLAIMS, claimId.toString(), "{poison over SASL",
                EventJson.write(Claims.changed("P100", claimId, "SASL-PAYER", 1)));
        Await.until("the consumer applies the event", Duration.ofSeconds(120), () -> projected(claimId));
        assertThat(TopicProbe.records(sasl(broker), Topics.deadLetter(Topics.CLAIMS, "calls-service-claims"),
                r -> claimId.toString().equals(r.key()), 1, Duration.ofSeconds(60), Duration.ofSeconds(1)))
                .extracting(r -> r.value()).containsExactly("{poison over SASL");

        given().auth().oauth2(CALLER).contentType(ContentType.JSON)
                .body(Map.of("practiceId", "P100", "payerId", "SASL-PAYER", "claimIds", List.of(claimId.toString()),
                        "startedAt", "2026-03-02T15:04:05Z", "durationSeconds", 60, "outcome", "IN_PROCESS"))
                .post("/api/v1/calls").then().statusCode(201);
        assertThat(TopicProbe.records(sasl(broker), Topics.CALLS, r -> r.value().contains(claimId.toString()), 1,
                Duration.ofSeconds(60), Duration.ofSeconds(1))).isNotEmpty();
    }

    private static Map<String, String> sasl(KafkaBroker broker) {
        Map<String, String> config = new HashMap<>(KafkaBroker.saslClientConfig());
        config.put("bootstrap.servers", broker.saslBootstrapServers());
        return config;
    }

    private static boolean projected(UUID claimId) {
        try (Connection c = DriverManager.getConnection(RealInfraResource.infra().postgres().jdbcUrl("calls"),
                PostgresServer.USER, PostgresServer.PASSWORD);
             PreparedStatement s = c.prepareStatement("select count(*) from claim_projection where claim_id = ?")) {
            s.setObject(1, claimId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1) == 1;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
