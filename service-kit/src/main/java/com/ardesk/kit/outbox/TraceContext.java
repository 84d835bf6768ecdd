package com.ardesk.kit.outbox;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;

import java.util.HashMap;
import java.util.Map;

/**
 * The W3C trace context an event carries from the change that caused it to its consumers: stored in
 * the outbox row when the event is appended, sent by the relay as the Kafka headers of the same
 * names, read by the consumers as the parent of their work (docs/events.md#trace-context). Always
 * W3C, whatever propagators a service configures, because producers and consumers must agree.
 *
 * @param traceparent null when no trace was active
 * @param tracestate  null when there is none, or it is longer than {@link #MAX_TRACESTATE}
 */
public record TraceContext(String traceparent, String tracestate) {
    public static final String TRACEPARENT = "traceparent";
    public static final String TRACESTATE = "tracestate";
    /** The outbox column's size: W3C asks every tracer to pass on at least this much. */
    static final int MAX_TRACESTATE = 512;
    static final TraceContext NONE = new TraceContext(null, null);

    /** The context of the span current on this thread (the request's, or a consumer's), or {@link #NONE}. */
    public static TraceContext current() {
        Map<String, String> carrier = new HashMap<>(4);
        W3CTraceContextPropagator.getInstance().inject(Context.current(), carrier, Map::put);
        String parent = carrier.get(TRACEPARENT);
        if (parent == null) {
            return NONE;
        }
        String state = carrier.get(TRACESTATE);
        return new TraceContext(parent, state == null || state.length() > MAX_TRACESTATE ? null : state);
    }
}
