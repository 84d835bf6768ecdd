package com.ardesk.claims.claim;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Concurrent upserts of one claim wait here, in the service, before their transaction takes a
 * connection. The advisory lock in {@link ClaimWrites#upsert} alone made them queue in PostgreSQL,
 * each holding a pooled connection while it waited: 100 PUTs of one claim emptied the pool, and the
 * rest got 503 after the acquisition timeout on a busy machine. Here a queue of one key holds at
 * most one connection per instance; the advisory lock still orders instances among themselves.
 */
@ApplicationScoped
public class UpsertQueue {
    // striped: a few keys may share a lock, which only makes them wait for each other a little
    private final ReentrantLock[] stripes = new ReentrantLock[1024];

    public UpsertQueue() {
        for (int i = 0; i < stripes.length; i++) {
            stripes[i] = new ReentrantLock();
        }
    }

    /** Runs {@code upsert} (its own transaction) when no other upsert of the claim runs here. */
    public <T> T inTurn(String practiceId, String externalClaimId, Supplier<T> upsert) {
        ReentrantLock lock = stripes[Math.floorMod((practiceId + '\u001f' + externalClaimId).hashCode(), stripes.length)];
        lock.lock();
        try {
            return upsert.get();
        } finally {
            lock.unlock();
        }
    }
}
