package com.ardesk.kit.outbox;

import com.ardesk.kit.job.AdvisoryLocks;
import com.ardesk.kit.job.ScheduledJob;
import com.ardesk.kit.kafka.KafkaClientConfig;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The {@link OutboxRelay} as a {@link ScheduledJob}: rounds every {@code poll-interval} from start-up
 * to shutdown, at once again after a full batch, purging published rows between busy spells.
 */
@ApplicationScoped
public class OutboxRelayRunner implements ScheduledJob {
    private final OutboxConfig config;
    private final KafkaClientConfig kafka;
    private final String applicationName;
    private final OutboxRelay relay;
    private volatile OutboxRelay.Backlog backlog = new OutboxRelay.Backlog(0, null);
    private Instant nextMeasure = Instant.EPOCH;
    private Instant nextPurge = Instant.EPOCH;

    public OutboxRelayRunner(AgroalDataSource dataSource, OutboxConfig config,
                             KafkaClientConfig kafka, MeterRegistry registry,
                             @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.config = config;
        this.kafka = kafka;
        this.applicationName = applicationName;
        // one lock per service: replicas of claims-service exclude each other, not calls-service
        this.relay = new OutboxRelay(dataSource, this::newProducer, AdvisoryLocks.key("ardesk-outbox-" + applicationName),
                config.batchSize(), config.ackTimeout());
        if (config.relayEnabled()) {
            // what an alert needs while Kafka is away: events keep committing and wait here
            Gauge.builder("ardesk.outbox.backlog", this, r -> r.backlog.unpublished())
                    .description("events committed but not yet acknowledged by the broker").register(registry);
            Gauge.builder("ardesk.outbox.oldest.age.seconds", this, r -> r.backlog.ageSeconds(Instant.now()))
                    .description("age of the oldest unpublished event, 0 when none waits").register(registry);
        }
    }

    @Override
    public String name() {
        return "outbox-relay";
    }

    @Override
    public boolean enabled() {
        return config.relayEnabled();
    }

    @Override
    public Duration run(BooleanSupplier stopping) throws SQLException {
        measureBacklog();
        if (relay.relayOnce() >= config.batchSize()) {
            return Duration.ZERO;
        }
        if (Instant.now().isAfter(nextPurge)) {
            // only between busy spells, so publishing never waits behind the clean-up
            nextPurge = Instant.now().plus(config.purgeInterval());
            purge();
        }
        return config.pollInterval();
    }

    /** Kafka or PostgreSQL away: rows wait in the outbox; the runner says so, but not every 100 ms. */
    @Override
    public Duration retryAfter() {
        return config.pollInterval().compareTo(Duration.ofSeconds(1)) > 0 ? config.pollInterval() : Duration.ofSeconds(1);
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

    @Override
    public void stopped() {
        relay.close();
    }
}
