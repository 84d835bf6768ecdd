package com.ardesk.kit.outbox;

import com.ardesk.kit.kafka.KafkaClientConfig;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
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

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Runs the {@link OutboxRelay} on one background thread from start-up to shutdown. */
@ApplicationScoped
public class OutboxRelayRunner {
    private final AgroalDataSource dataSource;
    private final OutboxConfig config;
    private final KafkaClientConfig kafka;
    private final MeterRegistry registry;
    private final String applicationName;
    private volatile OutboxRelay.Backlog backlog = new OutboxRelay.Backlog(0, null);
    private Instant nextMeasure = Instant.EPOCH;
    private ScheduledExecutorService executor;
    private OutboxRelay relay;
    private Instant lastWarning = Instant.EPOCH;
    private Instant nextPurge = Instant.EPOCH;

    public OutboxRelayRunner(AgroalDataSource dataSource, OutboxConfig config,
                             KafkaClientConfig kafka, MeterRegistry registry,
                             @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.dataSource = dataSource;
        this.config = config;
        this.kafka = kafka;
        this.registry = registry;
        this.applicationName = applicationName;
    }

    void start(@Observes StartupEvent ignored) {
        if (!config.relayEnabled()) {
            return;
        }
        // one lock per service: replicas of claims-service exclude each other, not calls-service
        long lockKey = ("ardesk-outbox-" + applicationName).hashCode();
        relay = new OutboxRelay(dataSource, this::newProducer, lockKey, config.batchSize(), config.ackTimeout());
        // what an alert needs while Kafka is away: events keep committing and wait here
        Gauge.builder("ardesk.outbox.backlog", this, r -> r.backlog.unpublished())
                .description("events committed but not yet acknowledged by the broker").register(registry);
        Gauge.builder("ardesk.outbox.oldest.age.seconds", this, r -> r.backlog.ageSeconds(Instant.now()))
                .description("age of the oldest unpublished event, 0 when none waits").register(registry);
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
            measureBacklog();
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

    /** Every few seconds, not every round: the count is cheap but rounds come every 100 ms. */
    private void measureBacklog() throws SQLException {
        if (Instant.now().isAfter(nextMeasure)) {
            nextMeasure = Instant.now().plusSeconds(5);
            backlog = relay.backlog();
        }
    }

    /** The unpublished events as last measured (every few seconds by the relay thread). */
    public OutboxRelay.Backlog backlog() {
        return backlog;
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
        return new KafkaProducer<>(kafka.client(
                Map.of(ProducerConfig.CLIENT_ID_CONFIG, applicationName + "-outbox",
                        ProducerConfig.LINGER_MS_CONFIG, "2",
                        // a round's records of a partition in one produce request, not one per 16 KiB
                        ProducerConfig.BATCH_SIZE_CONFIG, "262144",
                        ProducerConfig.MAX_BLOCK_MS_CONFIG, "5000",
                        ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000",
                        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "12000"),
                // the relay's ordering and exactly-once-to-the-broker depend on these
                Map.of(ProducerConfig.ACKS_CONFIG, "all",
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true",
                        ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5",
                        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName())));
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
