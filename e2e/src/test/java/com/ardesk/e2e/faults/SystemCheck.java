package com.ardesk.e2e.faults;

import com.ardesk.devstack.ArDeskSystem;
import com.ardesk.devstack.PostgresServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the system holds after a scenario, read where it lives: the services' databases (the
 * claims, their money, the outbox, {@code processed_event}, follow-up tasks, Idempotency-Key
 * records) and the broker's dead-letter topics. Read-only; the services are never bypassed for writes.
 */
final class SystemCheck {
    /** Consumers of ar.claims.v1 and the database each records its processed events in. */
    static final Map<String, String> CLAIM_EVENT_CONSUMERS = Map.of("followup-claims", "followup",
            "calls-service-claims", "calls");
    private static final Pattern EVENT_ID = Pattern.compile("\"eventId\"\\s*:\\s*\"([0-9a-fA-F-]{36})\"");

    record DeadLetter(String topic, int partition, long offset, String eventId, String type, String reason) {
        String position() {
            return topic + "-" + partition + "@" + offset;
        }

        @Override
        public String toString() {
            return position() + " " + type + " " + eventId + ": " + reason;
        }
    }

    /** How far the consumers got with a scenario's events. */
    record Downstream(int events, int unpublished, Map<String, Set<String>> notApplied, List<DeadLetter> deadLetters,
                      Instant caughtUpAt) {
        /** Events some consumer never applied (dead-lettered or still missing at the deadline). */
        int lost() {
            Set<String> lost = new HashSet<>();
            notApplied.values().forEach(lost::addAll);
            return lost.size();
        }
    }

    private final ArDeskSystem system;

