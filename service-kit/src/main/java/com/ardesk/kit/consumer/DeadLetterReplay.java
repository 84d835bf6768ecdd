package com.ardesk.kit.consumer;

import com.ardesk.kit.kafka.KafkaClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;

/**
 * Puts dead letters back on the topic they came from, after the fix that makes them applicable is
 * deployed. Every consumer of that topic sees them again; the ones that applied them already skip
 * them by event id. Each dead letter is replayed once: the tool remembers its position in the
 * consumer group {@code <dead-letter-topic>.replay} and stops at the end it saw when it started.
 * <p>
 * Run it in a service's pod, so it uses the same {@code KAFKA_*} settings (TLS, SASL) as the service:
 * {@code java -cp '/deployments/lib/main/*' com.ardesk.kit.consumer.DeadLetterReplay ar.claims.v1.followup-claims.dlt}
 */
public final class DeadLetterReplay {
    public static final String REPLAYED_FROM = "dlt.replayed-from";

    private DeadLetterReplay() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: DeadLetterReplay <dead-letter-topic>   (Kafka settings from KAFKA_* variables)");
            System.exit(2);
        }
        Map<String, String> settings = KafkaClientConfig.fromEnvironment(System.getenv()).settings();
        int replayed = replay(settings, args[0], Duration.ofSeconds(60));
        System.out.println("replayed " + replayed + " dead letter(s) from " + args[0]);
    }

    /** Replays what the dead-letter topic holds now; answers how many records went back. */
    public static int replay(Map<String, String> kafka, String deadLetterTopic, Duration timeout)
            throws InterruptedException, ExecutionException {
        KafkaClientConfig config = new KafkaClientConfig(kafka);
        Properties consumerProps = config.client(Map.of(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                Map.of(ConsumerConfig.GROUP_ID_CONFIG, deadLetterTopic + ".replay",
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()));
        Properties producerProps = config.client(Map.of(), Map.of(ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
        int replayed = 0;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProps);
             KafkaProducer<String, String> producer = new KafkaProducer<>(producerProps)) {
            List<TopicPartition> partitions = consumer.partitionsFor(deadLetterTopic, timeout).stream()
                    .map(p -> new TopicPartition(deadLetterTopic, p.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            Instant deadline = Instant.now().plus(timeout);
            while (!reached(consumer, end) && Instant.now().isBefore(deadline)) {
                Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
                for (ConsumerRecord<String, String> dead : consumer.poll(Duration.ofMillis(500))) {
                    if (dead.offset() >= end.get(new TopicPartition(dead.topic(), dead.partition()))) {
                        continue;
                    }
                    producer.send(back(dead)).get();
                    replayed++;
                    done.put(new TopicPartition(dead.topic(), dead.partition()), new OffsetAndMetadata(dead.offset() + 1));
                }
                if (!done.isEmpty()) {
                    consumer.commitSync(done);
                }
            }
            if (!reached(consumer, end)) {
                throw new IllegalStateException("replay of " + deadLetterTopic + " did not finish within " + timeout
                        + " (" + replayed + " replayed; run it again to continue)");
            }
        }
        return replayed;
    }

    private static boolean reached(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    private static ProducerRecord<String, String> back(ConsumerRecord<String, String> dead) {
        Header origin = dead.headers().lastHeader(DeadLetters.TOPIC);
        if (origin == null) {
            throw new IllegalStateException("dead letter " + dead.topic() + "@" + dead.offset() + " has no "
                    + DeadLetters.TOPIC + " header");
        }
        ProducerRecord<String, String> record = new ProducerRecord<>(new String(origin.value(), StandardCharsets.UTF_8),
                dead.key(), dead.value());
        for (Header h : dead.headers()) {
            if (!h.key().startsWith("dlt.")) {
                record.headers().add(h);
            }
        }
        record.headers().add(REPLAYED_FROM, (dead.topic() + "@" + dead.offset()).getBytes(StandardCharsets.UTF_8));
        return record;
    }
}
