package com.ardesk.devstack;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The SASL listener lets in only clients that authenticate, so a service that reaches it really passes its settings. */
class KafkaBrokerSaslTest {
    static KafkaBroker broker;

    @BeforeAll
    static void start() {
        broker = KafkaBroker.start(Path.of("target", "sasl-" + UUID.randomUUID().toString().substring(0, 8)), 0);
    }

    @AfterAll
    static void stop() {
        broker.close();
    }

    @Test
    void aClientWithTheCredentialsPublishes() throws Exception {
        try (KafkaProducer<String, String> producer = producer(KafkaBroker.saslClientConfig())) {
            assertThat(producer.send(new ProducerRecord<>("sasl-check", "k", "v")).get(30, TimeUnit.SECONDS).offset())
                    .isGreaterThanOrEqualTo(0);
        }
    }

    @Test
    void aClientWithoutThemIsRefused() {
        Map<String, String> wrongPassword = Map.of("security.protocol", "SASL_PLAINTEXT", "sasl.mechanism", "PLAIN",
                "sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required username=\""
                        + KafkaBroker.SASL_USER + "\" password=\"wrong\";");
        try (KafkaProducer<String, String> producer = producer(wrongPassword)) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>("sasl-check", "k", "v")).get(30, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).hasMessageContaining("Authentication failed");
        }
    }

    private static KafkaProducer<String, String> producer(Map<String, String> security) {
        Properties p = new Properties();
        p.putAll(security);
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.saslBootstrapServers());
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "30000");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return new KafkaProducer<>(p);
    }
}
