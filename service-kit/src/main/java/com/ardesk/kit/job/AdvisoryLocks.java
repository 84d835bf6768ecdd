package com.ardesk.kit.job;

import jakarta.persistence.EntityManager;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The single-instance lock of a {@link ScheduledJob} round: a transaction-level PostgreSQL advisory
 * lock, taken without waiting. Replicas that don't get it skip the round; the lock ends with the
 * transaction, and a crashed instance frees it with its connection, so nothing can stay locked.
 */
public final class AdvisoryLocks {
    private AdvisoryLocks() {
    }

    /** The lock key of a job, the same on every replica of every service ({@code String.hashCode} is stable). */
    public static long key(String name) {
        return name.hashCode();
    }

    /** True when this transaction now holds the lock (JPA). */
    public static boolean tryLock(EntityManager em, long key) {
        return Boolean.TRUE.equals(em.createNativeQuery("select pg_try_advisory_xact_lock(?1)").setParameter(1, key)
                .getSingleResult());
    }

    /** True when this connection's transaction now holds the lock (JDBC; autocommit must be off). */
    public static boolean tryLock(Connection c, long key) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, key);
            try (ResultSet rs = lock.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }
}
