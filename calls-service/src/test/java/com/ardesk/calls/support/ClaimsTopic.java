package com.ardesk.calls.support;

import com.ardesk.events.EventEnvelope;
import com.ardesk.events.EventJson;
import com.ardesk.events.Topics;
import com.ardesk.kit.kafka.KafkaClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/** Publishes envelopes on ar.claims.v1 as claims-service's relay would, for tests of the real consumer loop. */
public final class ClaimsTopic {
    private ClaimsTopic() {
    }

    public static void publish(String key, EventEnvelope... events) {
        publishRaw(Topics.CLAIMS, key, java.util.Arrays.stream(events).map(EventJson::write).toArray(String[]::new));
    }

    /** Any values, valid events or not, with the service's own Kafka settings (SASL included when it has them). */
    public static void publishRaw(String topic, String key, String... values) {
        publishRaw(topic, key, Map.of(), values);
    }

    public static void publishRaw(String topic, String key, Map<String, String> headers, String... values) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(clientConfig().client(Map.of(),
                Map.of(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName())))) {
            for (String value : values) {
                ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
                headers.forEach((name, header) -> record.headers().add(name, header.getBytes(StandardCharsets.UTF_8)));
                producer.send(record).get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not publish to " + topic, e);
        }
    }

    /** Every kafka.* setting of the service under test. */
    public static KafkaClientConfig clientConfig() {
        return new KafkaClientConfig(ConfigProvider.getConfig());
    }
}
