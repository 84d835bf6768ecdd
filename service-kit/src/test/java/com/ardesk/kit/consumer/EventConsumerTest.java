package com.ardesk.kit.consumer;

import com.ardesk.devstack.PostgresServer;
import com.ardesk.devstack.RealInfraResource;
import com.ardesk.devstack.TopicProbe;
import com.ardesk.events.EventEnvelope;
import com.ardesk.events.EventJson;
import com.ardesk.events.Topics;
import com.ardesk.kit.testapp.KitInfra;
import com.ardesk.kit.testapp.Tick;
import com.ardesk.kit.testapp.TickHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.ardesk.devstack.Await.until;
import static com.ardesk.kit.testapp.Infra.bootstrap;
import static com.ardesk.kit.testapp.Infra.count;
import static com.ardesk.kit.testapp.Infra.publishRaw;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The consumer loop through a real broker and database: an event id is applied once however often
 * it arrives; poison (unreadable, unmappable, invalid, unknown version) goes to the dead-letter
 * topic with its reason and the partition moves on; a stopped database is waited out, never
 * dead-lettered, and every event is applied once when it is back.
 */
@QuarkusTest
@KitInfra
class EventConsumerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DLT = Topics.deadLetter(Tick.TOPIC, TickHandler.CONSUMER);

    @Inject
    MeterRegistry registry;

    @Test
    void anEventDeliveredTwiceIsAppliedOnce() {
        String aggregate = "dup-" + UUID.randomUUID();
        EventEnvelope tick = tick(aggregate, 1);
        EventEnvelope after = tick(aggregate, 2);
        // twice in a row (one poll applies them as a batch) and once more later (a redelivery after a restart)
        publishRaw(Tick.TOPIC, aggregate, EventJson.write(tick), EventJson.write(tick));
        until("the first copy is applied", Duration.ofSeconds(60),
                () -> count("select count(*) from applied_tick where aggregate = ?", aggregate) >= 1);
        publishRaw(Tick.TOPIC, aggregate, EventJson.write(tick), EventJson.write(after));
        // the event after the copies is on the same partition, so once it is applied the copies were seen
        until("the event after the copies is applied", Duration.ofSeconds(60),
                () -> count("select count(*) from applied_tick where aggregate = ? and n = 2", aggregate) == 1);

        assertThat(count("select count(*) from applied_tick where event_id = ?", tick.eventId())).isEqualTo(1);
        assertThat(count("select count(*) from processed_event where event_id = ? and consumer = ?",
                tick.eventId(), TickHandler.CONSUMER)).isEqualTo(1);
    }

    @Test
    void poisonGoesToTheDeadLetterTopicWithItsReasonAndThePartitionMovesOn() {
        String aggregate = "poison-" + UUID.randomUUID();
        double deadBefore = counter("ardesk.consumer.dead.letters");
        EventEnvelope good = tick(aggregate, 1);
        String unreadable = "{not json";
        String unmappable = EventJson.write(envelope(1, Map.of("aggregate", aggregate, "n", "lots")));
        String invalid = EventJson.write(envelope(1, Map.of("aggregate", " ", "n", 0)));
        String unknownVersion = EventJson.write(envelope(2, Map.of("aggregate", aggregate, "n", 1)));
        publishRaw(Tick.TOPIC, aggregate, unreadable, unmappable, invalid, unknownVersion, EventJson.write(good));

        until("the event after the poison is applied", Duration.ofSeconds(60),
                () -> count("select count(*) from applied_tick where event_id = ?", good.eventId()) == 1);
        List<ConsumerRecord<String, String>> dead = TopicProbe.records(Map.of("bootstrap.servers", bootstrap()), DLT,
                r -> aggregate.equals(r.key()), 4, Duration.ofSeconds(60), Duration.ofSeconds(1));
        assertThat(dead).extracting(ConsumerRecord::value).containsExactly(unreadable, unmappable, invalid, unknownVersion);
        assertThat(dead).extracting(r -> header(r, DeadLetters.REASON)).satisfiesExactly(
                reason -> assertThat(reason).contains("not an event envelope"),
                reason -> assertThat(reason).contains("not a Tick"),
                reason -> assertThat(reason).contains("ConstraintViolationException"),
                reason -> assertThat(reason).contains("version 2"));
        assertThat(dead).extracting(r -> header(r, DeadLetters.TOPIC)).containsOnly(Tick.TOPIC);
        assertThat(dead).extracting(r -> header(r, DeadLetters.ORIGIN)).allMatch(o -> o.startsWith(Tick.TOPIC + "-"));
        assertThat(counter("ardesk.consumer.dead.letters")).isEqualTo(deadBefore + 4);
        assertThat(count("select count(*) from applied_tick where aggregate = ?", aggregate)).isEqualTo(1);
    }

    @Test
    void aStoppedDatabaseIsWaitedOutNotDeadLetteredAndEveryEventAppliedOnceAfter() {
        String run = "outage-" + UUID.randomUUID().toString().substring(0, 8);
        double deadBefore = counter("ardesk.consumer.dead.letters");
        double retriesBefore = counter("ardesk.consumer.retries");
        List<EventEnvelope> ticks = new ArrayList<>();
        PostgresServer postgres = RealInfraResource.infra().postgres();
        postgres.stop();
        try {
            for (int key = 0; key < 6; key++) {
                for (int n = 1; n <= 5; n++) {
                    EventEnvelope tick = tick(run + "-" + key, n);
                    ticks.add(tick);
                    publishRaw(Tick.TOPIC, run + "-" + key, EventJson.write(tick));
                }
            }
            until("the consumer retries", Duration.ofSeconds(90),
                    () -> counter("ardesk.consumer.retries") >= retriesBefore + 2);
        } finally {
            postgres.restart();
        }
        until("every event applied after the database is back", Duration.ofSeconds(120),
                () -> count("select count(*) from applied_tick where aggregate like ?", run + "%") >= ticks.size());
        for (EventEnvelope tick : ticks) {
            assertThat(count("select count(*) from applied_tick where event_id = ?", tick.eventId()))
                    .as("applications of %s", tick.eventId()).isEqualTo(1);
        }
        for (int key = 0; key < 6; key++) {
            assertThat(count("select count(*) from applied_tick a join applied_tick b on a.aggregate = b.aggregate"
                    + " and a.seq < b.seq and a.n > b.n where a.aggregate = ?", run + "-" + key))
                    .as("ticks applied out of order").isZero();
        }
        assertThat(counter("ardesk.consumer.dead.letters")).isEqualTo(deadBefore);
        assertThat(TopicProbe.records(Map.of("bootstrap.servers", bootstrap()), DLT,
                r -> r.key() != null && r.key().startsWith(run), 0, Duration.ofSeconds(10), Duration.ofSeconds(1))).isEmpty();
    }

    private static EventEnvelope tick(String aggregate, int n) {
        return EventJson.envelope("P1", new Tick(aggregate, n), Instant.now());
    }

    /** A Tick envelope with any payload and version, as a faulty or newer producer might send it. */
    private static EventEnvelope envelope(int version, Map<String, Object> payload) {
        return new EventEnvelope(UUID.randomUUID(), "Tick", version, Instant.now(), "P1", JSON.valueToTree(payload));
    }

    private double counter(String name) {
        Counter counter = registry.find(name).tag("consumer", TickHandler.CONSUMER).counter();
        return counter == null ? 0 : counter.count();
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
