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
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Writes events into {@code outbox_event} in the caller's transaction, so a state change and its
 * events commit or roll back together. The relay publishes them afterwards. Each row keeps the
 * trace context of the code that appended it ({@link TraceContext}), so consumers join that trace.
 */
@ApplicationScoped
public class Outbox {
    private static final String INSERT = """
            insert into outbox_event (id, aggregatetype, aggregateid, type, topic, timestamp, payload, traceparent, tracestate)
            select cast(i as uuid), a, g, t, p, cast(s as timestamptz), cast(j as json), tp, ts
            from unnest(cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as text[]),
              cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as text[]))
              with ordinality as e(i, a, g, t, p, s, j, tp, ts, n)
            order by n""";
    private final AgroalDataSource dataSource;
    /** The events held back by {@link #deferred} on this thread, while it runs. */
    private final ThreadLocal<List<Row>> held = new ThreadLocal<>();

    public Outbox(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** One event to append: its topic, the aggregate it belongs to (the Kafka key), its practice and payload. */
    public record Pending(String topic, String aggregateType, String aggregateId, String practiceId, Record payload) {
    }

    /** An event ready to insert, with the trace context of the code that appended it. */
    private record Row(Pending event, EventEnvelope envelope, TraceContext trace) {
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

    /**
     * Runs {@code work}, holding back every event it appends, and writes them all in one statement
     * when it returns, in append order, in the same transaction. For bulk changes made of many
     * single changes (a chunk of an 835 posts hundreds of payments, each appending its events): one
     * round trip instead of one per event. If {@code work} throws, nothing is written (and the
     * transaction rolls back with the change).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T> T deferred(Supplier<T> work) {
        if (held.get() != null) {
            return work.get();
        }
        List<Row> rows = new ArrayList<>();
        held.set(rows);
        try {
            T result = work.get();
            insert(rows);
            return result;
        } finally {
            held.remove();
        }
    }

    /** Adds several events in one round trip to the database (a bulk change writes hundreds at once), in list order. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<EventEnvelope> appendAll(List<Pending> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        Instant now = Instant.now();
        // taken now, not when deferred rows are written: the appending code's span is the event's cause
        TraceContext trace = TraceContext.current();
        List<Row> rows = events.stream()
                .map(event -> new Row(event, EventJson.envelope(event.practiceId(), event.payload(), now), trace))
                .toList();
        List<Row> deferring = held.get();
        if (deferring != null) {
            deferring.addAll(rows);
        } else {
            insert(rows);
        }
        return rows.stream().map(Row::envelope).toList();
    }

    private void insert(List<Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
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
                    .add(row -> EventJson.write(row.envelope()))
                    .add(row -> row.trace().traceparent())
                    .add(row -> row.trace().tracestate());
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not write " + rows.size() + " outbox event(s), the first "
                    + rows.get(0).event().payload().getClass().getSimpleName(), e);
        }
    }
}
