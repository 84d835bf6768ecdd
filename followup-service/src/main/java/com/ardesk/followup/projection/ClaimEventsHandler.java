package com.ardesk.followup.projection;

import com.ardesk.events.EventEnvelope;
import com.ardesk.events.Topics;
import com.ardesk.kit.consumer.EventHandler;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
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

    /**
     * Runs of {@code ClaimChanged} (a batch push is made of them) go to the projection together;
     * every other event in between on its own, so effects keep the topic's order.
     */
    @Override
    public void handleAll(List<EventEnvelope> events) {
        List<EventEnvelope> run = new ArrayList<>();
        for (EventEnvelope event : events) {
            if ("ClaimChanged".equals(event.type())) {
                run.add(event);
            } else {
                projection.applyClaimChanges(run);
                run.clear();
                handle(event);
            }
        }
        projection.applyClaimChanges(run);
    }
}
