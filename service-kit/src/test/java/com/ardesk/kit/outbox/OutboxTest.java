package com.ardesk.kit.outbox;

import com.ardesk.devstack.TopicProbe;
import com.ardesk.events.EventJson;
import com.ardesk.kit.testapp.KitInfra;
import com.ardesk.kit.testapp.Tick;
import com.ardesk.kit.testapp.TickHandler;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static com.ardesk.devstack.Await.until;
import static com.ardesk.kit.testapp.Infra.bootstrap;
import static com.ardesk.kit.testapp.Infra.connect;
import static com.ardesk.kit.testapp.Infra.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The outbox as a service uses it, with the application's own relay running: events appended in
 * transactions reach the broker in append order per aggregate, with Debezium's headers, are marked
 * published once the broker has them, and the consumer on the other side applies them in that order.
 */
@QuarkusTest
@KitInfra
class OutboxTest {
    private static final int TICKS = 20;

    @Inject
    Outbox outbox;

    @Test
    void eventsOfEachAggregateArriveInAppendOrderAndAreMarkedPublished() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> aggregates = List.of(run + "-a", run + "-b", run + "-c");
        // four transactions of five ticks per aggregate, interleaved across aggregates within each
        for (int from = 1; from <= TICKS; from += 5) {
            int first = from;
            QuarkusTransaction.requiringNew().run(() -> IntStream.range(first, first + 5).forEach(n ->
                    aggregates.forEach(a -> outbox.append(Tick.TOPIC, "tick", a, "P1", new Tick(a, n)))));
        }
        // the bulk path keeps list order too
        QuarkusTransaction.requiringNew().run(() -> outbox.appendAll(aggregates.stream()
                .map(a -> new Outbox.Pending(Tick.TOPIC, "tick", a, "P1", new Tick(a, TICKS + 1))).toList()));

        List<ConsumerRecord<String, String>> records = TopicProbe.records(Map.of("bootstrap.servers", bootstrap()),
                Tick.TOPIC, r -> r.key() != null && r.key().startsWith(run), aggregates.size() * (TICKS + 1),
                Duration.ofSeconds(90), Duration.ofSeconds(2));

        Map<String, List<Integer>> sent = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> r : records) {
            sent.computeIfAbsent(r.key(), k -> new ArrayList<>())
                    .add(EventJson.read(r.value()).payload().path("n").asInt());
            assertThat(header(r, "eventType")).isEqualTo("Tick");
            assertThat(header(r, "id")).isEqualTo(EventJson.read(r.value()).eventId().toString());
        }
        List<Integer> inOrder = IntStream.rangeClosed(1, TICKS + 1).boxed().toList();
        assertThat(sent).containsOnlyKeys(aggregates);
        sent.values().forEach(ns -> assertThat(ns).containsExactlyElementsOf(inOrder));

        until("every row marked published", Duration.ofSeconds(60), () -> count(
                "select count(*) from outbox_event where aggregateid like ? and published_at is null", run + "%") == 0);
        assertThat(count("select count(*) from outbox_event where aggregateid like ?", run + "%"))
                .isEqualTo(aggregates.size() * (TICKS + 1));

        until("the consumer applied every tick", Duration.ofSeconds(90), () -> count(
                "select count(*) from applied_tick where aggregate like ?", run + "%") == aggregates.size() * (TICKS + 1));
        for (String aggregate : aggregates) {
            assertThat(applied(aggregate)).as("ticks of %s as applied", aggregate).containsExactlyElementsOf(inOrder);
        }
        assertThat(count("select count(*) from processed_event where consumer = ? and event_id in "
                + "(select event_id from applied_tick where aggregate like ?)", TickHandler.CONSUMER, run + "%"))
                .isEqualTo(aggregates.size() * (TICKS + 1));
    }

    @Test
    void appendOutsideATransactionFailsInsteadOfCommittingTheEventAlone() {
        String aggregate = "alone-" + UUID.randomUUID();
        assertThatThrownBy(() -> outbox.append(Tick.TOPIC, "tick", aggregate, "P1", new Tick(aggregate, 1)))
                .isInstanceOf(jakarta.transaction.TransactionalException.class);
        assertThat(count("select count(*) from outbox_event where aggregateid = ?", aggregate)).isZero();
    }

    @Test
    void eventsAppendedInARolledBackTransactionAreNeverPublished() {
        String aggregate = "rolled-back-" + UUID.randomUUID();
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            outbox.append(Tick.TOPIC, "tick", aggregate, "P1", new Tick(aggregate, 1));
            throw new IllegalStateException("the state change failed");
        })).hasMessageContaining("the state change failed");
        assertThat(count("select count(*) from outbox_event where aggregateid = ?", aggregate)).isZero();
    }

    private static List<Integer> applied(String aggregate) {
        try (Connection c = connect("kit");
             PreparedStatement s = c.prepareStatement("select n from applied_tick where aggregate = ? order by seq")) {
            s.setString(1, aggregate);
            List<Integer> ns = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ns.add(rs.getInt(1));
                }
            }
            return ns;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
