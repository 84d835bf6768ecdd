package com.ardesk.kit.consumer;

import com.ardesk.events.EventEnvelope;
import com.ardesk.events.EventJson;
import com.ardesk.events.Topics;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * Runs one Kafka consumer thread per {@link EventHandler} bean. Each record is applied in its own
 * transaction together with its {@code processed_event} row, so a redelivery (after a crash, a
 * rebalance, or a relay that sent twice) changes nothing. A record that cannot be read, or that
 * keeps failing, goes to the dead-letter topic with the reason and the partition moves on.
 */
@ApplicationScoped
public class EventConsumerRunner {
    private static final int ATTEMPTS = 3;

    private final Instance<EventHandler> handlers;
    private final ProcessedEvents processedEvents;
    private final String bootstrapServers;
    private final boolean enabled;
    private final List<Loop> loops = new ArrayList<>();
    private KafkaProducer<String, String> deadLetters;

    public EventConsumerRunner(Instance<EventHandler> handlers, ProcessedEvents processedEvents,
                               @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                               @ConfigProperty(name = "ardesk.consumers.enabled", defaultValue = "true") boolean enabled) {
        this.handlers = handlers;
        this.processedEvents = processedEvents;
        this.bootstrapServers = bootstrapServers;
        this.enabled = enabled;
    }

    void start(@Observes StartupEvent ignored) {
        if (!enabled || handlers.isUnsatisfied()) {
            return;
        }
        for (EventHandler handler : handlers) {
            Loop loop = new Loop(handler);
            loops.add(loop);
            Thread thread = new Thread(loop, "consumer-" + handler.consumerName());
            thread.setDaemon(true);
            thread.start();
        }
    }

    void stop(@Observes ShutdownEvent ignored) {
        loops.forEach(Loop::stop);
        loops.forEach(Loop::awaitStopped);
        if (deadLetters != null) {
            deadLetters.close(Duration.ofSeconds(5));
        }
    }

    /** Applies one event once; public so tests and replays can drive it without Kafka. */
    public void apply(EventHandler handler, EventEnvelope event) {
        QuarkusTransaction.requiringNew().run(() -> {
            if (processedEvents.markProcessed(event.eventId(), handler.consumerName())) {
                handler.handle(event);
            }
        });
    }

    private void process(EventHandler handler, ConsumerRecord<String, String> record) {
        EventEnvelope event;
        try {
            event = EventJson.read(record.value());
        } catch (IllegalArgumentException e) {
            deadLetter(handler, record, e.getMessage());
            return;
        }
        for (int attempt = 1; ; attempt++) {
            try {
                apply(handler, event);
                return;
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS) {
                    deadLetter(handler, record, e.getClass().getSimpleName() + ": " + e.getMessage());
                    return;
                }
                sleep(200L * attempt);
            }
        }
    }

    private synchronized void deadLetter(EventHandler handler, ConsumerRecord<String, String> record, String reason) {
        String topic = Topics.deadLetter(record.topic(), handler.consumerName());
        Log.errorf("event at %s-%d@%d sent to %s: %s", record.topic(), record.partition(), record.offset(), topic, reason);
        if (deadLetters == null) {
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            p.put(ProducerConfig.ACKS_CONFIG, "all");
            p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            deadLetters = new KafkaProducer<>(p);
        }
        ProducerRecord<String, String> dead = new ProducerRecord<>(topic, record.key(), record.value());
        dead.headers().add("dlt.reason", reason.getBytes(StandardCharsets.UTF_8));
        dead.headers().add("dlt.origin", (record.topic() + "-" + record.partition() + "@" + record.offset())
                .getBytes(StandardCharsets.UTF_8));
        try {
            deadLetters.send(dead).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            // without the dead letter stored we must not skip the record: let the loop retry it
            throw new IllegalStateException("dead-letter topic unavailable: " + e.getMessage(), e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private final class Loop implements Runnable {
        private final EventHandler handler;
        private final KafkaConsumer<String, String> consumer;
        private volatile boolean running = true;
        private final java.util.concurrent.CountDownLatch stopped = new java.util.concurrent.CountDownLatch(1);

        Loop(EventHandler handler) {
            this.handler = handler;
            Properties p = new Properties();
            p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            p.put(ConsumerConfig.GROUP_ID_CONFIG, handler.consumerName());
            p.put(ConsumerConfig.CLIENT_ID_CONFIG, handler.consumerName());
            p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
            p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "200");
            p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            this.consumer = new KafkaConsumer<>(p);
        }

        @Override
        public void run() {
            try {
                consumer.subscribe(handler.topics());
                while (running) {
                    try {
                        ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
                        for (ConsumerRecord<String, String> record : records) {
                            process(handler, record);
                        }
                        if (!records.isEmpty()) {
                            consumer.commitSync();
                        }
                    } catch (WakeupException e) {
                        // stop() woke us up
                    } catch (RuntimeException e) {
                        // uncommitted records come again after the seek below; their ids make that safe
                        Log.warnf("consumer %s will retry: %s", handler.consumerName(), e.getMessage());
                        consumer.committed(consumer.assignment()).forEach((tp, offset) -> {
                            if (offset != null) {
                                consumer.seek(tp, offset.offset());
                            }
                        });
                        sleep(1000);
                    }
                }
            } finally {
                consumer.close(Duration.ofSeconds(5));
                stopped.countDown();
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
}
