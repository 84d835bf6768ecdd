package com.ardesk.kit.consumer;

import com.ardesk.events.EventEnvelope;
import com.ardesk.kit.kafka.KafkaClientConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Runs one Kafka consumer thread ({@link ConsumerLoop}) per {@link EventHandler} bean. Each poll's
 * records of one partition are applied in one transaction together with their
 * {@code processed_event} rows, so a redelivery (after a crash, a rebalance, or a relay that sent
 * twice) changes nothing.
 */
@ApplicationScoped
public class EventConsumerRunner {
    private final Instance<EventHandler> handlers;
    private final ProcessedEvents processedEvents;
    private final KafkaClientConfig kafka;
    private final DeadLetters deadLetters;
    private final ConsumerTracing tracing;
    private final ConsumersConfig config;
    private final MeterRegistry registry;
    private final String instanceId;
    private final List<ConsumerLoop> loops = new ArrayList<>();

    public EventConsumerRunner(Instance<EventHandler> handlers, ProcessedEvents processedEvents, KafkaClientConfig kafka,
                               DeadLetters deadLetters, OpenTelemetry openTelemetry, ConsumersConfig config,
                               MeterRegistry registry,
                               @ConfigProperty(name = "quarkus.http.port", defaultValue = "8080") int httpPort) {
        this.handlers = handlers;
        this.processedEvents = processedEvents;
        this.kafka = kafka;
        this.deadLetters = deadLetters;
        this.tracing = new ConsumerTracing(openTelemetry.getTracer("com.ardesk.kit.consumer"));
        this.config = config;
        this.registry = registry;
        this.instanceId = config.instanceId().orElseGet(() -> hostName() + "-" + httpPort);
    }

    void start(@Observes StartupEvent ignored) {
        if (!config.enabled() || handlers.isUnsatisfied()) {
            return;
        }
        for (EventHandler handler : handlers) {
            ConsumerLoop loop = new ConsumerLoop(handler, this, deadLetters, tracing, kafka, config, instanceId, registry);
            loops.add(loop);
            Thread thread = new Thread(loop, "consumer-" + handler.consumerName());
            thread.setDaemon(true);
            thread.start();
        }
    }

    void stop(@Observes ShutdownEvent ignored) {
        loops.forEach(ConsumerLoop::stop);
        loops.forEach(ConsumerLoop::awaitStopped);
        deadLetters.close(Duration.ofSeconds(5));
    }

    /** Applies one event once; public so tests and replays can drive it without Kafka. */
    public void apply(EventHandler handler, EventEnvelope event) {
        applyAll(handler, List.of(event));
    }

    /**
     * Applies events in one transaction, in order, each at most once per consumer (a duplicate id,
     * within the list or from an earlier transaction, is skipped).
     *
     * @throws PoisonEventException for a version the handler does not know (nothing is applied)
     */
    public void applyAll(EventHandler handler, List<EventEnvelope> events) {
        Map<UUID, EventEnvelope> unique = new LinkedHashMap<>();
        for (EventEnvelope event : events) {
            if (event.version() < 1 || event.version() > handler.maxVersion()) {
                throw new PoisonEventException("event " + event.eventId() + " has version " + event.version()
                        + ", " + handler.consumerName() + " knows 1.." + handler.maxVersion());
            }
            unique.putIfAbsent(event.eventId(), event);
        }
        QuarkusTransaction.requiringNew().run(() -> {
            Set<UUID> fresh = processedEvents.markProcessed(unique.keySet(), handler.consumerName());
            List<EventEnvelope> toApply = unique.values().stream().filter(e -> fresh.contains(e.eventId())).toList();
            if (!toApply.isEmpty()) {
                handler.handleAll(toApply);
            }
        });
    }

    /** Lag of every running consumer (records behind the end of its partitions), by consumer name. */
    public Map<String, Long> lag() {
        Map<String, Long> lag = new LinkedHashMap<>();
        loops.forEach(loop -> lag.put(loop.name(), loop.lag()));
        return lag;
    }

    private static String hostName() {
        String host = System.getenv("HOSTNAME");
        if (host != null && !host.isBlank()) {
            return host;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
