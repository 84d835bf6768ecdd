package com.ardesk.calls.support;

import com.ardesk.events.EventEnvelope;
import com.ardesk.events.EventJson;
import com.ardesk.events.claims.ClaimChanged;
import com.ardesk.events.claims.ClaimPaymentPosted;
import com.ardesk.events.claims.PayerChanged;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** ar.claims.v1 envelopes as claims-service would publish them, to feed calls-service in tests. */
public final class Claims {
    private Claims() {
    }

    public static EventEnvelope changed(String practiceId, UUID claimId, String payerId, long version) {
        return changed(practiceId, claimId, payerId, version, "IN_PROCESS", null);
    }

    public static EventEnvelope changed(String practiceId, UUID claimId, String payerId, long version, String status,
                                        String denialCategory) {
        return EventJson.envelope(practiceId, new ClaimChanged(claimId, "EXT-" + claimId.toString().substring(0, 8),
                payerId, status, new BigDecimal("1500.00"), BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2),
                BigDecimal.ZERO.setScale(2), new BigDecimal("1500.00"), LocalDate.of(2026, 1, 5), LocalDate.of(2026, 1, 5),
                LocalDate.of(2026, 1, 8), LocalDate.of(2027, 1, 5), null, denialCategory, version), Instant.now());
    }

    public static EventEnvelope payer(String payerId, int graceDays) {
        return EventJson.envelope(null, new PayerChanged(payerId, payerId + " Health", "+1-800-555-0100", 180,
                "SERVICE_DATE", 120, graceDays, LocalDate.of(2025, 1, 1)), Instant.now());
    }

    public static EventEnvelope paid(String practiceId, UUID claimId, String amount, String reference, LocalDate paidOn) {
        return EventJson.envelope(practiceId, new ClaimPaymentPosted(claimId, "AETNA", UUID.randomUUID(),
                new BigDecimal(amount), BigDecimal.ZERO.setScale(2), paidOn, "CHECK", reference,
                BigDecimal.ZERO.setScale(2), "PAID"), Instant.now());
    }
}
