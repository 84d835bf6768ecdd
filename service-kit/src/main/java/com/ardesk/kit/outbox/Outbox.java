package com.ardesk.kit.outbox;

import com.ardesk.events.EventEnvelope;
import com.ardesk.events.EventJson;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * Writes events into {@code outbox_event} in the caller's transaction, so a state change and its
 * events commit or roll back together. The relay publishes them afterwards.
 */
@ApplicationScoped
public class Outbox {
    private static final String INSERT = """
            insert into outbox_event (id, aggregatetype, aggregateid, type, topic, timestamp, payload)
            values (?, ?, ?, ?, ?, ?, cast(? as jsonb))""";
    private final AgroalDataSource dataSource;

    public Outbox(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
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
        EventEnvelope envelope = EventJson.envelope(practiceId, payload, Instant.now());
        // Agroal hands out the connection already enlisted in this transaction (the one Hibernate uses)
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(INSERT)) {
            s.setObject(1, envelope.eventId());
            s.setString(2, aggregateType);
            s.setString(3, aggregateId);
            s.setString(4, envelope.type());
            s.setString(5, topic);
            s.setTimestamp(6, Timestamp.from(envelope.occurredAt()));
            s.setString(7, EventJson.write(envelope));
            s.executeUpdate();
            return envelope;
        } catch (SQLException e) {
            throw new IllegalStateException("could not write outbox event " + envelope.type(), e);
        }
    }
}
