package com.ardesk.events.claims;

import java.time.LocalDate;

/**
 * A payer's contact data or rules changed. Consumers use it for call preparation (phone) and for
 * promise grace days; the rule versions themselves stay in claims-service.
 */
public record PayerChanged(String payerId, String name, String phone, int timelyFilingDays,
                           String timelyFilingBasis, int appealWindowDays, int promiseGraceDays,
                           LocalDate effectiveFrom) {
}
