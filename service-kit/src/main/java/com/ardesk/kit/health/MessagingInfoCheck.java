package com.ardesk.kit.health;

import com.ardesk.kit.consumer.EventConsumerRunner;
import com.ardesk.kit.outbox.OutboxRelay;
import com.ardesk.kit.outbox.OutboxRelayRunner;
import io.smallrye.health.api.Wellness;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

import java.time.Instant;

/**
 * Kafka-side state as information ({@code /q/health/well}), never in readiness or liveness: with
 * the broker away the service still serves requests and its events wait in the outbox, so taking
 * pods out of service would be the wrong reaction. It reports figures the relay and consumers
 * measured already, so it answers at once whatever the broker does; the same figures are
 * Micrometer gauges ({@code ardesk.outbox.*}, {@code ardesk.consumer.*}) for alerts.
 */
@Wellness
@ApplicationScoped
public class MessagingInfoCheck implements HealthCheck {
    private final OutboxRelayRunner relay;
    private final EventConsumerRunner consumers;

    public MessagingInfoCheck(OutboxRelayRunner relay, EventConsumerRunner consumers) {
        this.relay = relay;
        this.consumers = consumers;
    }

    @Override
    public HealthCheckResponse call() {
        OutboxRelay.Backlog backlog = relay.backlog();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("messaging").up()
                .withData("outboxBacklog", backlog.unpublished())
                .withData("outboxOldestAgeSeconds", Math.round(backlog.ageSeconds(Instant.now())));
        consumers.lag().forEach((consumer, lag) -> response.withData("lag." + consumer, lag));
        return response.build();
    }
}
