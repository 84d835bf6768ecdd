package com.ardesk.calls.claim;

import com.ardesk.devstack.Await;
import com.ardesk.calls.support.CallsInfra;
import com.ardesk.calls.support.Claims;
import com.ardesk.calls.support.ClaimsTopic;
import com.ardesk.devstack.KafkaBroker;
import com.ardesk.devstack.PostgresServer;
import com.ardesk.devstack.RealInfraResource;
import com.ardesk.devstack.TopicProbe;
import com.ardesk.events.EventEnvelope;
import com.ardesk.events.EventJson;
import com.ardesk.events.Topics;
import com.ardesk.kit.consumer.DeadLetterReplay;
import com.ardesk.kit.consumer.DeadLetters;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.specification.RequestSpecification;
import org.eclipse.microprofile.config.ConfigProvider;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.GroupState;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;

/**
 * The consumer loop against real faults: a database outage blocks and retries (nothing dead-lettered,
 * every event applied once afterwards), poison goes to the dead-letter topic with its reason, and
 * the replay tool puts dead letters back.
 */
@QuarkusTest
@CallsInfra
class ConsumerResilienceTest {
    static final String CONSUMER = "calls-service-claims";
    static final String DLT = Topics.deadLetter(Topics.CLAIMS, CONSUMER);

    @Inject
    MeterRegistry registry;

    @Test
    void aDatabaseOutageDelaysEventsButLosesNone() throws Exception {
        double deadBefore = meter("ardesk.consumer.dead.letters");
        double retriesBefore = meter("ardesk.consumer.retries");
        List<EventEnvelope> events = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            events.add(Claims.changed("P100", UUID.randomUUID(), "AETNA", 1));
        }
        cutDatabase();
        try {
            for (EventEnvelope event : events) {
                ClaimsTopic.publish(event.payload().path("claimId").asText(), event);
            }
            Await.until("the consumer backs off three times", Duration.ofSeconds(60),
                    () -> meter("ardesk.consumer.retries") >= retriesBefore + 3);
            assertThat(registry.get("ardesk.consumer.paused.partitions").tag("consumer", CONSUMER).gauge().value())
                    .isGreaterThanOrEqualTo(1);
            // paused, not gone: the group still has its member, so nothing waits for a rebalance afterwards
            ConsumerGroupDescription group = group();
            assertThat(group.groupState()).isEqualTo(GroupState.STABLE);
            assertThat(group.members()).hasSize(1);
            management().get("/q/health/ready").then().statusCode(503);
        } finally {
            restoreDatabase();
        }
        List<UUID> ids = events.stream().map(EventEnvelope::eventId).toList();
        Await.until("every event applied after the database returns", Duration.ofSeconds(90),
                () -> count("select count(*) from processed_event where consumer = ? and event_id = any(?)", ids) == ids.size());
        List<UUID> claimIds = events.stream().map(e -> UUID.fromString(e.payload().path("claimId").asText())).toList();
        assertThat(count("select count(*) from claim_projection where claim_id = any(?)", claimIds)).isEqualTo(40);
        assertThat(meter("ardesk.consumer.dead.letters")).isEqualTo(deadBefore);
        String eventIds = ids.toString();
        assertThat(TopicProbe.read(bootstrap(), DLT, v -> eventIds.contains(EventJson.read(v).eventId().toString()),
                0, Duration.ofSeconds(20), Duration.ofSeconds(1))).isEmpty();
        management().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void poisonGoesToTheDeadLetterTopicWithItsReasonAndThePartitionMovesOn() {
        String key = UUID.randomUUID().toString();
        EventEnvelope newer = withVersion(Claims.changed("P100", UUID.fromString(key), "AETNA", 1), 99);
        EventEnvelope wrongType = Claims.changed("P100", UUID.fromString(key), "AETNA", 1);
        ((ObjectNode) wrongType.payload()).put("billedAmount", "lots");
        String unmappable = EventJson.write(wrongType);
        EventEnvelope good = Claims.changed("P100", UUID.fromString(key), "GOOD-AFTER-POISON", 1);
        ClaimsTopic.publishRaw(Topics.CLAIMS, key, "{not json", EventJson.write(newer), unmappable, EventJson.write(good));

        Await.until("the event after the poison is applied", Duration.ofSeconds(60),
                () -> count("select count(*) from claim_projection where claim_id = any(?) and payer_id = 'GOOD-AFTER-POISON'",
                        List.of(UUID.fromString(key))) == 1);
        List<ConsumerRecord<String, String>> dead = TopicProbe.records(Map.of("bootstrap.servers", bootstrap()), DLT,
                r -> key.equals(r.key()), 3, Duration.ofSeconds(30), Duration.ofSeconds(1));
        assertThat(dead).extracting(ConsumerRecord::value).containsExactly("{not json", EventJson.write(newer), unmappable);
        assertThat(dead).extracting(r -> header(r, DeadLetters.REASON)).satisfiesExactly(
                reason -> assertThat(reason).contains("not an event envelope"),
                reason -> assertThat(reason).contains("version 99"),
                reason -> assertThat(reason).contains("billedAmount"));
        assertThat(dead).extracting(r -> header(r, DeadLetters.TOPIC)).containsOnly(Topics.CLAIMS);
    }

