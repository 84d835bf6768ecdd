package com.ardesk.kit.consumer;

import com.ardesk.events.Topics;
import com.ardesk.kit.kafka.KafkaClientConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The dead-letter topics {@code <topic>.<consumer>.dlt}: a poison record goes there with its reason
 * ({@code dlt.reason}), its origin ({@code dlt.origin} topic-partition@offset, {@code dlt.topic})
 * and its original headers, so {@link DeadLetterReplay} can put it back after a fix.
 */
@ApplicationScoped
public class DeadLetters {
    public static final String REASON = "dlt.reason";
    public static final String ORIGIN = "dlt.origin";
    public static final String TOPIC = "dlt.topic";

    private final KafkaClientConfig kafka;
    private final MeterRegistry registry;
    private KafkaProducer<String, String> producer;

    public DeadLetters(KafkaClientConfig kafka, MeterRegistry registry) {
        this.kafka = kafka;
        this.registry = registry;
    }

    /** Stores the record on its dead-letter topic; throws if the broker did not take it, so the record is not skipped. */
    public synchronized void send(String consumer, ConsumerRecord<String, String> record, String reason) {
        String topic = Topics.deadLetter(record.topic(), consumer);
        Log.errorf("event at %s-%d@%d sent to %s: %s", record.topic(), record.partition(), record.offset(), topic, reason);
        ProducerRecord<String, String> dead = new ProducerRecord<>(topic, record.key(), record.value());
        record.headers().forEach(h -> dead.headers().add(h));
        dead.headers().add(REASON, reason.getBytes(StandardCharsets.UTF_8));
        dead.headers().add(ORIGIN, (record.topic() + "-" + record.partition() + "@" + record.offset())
                .getBytes(StandardCharsets.UTF_8));
        dead.headers().add(TOPIC, record.topic().getBytes(StandardCharsets.UTF_8));
        try {
            producer().send(dead).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            close(Duration.ZERO);
            throw new IllegalStateException("dead-letter topic " + topic + " unavailable: " + e.getMessage(), e);
        }
        counter(consumer).increment();
    }

    /** Dead letters written by this instance, per consumer: an alert on any increase calls for a look. */
    Counter counter(String consumer) {
        return Counter.builder("ardesk.consumer.dead.letters").tag("consumer", consumer)
                .description("records sent to the consumer's dead-letter topic").register(registry);
    }

    private KafkaProducer<String, String> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(kafka.client(
                    Map.of(ProducerConfig.CLIENT_ID_CONFIG, "dead-letters",
                            ProducerConfig.MAX_BLOCK_MS_CONFIG, "5000",
                            ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "9000",
                            ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000"),
                    Map.of(ProducerConfig.ACKS_CONFIG, "all",
                            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName())));
        }
        return producer;
    }

    synchronized void close(Duration timeout) {
        if (producer != null) {
            try {
                producer.close(timeout);
            } finally {
                producer = null;
            }
        }
    }
}
