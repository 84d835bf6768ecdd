package com.ardesk.kit.consumer;

import com.ardesk.kit.outbox.TraceContext;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** The consumer side of the trace context, with the real OpenTelemetry SDK exporting to a list. */
class ConsumerTracingTest {
    static final String TRACE_A = "4bf92f3577b34da6a3ce929d0e0e4736";
    static final String SPAN_A = "00f067aa0ba902b7";
    static final String TRACE_B = "0af7651916cd43dd8448eb211c80319c";
    static final String SPAN_B = "b7ad6b7169203331";

    final List<SpanData> exported = new CopyOnWriteArrayList<>();
    final SdkTracerProvider provider = SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(new SpanExporter() {
                @Override
                public CompletableResultCode export(Collection<SpanData> spans) {
                    exported.addAll(spans);
                    return CompletableResultCode.ofSuccess();
                }

                @Override
                public CompletableResultCode flush() {
                    return CompletableResultCode.ofSuccess();
                }

                @Override
                public CompletableResultCode shutdown() {
                    return CompletableResultCode.ofSuccess();
                }
            })).build();
    final ConsumerTracing tracing = new ConsumerTracing(provider.get("test"));

    @AfterEach
    void shutdown() {
        provider.shutdown();
    }

    static ConsumerRecord<String, String> record(long offset, String traceId, String spanId, String state) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>("ar.claims.v1", 2, offset, "claim-" + offset, "{}");
        record.headers().add("id", ("event-" + offset).getBytes(StandardCharsets.UTF_8));
        if (traceId != null) {
            record.headers().add("traceparent", ("00-" + traceId + "-" + spanId + "-01").getBytes(StandardCharsets.UTF_8));
        }
        if (state != null) {
            record.headers().add("tracestate", state.getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }

    @Test
    void aRecordWithoutTraceContextIsAppliedWithoutASpan() {
        AtomicReference<TraceContext> during = new AtomicReference<>();
        tracing.run("followup-claims", List.of(record(1, null, null, null)), () -> during.set(TraceContext.current()));

        assertThat(during.get().traceparent()).isNull();
        assertThat(exported).isEmpty();
    }

    @Test
    void aRecordIsAppliedInAConsumerSpanChildOfTheProducersContext() {
        AtomicReference<TraceContext> during = new AtomicReference<>();
        tracing.run("followup-claims", List.of(record(7, TRACE_A, SPAN_A, "ardesk=e2e")),
                () -> during.set(TraceContext.current()));

        assertThat(exported).hasSize(1);
        SpanData span = exported.get(0);
        assertThat(span.getKind()).isEqualTo(SpanKind.CONSUMER);
        assertThat(span.getName()).isEqualTo("process ar.claims.v1");
        assertThat(span.getTraceId()).isEqualTo(TRACE_A);
        assertThat(span.getParentSpanId()).isEqualTo(SPAN_A);
        assertThat(span.getSpanContext().getTraceState().get("ardesk")).isEqualTo("e2e");
        assertThat(span.getAttributes().asMap()).extractingFromEntries(e -> e.getKey().getKey() + "=" + e.getValue())
                .contains("messaging.system=kafka", "messaging.operation.type=process",
                        "messaging.destination.name=ar.claims.v1", "messaging.destination.partition.id=2",
                        "messaging.consumer.group.name=followup-claims", "messaging.message.id=event-7",
                        "messaging.kafka.message.key=claim-7", "messaging.kafka.offset=7");
        // what an outbox append inside the handler stores: the consumer span, in the producer's trace
        assertThat(during.get().traceparent()).isEqualTo("00-" + TRACE_A + "-" + span.getSpanId() + "-01");
        assertThat(during.get().tracestate()).isEqualTo("ardesk=e2e");
    }

    @Test
    void aBatchOfOneTraceIsOneChildSpanOfIt() {
        tracing.run("followup-claims", List.of(record(1, TRACE_A, SPAN_A, null), record(2, null, null, null),
                record(3, TRACE_A, SPAN_A, null)), () -> assertThat(Span.current().getSpanContext().getTraceId()).isEqualTo(TRACE_A));

        assertThat(exported).hasSize(1);
        assertThat(exported.get(0).getParentSpanId()).isEqualTo(SPAN_A);
        assertThat(exported.get(0).getAttributes().asMap()).extractingFromEntries(e -> e.getKey().getKey() + "=" + e.getValue())
                .contains("messaging.batch.message_count=3");
    }

    @Test
    void aBatchOfSeveralTracesRunsInItsOwnSpanAndEachTraceGetsASpanOfItsRecords() {
        tracing.run("followup-claims", List.of(record(1, TRACE_A, SPAN_A, null), record(2, TRACE_B, SPAN_B, null),
                record(3, TRACE_A, SPAN_A, null)), () -> {
        });

        assertThat(exported).hasSize(3);
        SpanData batch = exported.stream().filter(s -> !s.getParentSpanContext().isValid()).findFirst().orElseThrow();
        assertThat(batch.getLinks()).extracting(l -> l.getSpanContext().getTraceId()).containsExactly(TRACE_A, TRACE_B);
        SpanData inA = exported.stream().filter(s -> s.getTraceId().equals(TRACE_A)).findFirst().orElseThrow();
        SpanData inB = exported.stream().filter(s -> s.getTraceId().equals(TRACE_B)).findFirst().orElseThrow();
        assertThat(inA.getParentSpanId()).isEqualTo(SPAN_A);
        assertThat(inB.getParentSpanId()).isEqualTo(SPAN_B);
        assertThat(inA.getAttributes().asMap()).extractingFromEntries(e -> e.getKey().getKey() + "=" + e.getValue())
                .contains("messaging.batch.message_count=2");
        assertThat(inB.getAttributes().asMap()).extractingFromEntries(e -> e.getKey().getKey() + "=" + e.getValue())
                .contains("messaging.message.id=event-2");
        assertThat(List.of(inA, inB)).allSatisfy(s -> assertThat(s.getLinks()).extracting(LinkData::getSpanContext)
                .containsExactly(batch.getSpanContext()));
    }

    @Test
    void aFailureIsRecordedOnTheSpanAndRethrown() {
        Throwable thrown = catchThrowable(() -> tracing.run("followup-claims", List.of(record(1, TRACE_A, SPAN_A, null)),
                () -> {
                    throw new PoisonEventException("version 7");
                }));

        assertThat(thrown).isInstanceOf(PoisonEventException.class);
        assertThat(exported).hasSize(1);
        assertThat(exported.get(0).getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(exported.get(0).getEvents()).extracting(e -> e.getName()).contains("exception");
    }

    @Test
    void anUnreadableTraceparentIsIgnored() {
        ConsumerRecord<String, String> broken = record(1, null, null, null);
        broken.headers().add("traceparent", "00-not-a-context".getBytes(StandardCharsets.UTF_8));
        AtomicReference<TraceContext> during = new AtomicReference<>();
        tracing.run("followup-claims", List.of(broken), () -> during.set(TraceContext.current()));

        assertThat(exported).isEmpty();
        assertThat(during.get().traceparent()).isNull();
    }
}