    SystemCheck(ArDeskSystem system) {
        this.system = system;
    }

    Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(system.infra().postgres().jdbcUrl(database), PostgresServer.USER,
                PostgresServer.PASSWORD);
    }

    /** Every record in every dead-letter topic ({@code <topic>.<consumer>.dlt}) on the broker. */
    List<DeadLetter> deadLetters() {
        String bootstrap = system.infra().kafkaBroker().bootstrapServers();
        List<String> topics;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            topics = admin.listTopics().names().get(30, TimeUnit.SECONDS).stream().filter(t -> t.endsWith(".dlt")).sorted().toList();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot list topics: " + e.getMessage(), e);
        }
        if (topics.isEmpty()) {
            return List.of();
        }
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<DeadLetter> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                consumer.partitionsFor(topic, Duration.ofSeconds(30))
                        .forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            Instant deadline = Instant.now().plusSeconds(60);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp, Duration.ofSeconds(30)) < ends.get(tp))
                    && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    Matcher id = EVENT_ID.matcher(r.value() == null ? "" : r.value());
                    Matcher type = Pattern.compile("\"type\"\\s*:\\s*\"(\\w+)\"").matcher(r.value() == null ? "" : r.value());
                    Header reason = r.headers().lastHeader("dlt.reason");
                    found.add(new DeadLetter(r.topic(), r.partition(), r.offset(), id.find() ? id.group(1) : "?",
                            type.find() ? type.group(1) : "?",
                            reason == null ? "(no reason)" : new String(reason.value(), StandardCharsets.UTF_8)));
                }
            }
        }
        return found;
    }

    /** Idempotency-Key records still "in progress" (no answer stored), in every service database. */
    List<String> stuckKeys() throws SQLException {
        List<String> stuck = new ArrayList<>();
        for (String database : List.of("claims", "calls", "followup")) {
            try (Connection c = connect(database);
                 PreparedStatement s = c.prepareStatement("select to_regclass('idempotency_record') is not null");
                 ResultSet exists = s.executeQuery()) {
                exists.next();
                if (!exists.getBoolean(1)) {
                    continue;
                }
                try (PreparedStatement q = c.prepareStatement(
                        "select principal, idem_key, created_at from idempotency_record where status is null order by created_at");
                     ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        stuck.add(database + ": " + rs.getString(1) + " / " + rs.getString(2) + " since " + rs.getTimestamp(3).toInstant());
                    }
                }
            }
        }
        return stuck;
    }

    /**
     * Waits until every ar.claims.v1 event of these claims is published and applied by each
     * consumer (or dead-lettered by it: that can never be applied without a replay). Gives up when
     * the consumers made no progress for {@code stall} (a restarted consumer may wait out the
     * group's session timeout first) or after {@code bound}.
     */
    Downstream awaitDownstream(Collection<String> claimIds, Set<String> deadLettersBefore, Duration stall, Duration bound)
            throws SQLException {
        Instant start = Instant.now();
        Instant lastProgress = start;
        int lastApplied = -1;
        while (true) {
            Map<String, Boolean> events = outboxEvents(claimIds);
            List<DeadLetter> dead = deadLetters().stream().filter(d -> !deadLettersBefore.contains(d.position())).toList();
            Map<String, Set<String>> notApplied = new LinkedHashMap<>();
            int applied = 0;
            for (var consumer : CLAIM_EVENT_CONSUMERS.entrySet()) {
                Set<String> done = processed(consumer.getValue(), consumer.getKey(), events.keySet());
                applied += done.size();
                Set<String> missing = new HashSet<>(events.keySet());
                missing.removeAll(done);
                if (!missing.isEmpty()) {
                    notApplied.put(consumer.getKey(), missing);
                }
            }
            int unpublished = (int) events.values().stream().filter(published -> !published).count();
            Instant now = Instant.now();
            if (unpublished == 0 && notApplied.isEmpty()) {
                return new Downstream(events.size(), 0, notApplied, dead, now);
            }
            boolean onlyDeadLettersLeft = unpublished == 0 && notApplied.entrySet().stream().allMatch(miss ->
                    miss.getValue().stream().allMatch(id -> dead.stream().anyMatch(d -> d.eventId().equals(id)
                            && d.topic().contains("." + miss.getKey() + ".dlt"))));
            if (applied != lastApplied) {
                lastApplied = applied;
                lastProgress = now;
            }
            if (onlyDeadLettersLeft || Duration.between(lastProgress, now).compareTo(stall) > 0
                    || Duration.between(start, now).compareTo(bound) > 0) {
                return new Downstream(events.size(), unpublished, notApplied, dead, null);
            }
            Api.pause(1000);
        }
    }

    /** Event id → published, of the claims' events in claims-service's outbox. */
    Map<String, Boolean> outboxEvents(Collection<String> claimIds) throws SQLException {
        Map<String, Boolean> events = new HashMap<>();
        try (Connection c = connect("claims"); PreparedStatement s = c.prepareStatement(
                "select id::text, published_at is not null from outbox_event where topic = 'ar.claims.v1' and aggregateid = any(?)")) {
            s.setArray(1, c.createArrayOf("varchar", claimIds.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    events.put(rs.getString(1), rs.getBoolean(2));
                }
            }
        }
        return events;
    }

    /** Of these event ids, those the consumer recorded in its processed_event table. */
    Set<String> processed(String database, String consumer, Collection<String> eventIds) throws SQLException {
        Set<String> done = new HashSet<>();
        try (Connection c = connect(database); PreparedStatement s = c.prepareStatement(
                "select event_id::text from processed_event where consumer = ? and event_id = any(?)")) {
            s.setString(1, consumer);
            s.setArray(2, c.createArrayOf("uuid", eventIds.stream().map(UUID::fromString).toArray(UUID[]::new)));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    done.add(rs.getString(1));
                }
            }
        }
        return done;
    }

    /** How many events the consumer has applied so far, all practices. */
    long processedCount(String database, String consumer) throws SQLException {
        try (Connection c = connect(database);
             PreparedStatement s = c.prepareStatement("select count(*) from processed_event where consumer = ?")) {
            s.setString(1, consumer);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Rows of a two-column query (key, value) with one text parameter. */
    Map<String, Object> keyed(String database, String sql, String parameter) throws SQLException {
        Map<String, Object> rows = new HashMap<>();
        try (Connection c = connect(database); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, parameter);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.put(rs.getString(1), rs.getObject(2));
                }
            }
        }
        return rows;
    }

    /** The claim rows of a practice by external id: claim id, count, billed, paid, balance. */
    record ClaimRow(String claimId, int copies, BigDecimal billed, BigDecimal paid, BigDecimal balance) {
    }

    Map<String, ClaimRow> claims(String practice) throws SQLException {
        Map<String, ClaimRow> rows = new HashMap<>();
        try (Connection c = connect("claims"); PreparedStatement s = c.prepareStatement("""
                select external_claim_id, min(claim_id::text), count(*), min(billed_amount), min(paid_amount), min(balance)
                from claim where practice_id = ? group by external_claim_id""")) {
            s.setString(1, practice);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.put(rs.getString(1), new ClaimRow(rs.getString(2), rs.getInt(3), rs.getBigDecimal(4),
                            rs.getBigDecimal(5), rs.getBigDecimal(6)));
                }
            }
        }
        return rows;
    }
}
