package com.ardesk.kit.kafka;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaClientConfigTest {
    @Test
    void dottedAndEnvironmentNamesBothNameTheClientKey() {
        assertThat(KafkaClientConfig.clientKey("kafka.security.protocol")).isEqualTo("security.protocol");
        assertThat(KafkaClientConfig.clientKey("KAFKA_SASL_JAAS_CONFIG")).isEqualTo("sasl.jaas.config");
        assertThat(KafkaClientConfig.clientKey("quarkus.kafka.health.enabled")).isNull();
        assertThat(KafkaClientConfig.clientKey("kafka_home")).isNull();
    }

    @Test
    void operatorSettingsBeatDefaultsButNotWhatTheClientNeeds() {
        KafkaClientConfig config = KafkaClientConfig.fromEnvironment(Map.of("KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "KAFKA_LINGER_MS", "20", "KAFKA_ACKS", "0", "HOME", "/root"));
        Properties p = config.client(Map.of("linger.ms", "2"), Map.of("acks", "all"));
        assertThat(p).containsEntry("security.protocol", "SASL_SSL").containsEntry("linger.ms", "20")
                .containsEntry("acks", "all").doesNotContainKey("home");
    }
}
