package com.ardesk.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.time.Instant;
import java.util.UUID;

/**
 * The one JSON mapping of events, used by producers and consumers alike so both sides agree on
 * dates (ISO-8601), money (plain decimals) and unknown fields (ignored).
 */
public final class EventJson {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            // money keeps its scale end to end: 100.10 stays 100.10, never 100.1 or 1.001E+2
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    private EventJson() {
    }

    /** Wraps a payload record in a new envelope; the type is the record's simple name. */
    public static EventEnvelope envelope(String practiceId, Record payload, Instant occurredAt) {
        return new EventEnvelope(UUID.randomUUID(), typeOf(payload.getClass()), 1, occurredAt, practiceId,
                MAPPER.valueToTree(payload));
    }

    /** The type name an event of this payload class carries. */
    public static String typeOf(Class<? extends Record> payloadType) {
        return payloadType.getSimpleName();
    }

    public static String write(EventEnvelope envelope) {
        try {
            return MAPPER.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event cannot be written as JSON: " + envelope.type(), e);
        }
    }

    /** Reads an envelope; throws {@link IllegalArgumentException} for anything that is not one. */
    public static EventEnvelope read(String json) {
        try {
            EventEnvelope envelope = MAPPER.readValue(json, EventEnvelope.class);
            if (envelope == null || envelope.eventId() == null || envelope.type() == null) {
                throw new IllegalArgumentException("not an event envelope: eventId and type are required");
            }
            return envelope;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not an event envelope: " + e.getOriginalMessage(), e);
        }
    }

    /** The payload as the record the consumer expects. */
    public static <T> T payload(EventEnvelope envelope, Class<T> type) {
        try {
            return MAPPER.treeToValue(envelope.payload(), type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("payload of " + envelope.type() + " is not a " + type.getSimpleName()
                    + ": " + e.getOriginalMessage(), e);
        }
    }
}
