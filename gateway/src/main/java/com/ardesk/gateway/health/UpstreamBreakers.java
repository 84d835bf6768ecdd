package com.ardesk.gateway.health;

import com.ardesk.gateway.routing.Upstream;
import com.ardesk.gateway.routing.Upstreams;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports each service's breaker state. It stays UP when a service is down: the gateway still
 * answers (503 for that service, normally for the others), and taking every gateway pod out of
 * the load balancer because one service failed would turn a partial outage into a full one.
 */
@Readiness
@ApplicationScoped
public class UpstreamBreakers implements HealthCheck {
    private final Upstreams upstreams;

    UpstreamBreakers(Upstreams upstreams) {
        this.upstreams = upstreams;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder builder = HealthCheckResponse.named("upstream-breakers").up();
        for (Upstream upstream : upstreams.all()) {
            builder.withData(upstream.serviceName(), upstream.breakerState().name().toLowerCase());
        }
        return builder.build();
    }
}
