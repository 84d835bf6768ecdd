package com.ardesk.kit.consumer;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

/** The {@code processed_event} table: which event ids a consumer has already applied. */
@ApplicationScoped
public class ProcessedEvents {
    private final AgroalDataSource dataSource;

    public ProcessedEvents(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Records the event as processed in the current transaction; answers false if it already was.
     * A concurrent duplicate blocks on the primary key until the first commits, then gets false.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean markProcessed(UUID eventId, String consumer) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "insert into processed_event (event_id, consumer) values (?, ?) on conflict do nothing")) {
            s.setObject(1, eventId);
            s.setString(2, consumer);
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record processed event " + eventId, e);
        }
    }
}
