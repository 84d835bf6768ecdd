package com.ardesk.followup.support;

import com.ardesk.devstack.Await;
import com.ardesk.events.EventEnvelope;
import com.ardesk.events.EventJson;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Produces events the way claims-service and calls-service do, and waits for their effects. */
public final class Events {
    private static KafkaProducer<String, String> producer;

    private Events() {
    }

    public static EventEnvelope envelope(String practiceId, Record payload) {
        return EventJson.envelope(practiceId, payload, Instant.now());
    }

    /** Sends the envelope to the topic, keyed like the producers key it, and waits for the ack. */
    public static synchronized void send(String topic, String key, EventEnvelope envelope) {
        if (producer == null) {
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
            p.put(ProducerConfig.ACKS_CONFIG, "all");
            p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            producer = new KafkaProducer<>(p);
        }
        try {
            producer.send(new ProducerRecord<>(topic, key, EventJson.write(envelope))).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot send test event", e);
        }
    }

    /** Polls until the condition holds; fails the test after the timeout. */
    public static void await(String what, Duration timeout, BooleanSupplier condition) {
        Await.until(what, timeout, condition);
    }
}
