package com.ardesk.kit.outbox;

import com.ardesk.events.EventEnvelope;
import com.ardesk.events.EventJson;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes events into {@code outbox_event} in the caller's transaction, so a state change and its
 * events commit or roll back together. The relay publishes them afterwards.
 */
@ApplicationScoped
public class Outbox {
    private static final String INSERT = """
            insert into outbox_event (id, aggregatetype, aggregateid, type, topic, timestamp, payload)
            select cast(i as uuid), a, g, t, p, cast(s as timestamptz), cast(j as json)
            from unnest(cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as text[]),
              cast(? as text[]), cast(? as text[])) with ordinality as e(i, a, g, t, p, s, j, n)
            order by n""";
    private final AgroalDataSource dataSource;

    public Outbox(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** One event to append: its topic, the aggregate it belongs to (the Kafka key), its practice and payload. */
    public record Pending(String topic, String aggregateType, String aggregateId, String practiceId, Record payload) {
    }

    /**
     * Adds one event. Must run inside the transaction of the state change (MANDATORY makes a call
     * outside one fail loudly instead of committing the event alone).
     *
     * @param aggregateId the Kafka key: events of one aggregate stay in order on one partition
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public EventEnvelope append(String topic, String aggregateType, String aggregateId, String practiceId,
                                Record payload) {
        return appendAll(List.of(new Pending(topic, aggregateType, aggregateId, practiceId, payload))).get(0);
    }

    /** Adds several events in one round trip to the database (a bulk change writes hundreds at once), in list order. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<EventEnvelope> appendAll(List<Pending> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        Instant now = Instant.now();
        List<EventEnvelope> envelopes = new ArrayList<>(events.size());
        // Agroal hands out the connection already enlisted in this transaction (the one Hibernate uses)
        int n = events.size();
        // all text[]: the driver sends a String[] in binary, other arrays as escaped literals
        String[] ids = new String[n];
        String[] aggregateTypes = new String[n];
        String[] aggregateIds = new String[n];
        String[] types = new String[n];
        String[] topics = new String[n];
        String[] times = new String[n];
        String[] payloads = new String[n];
        for (int k = 0; k < n; k++) {
            Pending event = events.get(k);
            EventEnvelope envelope = EventJson.envelope(event.practiceId(), event.payload(), now);
            ids[k] = envelope.eventId().toString();
            aggregateTypes[k] = event.aggregateType();
            aggregateIds[k] = event.aggregateId();
            types[k] = envelope.type();
            topics[k] = event.topic();
            times[k] = envelope.occurredAt().toString();
            payloads[k] = EventJson.write(envelope);
            envelopes.add(envelope);
        }
        // one statement whatever the count, each column one array; seq follows the list's order.
        // Agroal hands out the connection already enlisted in this transaction (the one Hibernate uses)
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(INSERT)) {
            s.setArray(1, c.createArrayOf("text", ids));
            s.setArray(2, c.createArrayOf("text", aggregateTypes));
            s.setArray(3, c.createArrayOf("text", aggregateIds));
            s.setArray(4, c.createArrayOf("text", types));
            s.setArray(5, c.createArrayOf("text", topics));
            s.setArray(6, c.createArrayOf("text", times));
            s.setArray(7, c.createArrayOf("text", payloads));
            s.executeUpdate();
            return envelopes;
        } catch (SQLException e) {
            throw new IllegalStateException("could not write " + events.size() + " outbox event(s), the first "
                    + events.get(0).payload().getClass().getSimpleName(), e);
        }
    }
}
