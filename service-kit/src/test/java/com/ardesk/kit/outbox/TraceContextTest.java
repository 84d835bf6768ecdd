package com.ardesk.kit.outbox;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Scope;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What an outbox row stores of the trace current when the event is appended. */
class TraceContextTest {
    static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    static final String SPAN = "00f067aa0ba902b7";

    static TraceContext currentWithin(SpanContext context) {
        try (Scope ignored = Span.wrap(context).makeCurrent()) {
            return TraceContext.current();
        }
    }

    @Test
    void noTraceNoContext() {
        assertThat(TraceContext.current()).isEqualTo(TraceContext.NONE);
    }

    @Test
    void theCurrentSpanIsStoredAsW3cTraceparentAndTracestate() {
        TraceContext stored = currentWithin(SpanContext.create(TRACE, SPAN, TraceFlags.getSampled(),
                // put adds in front: the newest entry comes first, as W3C orders them
                TraceState.builder().put("vendor", "x1").put("ardesk", "e2e").build()));

        assertThat(stored.traceparent()).isEqualTo("00-" + TRACE + "-" + SPAN + "-01");
        assertThat(stored.tracestate()).isEqualTo("ardesk=e2e,vendor=x1");
    }

    @Test
    void anUnsampledTraceKeepsItsFlagSoConsumersDoNotSampleIt() {
        assertThat(currentWithin(SpanContext.create(TRACE, SPAN, TraceFlags.getDefault(), TraceState.getDefault()))
                .traceparent()).isEqualTo("00-" + TRACE + "-" + SPAN + "-00");
    }

    @Test
    void aTracestateLongerThanTheColumnIsLeftOutAndTheTraceKept() {
        TraceState big = TraceState.builder().put("a", "x".repeat(250)).put("b", "y".repeat(250)).put("c", "z".repeat(20))
                .build();
        TraceContext stored = currentWithin(SpanContext.create(TRACE, SPAN, TraceFlags.getSampled(), big));

        assertThat(stored.traceparent()).isEqualTo("00-" + TRACE + "-" + SPAN + "-01");
        assertThat(stored.tracestate()).isNull();
    }
}
