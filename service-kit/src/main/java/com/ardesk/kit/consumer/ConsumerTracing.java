package com.ardesk.kit.consumer;

import com.ardesk.kit.outbox.TraceContext;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a consumer's work on records inside a CONSUMER span whose parent is the trace context the
 * records carry (headers {@code traceparent}/{@code tracestate}, written by the outbox relay), so the
 * request that caused an event shows, in its own trace, the consumers that applied it; whatever the
 * handler does meanwhile (its database work, events it appends to its own outbox) is in that trace too.
 * Records without a context run as before, without a span. With the OpenTelemetry SDK off the spans
 * record nothing, but the context still reaches the consumer's own outbox events.
 *
 * <p>A poll's records of one partition are applied in one transaction. When they carry one trace (a
 * bulk request's events), that transaction is a child of it. When they carry several, it cannot be a
 * child of each: it runs in a span of its own that links to each context (OpenTelemetry's messaging
 * conventions for batches), and each of those traces gets a short CONSUMER span of its records,
 * linked to the batch's span, so no request's trace loses sight of its events.
 */
final class ConsumerTracing {
    private static final AttributeKey<String> SYSTEM = AttributeKey.stringKey("messaging.system");
    private static final AttributeKey<String> OPERATION_TYPE = AttributeKey.stringKey("messaging.operation.type");
    private static final AttributeKey<String> OPERATION_NAME = AttributeKey.stringKey("messaging.operation.name");
    private static final AttributeKey<String> DESTINATION = AttributeKey.stringKey("messaging.destination.name");
    private static final AttributeKey<String> PARTITION = AttributeKey.stringKey("messaging.destination.partition.id");
    private static final AttributeKey<String> GROUP = AttributeKey.stringKey("messaging.consumer.group.name");
    private static final AttributeKey<Long> BATCH_COUNT = AttributeKey.longKey("messaging.batch.message_count");
    private static final AttributeKey<String> MESSAGE_ID = AttributeKey.stringKey("messaging.message.id");
    private static final AttributeKey<String> KEY = AttributeKey.stringKey("messaging.kafka.message.key");
    private static final AttributeKey<Long> OFFSET = AttributeKey.longKey("messaging.kafka.offset");
    private static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");

    private static final TextMapGetter<ConsumerRecord<String, String>> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(ConsumerRecord<String, String> record) {
            return List.of(TraceContext.TRACEPARENT, TraceContext.TRACESTATE);
        }

        @Override
        public String get(ConsumerRecord<String, String> record, String key) {
            if (record == null) {
                return null;
            }
            Header header = record.headers().lastHeader(key);
            return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        }
    };

    private final Tracer tracer;

    ConsumerTracing(Tracer tracer) {
        this.tracer = tracer;
    }

    /**
     * Runs {@code work} (applying {@code records}, all of one partition, in one transaction) in the
     * span the records' trace contexts call for; a failure is recorded on it and rethrown.
     */
    void run(String consumer, List<ConsumerRecord<String, String>> records, Runnable work) {
        Map<SpanContext, List<ConsumerRecord<String, String>>> byParent = parents(records);
        if (byParent.isEmpty()) {
            work.run();
            return;
        }
        boolean oneTrace = byParent.keySet().stream().map(SpanContext::getTraceId).distinct().count() == 1;
        SpanBuilder builder = span(consumer, records);
        if (oneTrace) {
            SpanContext parent = byParent.keySet().iterator().next();
            builder.setParent(Context.root().with(Span.wrap(parent)));
            byParent.keySet().stream().skip(1).forEach(builder::addLink);
        } else {
            builder.setNoParent();
            byParent.keySet().forEach(builder::addLink);
        }
        Span span = builder.startSpan();
        List<Span> perTrace = new ArrayList<>(oneTrace ? 0 : byParent.size());
        if (!oneTrace) {
            for (Map.Entry<SpanContext, List<ConsumerRecord<String, String>>> trace : byParent.entrySet()) {
                perTrace.add(span(consumer, trace.getValue())
                        .setParent(Context.root().with(Span.wrap(trace.getKey())))
                        .addLink(span.getSpanContext())
                        .startSpan());
            }
        }
        try (Scope ignored = span.makeCurrent()) {
            work.run();
        } catch (RuntimeException | Error failure) {
            failed(span, failure);
            perTrace.forEach(s -> failed(s, failure));
            throw failure;
        } finally {
            span.end();
            perTrace.forEach(Span::end);
        }
    }

    /** The records' distinct parent contexts, in record order; records without one are left out. */
    private static Map<SpanContext, List<ConsumerRecord<String, String>>> parents(
            List<ConsumerRecord<String, String>> records) {
        Map<SpanContext, List<ConsumerRecord<String, String>>> byParent = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            if (record.headers().lastHeader(TraceContext.TRACEPARENT) == null) {
                continue;
            }
            SpanContext parent = Span.fromContext(W3CTraceContextPropagator.getInstance()
                    .extract(Context.root(), record, HEADERS)).getSpanContext();
            if (parent.isValid()) {
                byParent.computeIfAbsent(parent, p -> new ArrayList<>()).add(record);
            }
        }
        return byParent;
    }

    /** A CONSUMER span of the records (one partition's) with OpenTelemetry's messaging attributes. */
    private SpanBuilder span(String consumer, List<ConsumerRecord<String, String>> records) {
        ConsumerRecord<String, String> first = records.get(0);
        SpanBuilder builder = tracer.spanBuilder("process " + first.topic())
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute(SYSTEM, "kafka")
                .setAttribute(OPERATION_TYPE, "process")
                .setAttribute(OPERATION_NAME, "process")
                .setAttribute(DESTINATION, first.topic())
                .setAttribute(PARTITION, String.valueOf(first.partition()))
                .setAttribute(GROUP, consumer);
        if (records.size() == 1) {
            Header id = first.headers().lastHeader("id");
            if (id != null) {
                builder.setAttribute(MESSAGE_ID, new String(id.value(), StandardCharsets.UTF_8));
            }
            if (first.key() != null) {
                builder.setAttribute(KEY, first.key());
            }
            builder.setAttribute(OFFSET, first.offset());
        } else {
            builder.setAttribute(BATCH_COUNT, (long) records.size());
        }
        return builder;
    }

    private static void failed(Span span, Throwable failure) {
        span.recordException(failure);
        span.setAttribute(ERROR_TYPE, failure.getClass().getName());
        span.setStatus(StatusCode.ERROR, Failures.describe(failure));
    }
}
