package com.ardesk.kit.consumer;

import com.ardesk.events.EventEnvelope;

import java.util.List;

/**
 * A service's reaction to events. Implement it as a CDI bean; the runner subscribes it, calls
 * {@link #handle} inside a transaction that also records the event id, and calls it at most once
 * per event id. Types the handler does not know should simply be ignored. Several events of one
 * partition may share a transaction, in their topic order; a failure rolls all of them back and
 * the runner applies them again one by one.
 */
public interface EventHandler {
    /** Stable name: the Kafka consumer group and the {@code processed_event.consumer} value. */
    String consumerName();

    List<String> topics();

    /** The highest envelope version this handler understands; a newer one is poison (dead-lettered, not guessed at). */
    default int maxVersion() {
        return 1;
    }

    void handle(EventEnvelope event);

    /**
     * Applies several events of one partition, in their topic order, in one transaction; each is
     * new to this consumer (duplicates are already dropped). The effect must equal {@link #handle}
     * of each in turn; a handler overrides this to replace per-event round trips by one statement
     * per kind of event (a 100,000-claim push arrives as runs of hundreds of {@code ClaimChanged}).
     */
    default void handleAll(List<EventEnvelope> events) {
        events.forEach(this::handle);
    }
}
