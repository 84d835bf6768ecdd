package com.ardesk.followup.projection;

import com.ardesk.events.EventEnvelope;
import com.ardesk.events.EventJson;
import com.ardesk.events.Topics;
import com.ardesk.events.calls.CallScriptChanged;
import com.ardesk.kit.consumer.EventHandler;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** Consumes {@code ar.calls.v1}: calls, promises and call scripts for call preparation, and the tasks they schedule. */
@ApplicationScoped
public class CallEventsHandler implements EventHandler {
    private final CallProjection projection;
    private final ScriptProjection scripts;

    public CallEventsHandler(CallProjection projection, ScriptProjection scripts) {
        this.projection = projection;
        this.scripts = scripts;
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
        if ("CallScriptChanged".equals(event.type())) {
            scripts.apply(event.practiceId(), EventJson.payload(event, CallScriptChanged.class));
            return;
        }
        projection.apply(event);
    }
}
