package com.ardesk.kit.kafka;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Every {@code kafka.*} setting (or {@code KAFKA_*} environment variable) of the service, for every
 * Kafka client it creates: the outbox relay's producer, the consumers and the dead-letter producer.
 * That is how {@code security.protocol}, {@code sasl.*} and {@code ssl.*} (TLS, SCRAM, mTLS as
 * Strimzi issues them) reach all of them, not only {@code bootstrap.servers}.
 */
@ApplicationScoped
public class KafkaClientConfig {
    private static final String PREFIX = "kafka.";
    private static final String ENV_PREFIX = "KAFKA_";

    private final Map<String, String> settings;

    @Inject
    public KafkaClientConfig(Config config) {
        this(collect(config));
    }

    public KafkaClientConfig(Map<String, String> settings) {
        this.settings = Map.copyOf(settings);
    }

    /**
     * The client's properties: {@code defaults} first, then every {@code kafka.*} setting (the operator
     * wins over a default), then {@code fixed} (what the client's correctness depends on).
     */
    public Properties client(Map<String, Object> defaults, Map<String, Object> fixed) {
        Properties p = new Properties();
        p.putAll(defaults);
        p.putAll(settings);
        p.putAll(fixed);
        return p;
    }

    /** The settings passed through, without the prefix (for logs and tests). */
    public Map<String, String> settings() {
        return settings;
    }

    /** The {@code KAFKA_*} variables of an environment, for tools that run without the service's config. */
    public static KafkaClientConfig fromEnvironment(Map<String, String> env) {
        Map<String, String> found = new TreeMap<>();
        env.forEach((name, value) -> {
            String key = clientKey(name);
            if (key != null && name.startsWith(ENV_PREFIX)) {
                found.put(key, value);
            }
        });
        return new KafkaClientConfig(found);
    }

    static Map<String, String> collect(Config config) {
        Map<String, String> found = new TreeMap<>();
        for (String name : config.getPropertyNames()) {
            String key = clientKey(name);
            if (key != null) {
                // read through the dotted name, so an environment variable overrides the file as everywhere else
                config.getOptionalValue(PREFIX + key, String.class).ifPresent(value -> found.put(key, value));
            }
        }
        return found;
    }

    /** {@code kafka.sasl.mechanism} and {@code KAFKA_SASL_MECHANISM} both name the client key {@code sasl.mechanism}. */
    static String clientKey(String propertyName) {
        if (propertyName.startsWith(PREFIX) && propertyName.length() > PREFIX.length()) {
            return propertyName.substring(PREFIX.length());
        }
        if (propertyName.startsWith(ENV_PREFIX) && propertyName.length() > ENV_PREFIX.length()
                && propertyName.equals(propertyName.toUpperCase(Locale.ROOT))) {
            return propertyName.substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.');
        }
        return null;
    }
}
