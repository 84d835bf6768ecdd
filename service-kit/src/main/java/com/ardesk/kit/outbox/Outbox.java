package com.ardesk.kit.outbox;

import com.ardesk.events.EventEnvelope;
import com.ardesk.events.EventJson;
import com.ardesk.kit.jdbc.TextArrayColumns;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
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

    private record Row(Pending event, EventEnvelope envelope) {
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
        List<Row> rows = events.stream()
                .map(event -> new Row(event, EventJson.envelope(event.practiceId(), event.payload(), now))).toList();
        // one statement whatever the count; seq follows the list's order.
        // Agroal hands out the connection already enlisted in this transaction (the one Hibernate uses)
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(INSERT)) {
            new TextArrayColumns<>(c, s, rows)
                    .add(row -> row.envelope().eventId())
                    .add(row -> row.event().aggregateType())
                    .add(row -> row.event().aggregateId())
                    .add(row -> row.envelope().type())
                    .add(row -> row.event().topic())
                    .add(row -> row.envelope().occurredAt())
                    .add(row -> EventJson.write(row.envelope()));
            s.executeUpdate();
            return rows.stream().map(Row::envelope).toList();
        } catch (SQLException e) {
            throw new IllegalStateException("could not write " + events.size() + " outbox event(s), the first "
                    + events.get(0).payload().getClass().getSimpleName(), e);
        }
    }
}