    @Test
    void theReplayToolPutsDeadLettersBackOnTheirTopic() throws Exception {
        // an event dead-lettered by an earlier, buggy version of the consumer
        UUID claimId = UUID.randomUUID();
        EventEnvelope event = Claims.changed("P100", claimId, "REPLAYED", 1);
        ClaimsTopic.publishRaw(DLT, claimId.toString(), Map.of(DeadLetters.TOPIC, Topics.CLAIMS), EventJson.write(event));

        int replayed = DeadLetterReplay.replay(Map.of("bootstrap.servers", bootstrap()), DLT, Duration.ofSeconds(60));

        assertThat(replayed).isGreaterThanOrEqualTo(1);
        Await.until("the replayed event is applied", Duration.ofSeconds(60),
                () -> count("select count(*) from claim_projection where claim_id = any(?) and payer_id = 'REPLAYED'",
                        List.of(claimId)) == 1);
        // a second run finds only what was dead-lettered since (poison replayed by the first run goes back there)
        int again = DeadLetterReplay.replay(Map.of("bootstrap.servers", bootstrap()), DLT, Duration.ofSeconds(60));
        assertThat(again).isLessThan(replayed);
    }

    @Test
    void readinessAnswersWhileTheBrokerIsDownAndTheMessagingReportSaysWhatWaits() {
        KafkaBroker broker = RealInfraResource.infra().kafkaBroker();
        broker.stop();
        try {
            // bounded only so a hang fails the test instead of blocking it; readiness must not ask Kafka at all
            RestAssuredConfig fiveSeconds = RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
                    .setParam("http.socket.timeout", 5000).setParam("http.connection.timeout", 5000));
            management().config(fiveSeconds).get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
            management().config(fiveSeconds).get("/q/health/live").then().statusCode(200);
            management().config(fiveSeconds).get("/q/health/well").then().statusCode(200)
                    .body("checks.find { it.name == 'messaging' }.data", hasKey("outboxBacklog"))
                    .body("checks.find { it.name == 'messaging' }.data", hasKey("lag." + CONSUMER));
        } finally {
            broker.restart();
        }
    }

    private static EventEnvelope withVersion(EventEnvelope e, int version) {
        return new EventEnvelope(e.eventId(), e.type(), version, e.occurredAt(), e.practiceId(), e.payload());
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private double meter(String name) {
        return Stream.of(registry.find(name).tag("consumer", CONSUMER).counter())
                .mapToDouble(c -> c == null ? 0 : c.count()).sum();
    }

    private static ConsumerGroupDescription group() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap()))) {
            return admin.describeConsumerGroups(List.of(CONSUMER)).all().get().get(CONSUMER);
        }
    }

    private static String bootstrap() {
        return RealInfraResource.infra().kafkaBroker().bootstrapServers();
    }

    /**
     * The database goes away for the service: no new connection is accepted and every open one is
     * cut, which is what a stopped server looks like from the pool (connection refused / terminated).
     */
    private static void cutDatabase() throws SQLException {
        try (Connection c = superuser("postgres"); Statement s = c.createStatement()) {
            s.execute("alter database calls allow_connections false");
            s.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = 'calls'");
        }
    }

    private static void restoreDatabase() throws SQLException {
        try (Connection c = superuser("postgres"); Statement s = c.createStatement()) {
            s.execute("alter database calls allow_connections true");
        }
    }

    private static Connection superuser(String database) throws SQLException {
        return DriverManager.getConnection(RealInfraResource.infra().postgres().jdbcUrl(database),
                PostgresServer.USER, PostgresServer.PASSWORD);
    }

    private static long count(String sql, List<UUID> ids) {
        try (Connection c = superuser("calls"); PreparedStatement s = c.prepareStatement(sql)) {
            int i = 1;
            if (sql.contains("consumer = ?")) {
                s.setString(i++, CONSUMER);
            }
            s.setArray(i, c.createArrayOf("uuid", ids.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Health lives on the management interface, a port of its own (a free one in tests). */
    private static RequestSpecification management() {
        return given().port(ConfigProvider.getConfig()
                .getValue("quarkus.management.test-port", Integer.class));
    }
}
