package com.ardesk.events;

import com.ardesk.events.calls.CallLogged;
import com.ardesk.events.calls.CallReviewed;
import com.ardesk.events.calls.PromiseBroken;
import com.ardesk.events.calls.PromiseKept;
import com.ardesk.events.calls.PromiseToPay;
import com.ardesk.events.claims.AppealFiled;
import com.ardesk.events.claims.ClaimChanged;
import com.ardesk.events.claims.ClaimDenied;
import com.ardesk.events.claims.ClaimPaymentPosted;
import com.ardesk.events.claims.ClaimStatusChanged;
import com.ardesk.events.claims.ClaimWrittenOff;
import com.ardesk.events.claims.PayerChanged;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventJsonTest {
    private static final UUID CLAIM = UUID.fromString("8d3f2b4c-1111-4c1e-9a2b-000000000001");
    private static final LocalDate DAY = LocalDate.of(2026, 11, 2);

    static Stream<Record> payloads() {
        return Stream.of(
                new ClaimChanged(CLAIM, "PM-1", "MEDICARE", "DENIED", new BigDecimal("250.00"),
                        new BigDecimal("0.00"), new BigDecimal("0.00"), new BigDecimal("0.00"),
                        new BigDecimal("250.00"), DAY, DAY, DAY, DAY.plusDays(365), DAY.plusDays(120),
                        "CODING", 3),
                new ClaimDenied(CLAIM, "PM-1", "MEDICARE", UUID.randomUUID(), "CO", "16", List.of("M51"),
                        "MISSING_INFO", new BigDecimal("120.10"), DAY, DAY.plusDays(120)),
                new ClaimPaymentPosted(CLAIM, "AETNA", UUID.randomUUID(), new BigDecimal("99.99"),
                        new BigDecimal("10.01"), DAY, "EFT", "TRN-778812", new BigDecimal("0.00"), "PAID"),
                new ClaimStatusChanged(CLAIM, "SUBMITTED", "DENIED", "CO-16"),
                new AppealFiled(CLAIM, UUID.randomUUID(), 1, DAY, DAY.plusDays(120)),
                new ClaimWrittenOff(CLAIM, new BigDecimal("12.00"), "small balance", "sup-1"),
                new PayerChanged("MEDICARE", "Medicare Part B", "+1-800-633-4227", 365, "SERVICE_DATE", 120, 5, DAY),
                new CallLogged(UUID.randomUUID(), "AETNA", List.of(CLAIM), "caller-7",
                        Instant.parse("2026-11-02T15:04:05Z"), 420, "PROMISE_TO_PAY", "REF-1", "Dana", null),
                new PromiseToPay(UUID.randomUUID(), UUID.randomUUID(), CLAIM, "AETNA", new BigDecimal("250.00"),
                        DAY.plusDays(10), "EFT", "TRN-1"),
                new PromiseKept(UUID.randomUUID(), CLAIM, UUID.randomUUID(), new BigDecimal("250.00"), DAY),
                new PromiseBroken(UUID.randomUUID(), CLAIM, new BigDecimal("250.00"), DAY, DAY.plusDays(7)),
                new CallReviewed(UUID.randomUUID(), UUID.randomUUID(), "sup-1", "caller-7", 4));
    }

    @ParameterizedTest
    @MethodSource("payloads")
    void everyPayloadSurvivesTheRoundTrip(Record payload) {
        Instant at = Instant.parse("2026-11-23T10:00:00Z");
        EventEnvelope sent = EventJson.envelope("practice-1", payload, at);

        EventEnvelope received = EventJson.read(EventJson.write(sent));

        assertThat(EventJson.write(received)).isEqualTo(EventJson.write(sent));
        assertThat(received.eventId()).isEqualTo(sent.eventId());
        assertThat(received.occurredAt()).isEqualTo(at);
        assertThat(received.type()).isEqualTo(payload.getClass().getSimpleName());
        assertThat(EventJson.payload(received, payload.getClass())).isEqualTo(payload);
    }

    @Test
    void moneyKeepsItsScaleOnTheWire() {
        var payment = new ClaimPaymentPosted(CLAIM, "AETNA", UUID.randomUUID(), new BigDecimal("100.10"),
                new BigDecimal("0.00"), DAY, "CHECK", "1234", new BigDecimal("5.00"), "PARTIALLY_PAID");

        String json = EventJson.write(EventJson.envelope("p", payment, Instant.EPOCH));

        assertThat(json).contains("\"amount\":100.10").contains("\"balanceAfter\":5.00");
    }

    @Test
    void unknownFieldsAreIgnoredSoProducersCanAddThem() {
        String json = """
                {"eventId":"%s","type":"ClaimStatusChanged","version":1,"occurredAt":"2026-11-23T10:00:00Z",
                 "practiceId":"p","newTopLevel":true,
                 "payload":{"claimId":"%s","fromStatus":"SUBMITTED","toStatus":"PAID","addedLater":42}}
                """.formatted(UUID.randomUUID(), CLAIM);

        var changed = EventJson.payload(EventJson.read(json), ClaimStatusChanged.class);

        assertThat(changed.toStatus()).isEqualTo("PAID");
    }

    @Test
    void garbageIsRejectedWithAClearReason() {
        assertThatThrownBy(() -> EventJson.read("{not json")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not an event envelope");
        assertThatThrownBy(() -> EventJson.read("{\"type\":\"X\"}")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("eventId and type are required");
    }
}
