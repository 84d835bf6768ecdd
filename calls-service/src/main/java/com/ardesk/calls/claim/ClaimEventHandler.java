package com.ardesk.calls.claim;

import com.ardesk.calls.promise.PromiseService;
import com.ardesk.events.EventEnvelope;
import com.ardesk.events.EventJson;
import com.ardesk.events.Topics;
import com.ardesk.events.claims.ClaimChanged;
import com.ardesk.events.claims.ClaimPaymentPosted;
import com.ardesk.events.claims.PayerChanged;
import com.ardesk.events.claims.PayerTermsChanged;
import com.ardesk.kit.consumer.EventHandler;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;

/**
 * The one consumer of {@code ar.claims.v1}: keeps the claim and payer projections and settles
 * promises from posted payments. The runner calls it inside the transaction that records the
 * event id, so a redelivered event changes nothing.
 */
@ApplicationScoped
public class ClaimEventHandler implements EventHandler {
    private final ClaimProjection projection;
    private final PromiseService promises;

    public ClaimEventHandler(ClaimProjection projection, PromiseService promises) {
        this.projection = projection;
        this.promises = promises;
    }

    @Override
    public String consumerName() {
        return "calls-service-claims";
    }

    @Override
    public List<String> topics() {
        return List.of(Topics.CLAIMS);
    }

    /**
     * Runs of {@code ClaimChanged} (what a batch push produces) go to the projection as one upsert;
     * every other event in between is handled on its own, so the order of effects is the topic's.
     */
    @Override
    public void handleAll(List<EventEnvelope> events) {
        List<ClaimProjection.Change> run = new ArrayList<>();
        for (EventEnvelope event : events) {
            if ("ClaimChanged".equals(event.type()) && event.practiceId() != null) {
                run.add(new ClaimProjection.Change(event.practiceId(), EventJson.payload(event, ClaimChanged.class),
                        event.occurredAt()));
            } else {
                projection.applyAll(run);
                run.clear();
                handle(event);
            }
        }
        projection.applyAll(run);
    }

    @Override
    public void handle(EventEnvelope event) {
        switch (event.type()) {
            case "ClaimChanged" -> {
                if (event.practiceId() == null) {
                    Log.warnf("ClaimChanged %s without a practice is ignored", event.eventId());
                    return;
                }
                projection.apply(event.practiceId(), EventJson.payload(event, ClaimChanged.class), event.occurredAt());
            }
            case "PayerChanged" -> projection.apply(EventJson.payload(event, PayerChanged.class), event.occurredAt());
            case "PayerTermsChanged" -> {
                if (event.practiceId() == null) {
                    Log.warnf("PayerTermsChanged %s without a practice is ignored", event.eventId());
                    return;
                }
                projection.apply(event.practiceId(), EventJson.payload(event, PayerTermsChanged.class));
            }
            case "ClaimPaymentPosted" ->
                    promises.paymentPosted(event.practiceId(), EventJson.payload(event, ClaimPaymentPosted.class));
            default -> {
                // other claim events carry nothing calls-service keeps
            }
        }
    }
}
