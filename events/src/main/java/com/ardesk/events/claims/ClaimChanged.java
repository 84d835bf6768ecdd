package com.ardesk.events.claims;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Full snapshot of a claim, sent on every change so a consumer can keep its own projection without
 * asking claims-service. Carries no patient name or date of birth: consumers don't need them.
 */
public record ClaimChanged(UUID claimId, String externalClaimId, String payerId, String status,
                           BigDecimal billedAmount, BigDecimal paidAmount, BigDecimal adjustmentAmount,
                           BigDecimal patientResponsibility, BigDecimal balance,
                           LocalDate serviceDateFrom, LocalDate serviceDateTo, LocalDate submittedOn,
                           LocalDate timelyFilingDeadline, LocalDate appealDeadline, String denialCategory,
                           long version) {
}
