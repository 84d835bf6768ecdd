package com.ardesk.kit.consumer;

import com.ardesk.events.EventEnvelope;
import com.ardesk.events.EventJson;
import com.ardesk.kit.kafka.KafkaClientConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.FencedInstanceIdException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One consumer thread. A partition's records of one poll go in one transaction; if that fails they
 * go one by one, which isolates the failing record: a poison one goes to the dead-letter topic and
 * the partition moves on; a transient failure pauses only that partition (pause/resume, so the
 * thread keeps polling and the consumer keeps its group membership), seeks back to the record and
 * retries it after a capped exponential backoff, for as long as it takes. Events of one key are on
 * one partition, so per-claim order holds throughout. Each transaction runs in the trace its records
 * came from ({@link ConsumerTracing}).
 */
final class ConsumerLoop implements Runnable {
    private static final Duration POLL = Duration.ofMillis(500);
    private static final long LAG_EVERY_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final EventHandler handler;
    private final EventConsumerRunner runner;
    private final DeadLetters deadLetters;
    private final ConsumerTracing tracing;
    private final Backoff backoff;
    private final KafkaConsumer<String, String> consumer;
    // concurrent only because the paused-partitions gauge reads its size from the metrics thread
    private final Map<TopicPartition, Blocked> blocked = new ConcurrentHashMap<>();
    private final AtomicLong lag = new AtomicLong();
    private final Counter retries;
    private final Counter applied;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean running = true;
    private long nextLagCheck;

    /** A partition waiting to retry the record it is positioned on. */
    private record Blocked(int retries, long resumeAt) {
    }

    ConsumerLoop(EventHandler handler, EventConsumerRunner runner, DeadLetters deadLetters, ConsumerTracing tracing,
                 KafkaClientConfig kafka, ConsumersConfig config, String instanceId, MeterRegistry registry) {
        this.handler = handler;
        this.runner = runner;
        this.deadLetters = deadLetters;
        this.tracing = tracing;
        this.backoff = new Backoff(config.retryFirst(), config.retryMax());
        String name = handler.consumerName();
        this.consumer = new KafkaConsumer<>(kafka.client(
                Map.of(ConsumerConfig.CLIENT_ID_CONFIG, name,
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                        ConsumerConfig.MAX_POLL_RECORDS_CONFIG, String.valueOf(config.maxPollRecords()),
                        // a replacement with a new name (a new pod) waits at most this long for the dead one's partitions
                        ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, "10000",
                        ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, "3000"),
                Map.of(ConsumerConfig.GROUP_ID_CONFIG, name,
                        // static membership: a restart under the same name takes its partitions back at once
                        ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, name + "-" + instanceId,
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName())));
        this.retries = Counter.builder("ardesk.consumer.retries").tag("consumer", name)
                .description("transient failures retried after a backoff").register(registry);
        this.applied = Counter.builder("ardesk.consumer.records").tag("consumer", name)
                .description("records applied or skipped as duplicates").register(registry);
        Gauge.builder("ardesk.consumer.lag", lag, AtomicLong::get).tag("consumer", name)
                .description("records behind the end of the assigned partitions").register(registry);
        Gauge.builder("ardesk.consumer.paused.partitions", blocked, Map::size).tag("consumer", name)
                .description("partitions waiting to retry a transiently failing record").register(registry);
        deadLetters.counter(name);
    }

    String name() {
        return handler.consumerName();
    }

    long lag() {
        return lag.get();
    }

