package com.ardesk.devstack;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;

/** Reads a topic from the beginning, for tests that assert what reached the broker. */
public final class TopicProbe {
    private TopicProbe() {
    }

    /**
     * Every record value on the topic that matches, read until {@code quiet} passes with no new
     * match after at least {@code expected} matches, or until {@code timeout}.
     */
    public static List<String> read(String bootstrapServers, String topic, Predicate<String> match, int expected,
                                    Duration timeout, Duration quiet) {
        return records(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), topic,
                r -> match.test(r.value()), expected, timeout, quiet).stream().map(ConsumerRecord::value).toList();
    }

    /**
     * Like {@link #read} but with whole records (headers included) and any client settings (e.g. the
     * SASL ones of {@link KafkaBroker#saslClientConfig()} besides {@code bootstrap.servers}).
     */
    public static List<ConsumerRecord<String, String>> records(Map<String, String> clientConfig, String topic,
                                                               Predicate<ConsumerRecord<String, String>> match,
                                                               int expected, Duration timeout, Duration quiet) {
        Properties p = new Properties();
        p.putAll(clientConfig);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            Instant deadline = Instant.now().plus(timeout);
            List<TopicPartition> partitions = List.of();
            while (partitions.isEmpty() && Instant.now().isBefore(deadline)) {
                partitions = consumer.partitionsFor(topic, Duration.ofSeconds(5)).stream()
                        .map(info -> new TopicPartition(topic, info.partition())).toList();
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Instant lastMatch = Instant.now();
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    if (match.test(r)) {
                        found.add(r);
                        lastMatch = Instant.now();
                    }
                }
                if (found.size() >= expected && Duration.between(lastMatch, Instant.now()).compareTo(quiet) >= 0) {
                    break;
                }
            }
        }
        return found;
    }
}
