package com.ardesk.followup.projection;

import com.ardesk.events.EventEnvelope;
import com.ardesk.events.Topics;
import com.ardesk.kit.consumer.EventHandler;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** Consumes {@code ar.calls.v1}: calls and promises for call preparation, and the tasks they schedule. */
@ApplicationScoped
public class CallEventsHandler implements EventHandler {
    private final CallProjection projection;

    public CallEventsHandler(CallProjection projection) {
        this.projection = projection;
    }

    @Override
    public String consumerName() {
        return "followup-calls";
    }

    @Override
    public List<String> topics() {
        return List.of(Topics.CALLS);
    }

    @Override
    public void handle(EventEnvelope event) {
        projection.apply(event);
    }
}
