package com.ardesk.followup.projection;

import com.ardesk.events.EventEnvelope;
import com.ardesk.events.Topics;
import com.ardesk.kit.consumer.EventHandler;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** Consumes {@code ar.claims.v1} into the claim read model and the tasks its rules call for. */
@ApplicationScoped
public class ClaimEventsHandler implements EventHandler {
    private final ClaimProjection projection;

    public ClaimEventsHandler(ClaimProjection projection) {
        this.projection = projection;
    }

    @Override
    public String consumerName() {
        return "followup-claims";
    }

    @Override
    public List<String> topics() {
        return List.of(Topics.CLAIMS);
    }

    @Override
    public void handle(EventEnvelope event) {
        projection.apply(event);
    }
}
