package com.ardesk.kit.outbox;

import com.ardesk.kit.job.AdvisoryLocks;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Publishes unpublished outbox rows in commit order and marks them published only after the broker
 * acknowledged every one of them. One relay per service acts at a time (a PostgreSQL advisory lock
 * held for the batch's transaction), so order holds even with several replicas. If anything fails,
 * nothing is marked: the rows are sent again on the next round, and consumers drop the repeats by
 * event id. Plain JDBC and a plain producer, so a unit test can drive it.
 */
public final class OutboxRelay {
    private static final String SELECT = """
            select seq, id, topic, aggregateid, type, payload::text, traceparent, tracestate from outbox_event
            where published_at is null order by seq limit ?""";
    private static final String MARK = "update outbox_event set published_at = now() where seq = any(?)";
    // oldest first along the primary key: published rows form the old end of the table
    private static final String PURGE = """
            delete from outbox_event where seq in (select seq from outbox_event
              where published_at < ? order by seq limit ?)""";
    private static final int PURGE_CHUNK = 10_000;

    private final DataSource dataSource;
    private final Supplier<Producer<String, String>> producerFactory;
    private final long lockKey;
    private final int batchSize;
    private final Duration ackTimeout;
    private Producer<String, String> producer;

    public OutboxRelay(DataSource dataSource, Supplier<Producer<String, String>> producerFactory, long lockKey,
                       int batchSize, Duration ackTimeout) {
        this.dataSource = dataSource;
        this.producerFactory = producerFactory;
        this.lockKey = lockKey;
        this.batchSize = batchSize;
        this.ackTimeout = ackTimeout;
    }

    /** Publishes at most one batch; answers how many rows it published (0 if another relay holds the lock). */
    public synchronized int relayOnce() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                int published = relayBatch(c);
                c.commit();
                return published;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private int relayBatch(Connection c) throws SQLException {
        if (!AdvisoryLocks.tryLock(c, lockKey)) {
            return 0;
        }
        List<Long> seqs = new ArrayList<>();
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement(SELECT)) {
            select.setInt(1, batchSize);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    seqs.add(rs.getLong(1));
                    acks.add(send(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                            new TraceContext(rs.getString(7), rs.getString(8))));
                }
            }
        }
        if (seqs.isEmpty()) {
            return 0;
        }
        awaitAcks(acks);
        try (PreparedStatement mark = c.prepareStatement(MARK)) {
            Array array = c.createArrayOf("bigint", seqs.toArray());
            mark.setArray(1, array);
            mark.executeUpdate();
        }
        return seqs.size();
    }

    /**
     * Deletes rows published longer ago than {@code retention}, in chunks of their own transaction
     * so the table is never locked for long; unpublished rows are never touched. Answers how many.
     */
    public int purgePublished(Duration retention) throws SQLException {
        Timestamp cutoff = Timestamp.from(Instant.now().minus(retention));
        int total = 0;
        try (Connection c = dataSource.getConnection(); PreparedStatement purge = c.prepareStatement(PURGE)) {
            c.setAutoCommit(true);
            int deleted;
            do {
                purge.setTimestamp(1, cutoff);
                purge.setInt(2, PURGE_CHUNK);
                deleted = purge.executeUpdate();
                total += deleted;
            } while (deleted == PURGE_CHUNK);
        }
        return total;
    }

    /** Unpublished events: how many, and when the oldest was written (null when none waits). */
    public record Backlog(long unpublished, Instant oldest) {
        public double ageSeconds(Instant now) {
            return oldest == null ? 0 : Math.max(0, Duration.between(oldest, now).toMillis() / 1000.0);
        }
    }

    public Backlog backlog() throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select count(*), min(timestamp) from outbox_event where published_at is null");
             ResultSet rs = s.executeQuery()) {
            rs.next();
            Timestamp oldest = rs.getTimestamp(2);
            return new Backlog(rs.getLong(1), oldest == null ? null : oldest.toInstant());
        }
    }

    private Future<RecordMetadata> send(String id, String topic, String key, String type, String payload,
                                        TraceContext trace) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, payload);
        // Debezium's header names, so a later move to its EventRouter changes nothing for consumers
        record.headers().add("id", id.getBytes(StandardCharsets.UTF_8));
        record.headers().add("eventType", type.getBytes(StandardCharsets.UTF_8));
        // the appending request's context as is: the consumers' spans become its children (no relay span
        // in between: the relay's rounds mix many traces and would only add a hop)
        if (trace.traceparent() != null) {
            record.headers().add(TraceContext.TRACEPARENT, trace.traceparent().getBytes(StandardCharsets.UTF_8));
            if (trace.tracestate() != null) {
                record.headers().add(TraceContext.TRACESTATE, trace.tracestate().getBytes(StandardCharsets.UTF_8));
            }
        }
        // the acknowledgment comes by callback, not by the future send() returns: that future follows
        // a chain with one link per split of a batch the broker refused as too large, and reading it
        // recursed until a StackOverflowError (OutboxRelayTest), which would end the relay's thread
        CompletableFuture<RecordMetadata> ack = new CompletableFuture<>();
        producer().send(record, (metadata, error) -> {
            if (error != null) {
                ack.completeExceptionally(error);
            } else {
                ack.complete(metadata);
            }
        });
        return ack;
    }

    private void awaitAcks(List<Future<RecordMetadata>> acks) {
        producer().flush();
        try {
            for (Future<RecordMetadata> ack : acks) {
                ack.get(ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (Exception e) {
            // a producer that timed out may hold half-sent batches: start the next round with a new one
            discardProducer();
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("broker did not acknowledge the batch: " + e.getMessage(), e);
        }
    }

    private Producer<String, String> producer() {
        if (producer == null) {
            producer = producerFactory.get();
        }
        return producer;
    }

    private void discardProducer() {
        if (producer != null) {
            try {
                producer.close(Duration.ZERO);
            } finally {
                producer = null;
            }
        }
    }

    public synchronized void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
            producer = null;
        }
    }
}
