package com.ardesk.kit.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.math.BigDecimal;

/**
 * Every decimal in an API answer is written with at least two places. Money totals that come
 * from {@code BigDecimal.ZERO} or a sum over no rows have scale 0 and were written {@code 0},
 * where the contract says money carries exactly two decimals ({@code 0.00}). Fixing it here,
 * once, covers every service and every view; values with more places (rates) are kept as they are.
 */
@Singleton
public class MoneyScaleCustomizer implements ObjectMapperCustomizer {
    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("ardesk-money-scale").addSerializer(BigDecimal.class, new Serializer()));
    }

    /** Pads to two places; plain notation so 1E+3 (scale -1) never reaches a client. */
    static final class Serializer extends StdSerializer<BigDecimal> {
        Serializer() {
            super(BigDecimal.class);
        }

        @Override
        public void serialize(BigDecimal value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeNumber(atLeastTwoPlaces(value).toPlainString());
        }
    }

    static BigDecimal atLeastTwoPlaces(BigDecimal value) {
        return value.scale() < 2 ? value.setScale(2) : value;
    }
}
