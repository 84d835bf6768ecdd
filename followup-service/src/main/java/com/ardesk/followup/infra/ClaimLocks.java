package com.ardesk.followup.infra;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.UUID;

/**
 * Serializes writers of one claim's tasks (the two consumers and the API) for the rest of the
 * transaction, so a rule's "is there already an open task of this type?" is answered truthfully.
 */
@ApplicationScoped
public class ClaimLocks {
    private final EntityManager em;
    private final AgroalDataSource dataSource;

    public ClaimLocks(EntityManager em, AgroalDataSource dataSource) {
        this.em = em;
        this.dataSource = dataSource;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void lock(UUID claimId) {
        em.createNativeQuery("select cast(pg_advisory_xact_lock(?1) as text)")
                .setParameter(1, key(claimId))
                .getSingleResult();
    }

    /**
     * Locks several claims in one round trip, in ascending key order, so two transactions that
     * lock overlapping sets this way wait for each other instead of deadlocking.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lockAll(Collection<UUID> claimIds) {
        Long[] keys = claimIds.stream().map(ClaimLocks::key).distinct().sorted().toArray(Long[]::new);
        if (keys.length == 0) {
            return;
        }
        // unnest yields the array's order and the aggregate takes the locks row by row in it
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select count(pg_advisory_xact_lock(k)) from unnest(?) as k")) {
            s.setArray(1, c.createArrayOf("bigint", keys));
            s.executeQuery().close();
        } catch (SQLException e) {
            throw new IllegalStateException("could not lock " + keys.length + " claim(s)", e);
        }
    }

    private static long key(UUID claimId) {
        return claimId.getMostSignificantBits() ^ claimId.getLeastSignificantBits();
    }
}
