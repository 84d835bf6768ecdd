package com.ardesk.kit.consumer;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/** The {@code processed_event} table: which event ids a consumer has already applied. */
@ApplicationScoped
public class ProcessedEvents {
    private static final String INSERT = """
            insert into processed_event (event_id, consumer)
            select distinct cast(i as uuid), ? from unnest(cast(? as text[])) as e(i)
            on conflict do nothing returning event_id""";
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
        return markProcessed(Set.of(eventId), consumer).contains(eventId);
    }

    /** Records a batch of events in one statement; answers the ids that were new (the ones to apply). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<UUID> markProcessed(Collection<UUID> eventIds, String consumer) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(INSERT)) {
            s.setString(1, consumer);
            s.setArray(2, c.createArrayOf("text", eventIds.stream().map(UUID::toString).toArray()));
            Set<UUID> fresh = new HashSet<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    fresh.add(rs.getObject(1, UUID.class));
                }
            }
            return fresh;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record " + eventIds.size() + " processed event(s)", e);
        }
    }
}
