package com.ardesk.kit.consumer;

import com.ardesk.events.EventEnvelope;

import java.util.List;

/**
 * A service's reaction to events. Implement it as a CDI bean; the runner subscribes it, calls
 * {@link #handle} inside a transaction that also records the event id, and calls it at most once
 * per event id. Types the handler does not know should simply be ignored.
 */
public interface EventHandler {
    /** Stable name: the Kafka consumer group and the {@code processed_event.consumer} value. */
    String consumerName();

    List<String> topics();

    void handle(EventEnvelope event);
}