    @Override
    public void run() {
        try {
            consumer.subscribe(handler.topics(), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    blocked.keySet().removeAll(partitions);
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    // positions come from the committed offsets
                }
            });
            while (running) {
                try {
                    resumeDue();
                    ConsumerRecords<String, String> records = consumer.poll(pollTimeout());
                    Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
                    for (TopicPartition partition : records.partitions()) {
                        long next = process(partition, records.records(partition));
                        if (next >= 0) {
                            done.put(partition, new OffsetAndMetadata(next));
                        }
                    }
                    commit(done);
                    measureLag();
                } catch (WakeupException e) {
                    // stop() woke us up
                } catch (FencedInstanceIdException e) {
                    Log.errorf("consumer %s stops: another running instance uses the same group.instance.id"
                            + " (set ardesk.consumers.instance-id per instance)", name());
                    running = false;
                } catch (RuntimeException e) {
                    // the client failed outside a record (poll, seek): positions are unchanged, poll again
                    Log.warnf("consumer %s: %s", name(), Failures.describe(e));
                    pause(Duration.ofSeconds(1));
                }
            }
        } finally {
            try {
                consumer.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                        .withTimeout(Duration.ofSeconds(5)));
            } finally {
                stopped.countDown();
            }
        }
    }

    /** Applies a partition's records; answers the offset to commit, or -1 if none was applied. */
    private long process(TopicPartition partition, List<ConsumerRecord<String, String>> records) {
        long first = records.get(0).offset();
        if (records.size() > 1 && applyBatch(records)) {
            recovered(partition);
            return records.get(records.size() - 1).offset() + 1;
        }
        for (ConsumerRecord<String, String> record : records) {
            try {
                tracing.run(name(), List.of(record), () -> runner.apply(handler, parse(record)));
                applied.increment();
            } catch (RuntimeException failure) {
                if (!Failures.isPoison(failure) || !deadLettered(record, failure)) {
                    retryLater(partition, record, failure);
                    return record.offset() == first ? -1 : record.offset();
                }
            }
        }
        recovered(partition);
        return records.get(records.size() - 1).offset() + 1;
    }

    private boolean applyBatch(List<ConsumerRecord<String, String>> records) {
        try {
            tracing.run(name(), records, () -> {
                List<EventEnvelope> events = new ArrayList<>(records.size());
                for (ConsumerRecord<String, String> record : records) {
                    events.add(parse(record));
                }
                runner.applyAll(handler, events);
            });
            applied.increment(records.size());
            return true;
        } catch (RuntimeException failure) {
            // one by one next, which finds the record that failed and what kind of failure it is
            Log.debugf("consumer %s: batch of %d failed, applying one by one: %s", name(), records.size(),
                    Failures.describe(failure));
            return false;
        }
    }

    private static EventEnvelope parse(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            throw new PoisonEventException("record without a value");
        }
        try {
            return EventJson.read(record.value());
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException(e.getMessage(), e);
        }
    }

    private boolean deadLettered(ConsumerRecord<String, String> record, RuntimeException failure) {
        try {
            deadLetters.send(name(), record, Failures.describe(failure));
            applied.increment();
            return true;
        } catch (RuntimeException brokerDown) {
            // without the dead letter stored the record must not be skipped: it waits like a transient failure
            return false;
        }
    }

    private void retryLater(TopicPartition partition, ConsumerRecord<String, String> record, RuntimeException failure) {
        Blocked before = blocked.get(partition);
        int retry = before == null ? 1 : before.retries() + 1;
        Duration delay = backoff.delay(retry);
        consumer.seek(partition, record.offset());
        consumer.pause(Set.of(partition));
        blocked.put(partition, new Blocked(retry, System.nanoTime() + delay.toNanos()));
        retries.increment();
        Log.warnf("consumer %s: event %s at %s@%d failed, retry %d in %d ms (partition paused): %s", name(),
                eventId(record), partition, record.offset(), retry, delay.toMillis(), Failures.describe(failure));
    }

    private void recovered(TopicPartition partition) {
        Blocked was = blocked.remove(partition);
        if (was != null) {
            Log.infof("consumer %s: %s applies again after %d retries", name(), partition, was.retries());
        }
    }

    private void resumeDue() {
        long now = System.nanoTime();
        Set<TopicPartition> paused = consumer.paused();
        List<TopicPartition> due = new ArrayList<>();
        blocked.forEach((partition, b) -> {
            if (now - b.resumeAt() >= 0 && paused.contains(partition)) {
                due.add(partition);
            }
        });
        if (!due.isEmpty()) {
            consumer.resume(due);
        }
    }

    /** Polls no longer than until the next paused partition is due. */
    private Duration pollTimeout() {
        long now = System.nanoTime();
        long wait = POLL.toNanos();
        for (Blocked b : blocked.values()) {
            long until = b.resumeAt() - now;
            if (until > 0) {
                wait = Math.min(wait, until);
            }
        }
        return Duration.ofNanos(Math.max(wait, TimeUnit.MILLISECONDS.toNanos(10)));
    }

    private void commit(Map<TopicPartition, OffsetAndMetadata> offsets) {
        if (offsets.isEmpty()) {
            return;
        }
        try {
            consumer.commitSync(offsets);
        } catch (WakeupException e) {
            throw e;
        } catch (RuntimeException e) {
            // the records come again after a rebalance or restart; their processed_event rows make that harmless
            Log.warnf("consumer %s could not commit offsets: %s", name(), Failures.describe(e));
        }
    }

    private void measureLag() {
        long now = System.nanoTime();
        if (now - nextLagCheck < 0) {
            return;
        }
        nextLagCheck = now + LAG_EVERY_NANOS;
        Set<TopicPartition> assigned = consumer.assignment();
        if (assigned.isEmpty()) {
            lag.set(0);
            return;
        }
        try {
            long behind = 0;
            for (Map.Entry<TopicPartition, Long> end : consumer.endOffsets(assigned, Duration.ofSeconds(2)).entrySet()) {
                behind += Math.max(0, end.getValue() - consumer.position(end.getKey(), Duration.ofSeconds(2)));
            }
            lag.set(behind);
        } catch (RuntimeException e) {
            // broker unreachable: keep the last figure, the next check tries again
            Log.debugf("consumer %s: lag unknown: %s", name(), e.getMessage());
        }
    }

    private static String eventId(ConsumerRecord<String, String> record) {
        Header id = record.headers().lastHeader("id");
        if (id != null) {
            return new String(id.value(), StandardCharsets.UTF_8);
        }
        try {
            return String.valueOf(parse(record).eventId());
        } catch (RuntimeException unreadable) {
            return "(unreadable)";
        }
    }

    private void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    void stop() {
        running = false;
        consumer.wakeup();
    }

    void awaitStopped() {
        try {
            stopped.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
