package com.ardesk.kit.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The JSON reading rules every service shares, applied to the ObjectMapper the REST layer uses, so
 * no endpoint can forget them: a key given twice in one object is refused (which value would win is
 * the client's guess), a string may not hold U+0000 (PostgreSQL cannot store it), and dates and
 * timestamps must lie in years {@value #MIN_YEAR}..{@value #MAX_YEAR}: wide enough for any birth
 * date or claim, narrow enough that a deadline computed from one (date + days) stays a plain
 * four-digit-year date in PostgreSQL, in Java and in the JSON answer. Each refusal is a 400 naming
 * the field (see ProblemMappers).
 */
@Singleton
public class JsonInput implements ObjectMapperCustomizer {
    public static final int MIN_YEAR = 1900;
    public static final int MAX_YEAR = 2199;
    private static final Instant FIRST_INSTANT = LocalDate.of(MIN_YEAR, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);
    private static final Instant AFTER_LAST_INSTANT = LocalDate.of(MAX_YEAR + 1, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);

    /** A value the kit's rules refuse; its message is the reason the client sees. */
    public static final class RefusedValue extends InvalidFormatException {
        RefusedValue(JsonParser parser, String reason, Object value, Class<?> type) {
            super(parser, reason, value, type);
        }
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        // "{...}}" is not one JSON document: without this, Jackson reads the first value and ignores the rest
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        SimpleModule module = new SimpleModule("ardesk-json-input");
        module.addDeserializer(String.class, new NoNulStrings());
        module.setDeserializerModifier(new BoundedTime());
        mapper.registerModule(module);
    }

    @Override
    public int priority() {
        // after Quarkus registered the java.time module, so these deserializers win
        return MINIMUM_PRIORITY;
    }

    /** Why {@code date} is refused, or null. */
    public static String dateProblem(LocalDate date) {
        if (date.getYear() < MIN_YEAR || date.getYear() > MAX_YEAR) {
            return "must be a date in the years " + MIN_YEAR + " to " + MAX_YEAR;
        }
        return null;
    }

    private static final class NoNulStrings extends StringDeserializer {
        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String value = super.deserialize(p, ctxt);
            if (value != null && value.indexOf('\0') >= 0) {
                throw new RefusedValue(p, "must not contain the NUL character (U+0000)", value, String.class);
            }
            return value;
        }
    }

    /** Wraps whatever deserializer reads dates and timestamps (the java.time module's) with the range check. */
    private static final class BoundedTime extends BeanDeserializerModifier {
        @Override
        public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                                                      JsonDeserializer<?> deserializer) {
            Class<?> type = description.getBeanClass();
            return type == LocalDate.class || type == Instant.class ? new InRange(deserializer) : deserializer;
        }
    }

    private static final class InRange extends DelegatingDeserializer {
        InRange(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new InRange(delegate);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            Object value = super.deserialize(p, ctxt);
            if (value instanceof LocalDate date && dateProblem(date) != null) {
                throw new RefusedValue(p, dateProblem(date), value, LocalDate.class);
            }
            if (value instanceof Instant instant && (instant.isBefore(FIRST_INSTANT) || !instant.isBefore(AFTER_LAST_INSTANT))) {
                throw new RefusedValue(p, "must be a timestamp in the years " + MIN_YEAR + " to " + MAX_YEAR,
                        value, Instant.class);
            }
            return value;
        }
    }
}
