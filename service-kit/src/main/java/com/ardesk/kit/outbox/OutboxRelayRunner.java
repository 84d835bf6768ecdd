package com.ardesk.kit.outbox;

import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Runs the {@link OutboxRelay} on one background thread from start-up to shutdown. */
@ApplicationScoped
public class OutboxRelayRunner {
    private final AgroalDataSource dataSource;
    private final OutboxConfig config;
    private final String bootstrapServers;
    private final String applicationName;
    private ScheduledExecutorService executor;
    private OutboxRelay relay;
    private Instant lastWarning = Instant.EPOCH;
    private Instant nextPurge = Instant.EPOCH;

    public OutboxRelayRunner(AgroalDataSource dataSource, OutboxConfig config,
                             @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                             @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.dataSource = dataSource;
        this.config = config;
        this.bootstrapServers = bootstrapServers;
        this.applicationName = applicationName;
    }

    void start(@Observes StartupEvent ignored) {
        if (!config.relayEnabled()) {
            return;
        }
        // one lock per service: replicas of claims-service exclude each other, not calls-service
        long lockKey = ("ardesk-outbox-" + applicationName).hashCode();
        relay = new OutboxRelay(dataSource, this::newProducer, lockKey, config.batchSize(), config.ackTimeout());
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "outbox-relay");
            t.setDaemon(true);
            return t;
        });
        executor.schedule(this::round, 0, TimeUnit.MILLISECONDS);
        Log.infof("outbox relay started (every %d ms, batches of %d)", config.pollInterval().toMillis(), config.batchSize());
    }

    private void round() {
        long delay = config.pollInterval().toMillis();
        try {
            if (relay.relayOnce() >= config.batchSize()) {
                delay = 0;
            } else if (Instant.now().isAfter(nextPurge)) {
                // only between busy spells, so publishing never waits behind the clean-up
                nextPurge = Instant.now().plus(config.purgeInterval());
                purge();
            }
        } catch (Exception | LinkageError e) {
            delay = Math.max(delay, 1000);
            // Kafka or PostgreSQL down: rows wait in the outbox; say so, but not every 100 ms
            if (Duration.between(lastWarning, Instant.now()).toSeconds() >= 30) {
                lastWarning = Instant.now();
                Log.warnf("outbox relay could not publish, will retry: %s", e.getMessage());
            }
        }
        if (!executor.isShutdown()) {
            executor.schedule(this::round, delay, TimeUnit.MILLISECONDS);
        }
    }

    private void purge() {
        try {
            int purged = relay.purgePublished(config.retention());
            if (purged > 0) {
                Log.infof("outbox: deleted %d events published more than %s ago", purged, config.retention());
            }
        } catch (Exception e) {
            Log.warnf("outbox clean-up failed, will retry in %s: %s", config.purgeInterval(), e.getMessage());
        }
    }

    private Producer<String, String> newProducer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, applicationName + "-outbox");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "2");
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "5000");
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "12000");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return new KafkaProducer<>(p);
    }

    void stop(@Observes ShutdownEvent ignored) {
        if (executor != null) {
            executor.shutdown();
            try {
                executor.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            relay.close();
        }
    }
}
