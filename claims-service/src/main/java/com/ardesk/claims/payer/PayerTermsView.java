package com.ardesk.claims.payer;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** A practice's terms with a payer: what governs today, where it comes from, and the practice's versions. */
@Schema(description = "What governs a practice's claims with a payer today (the practice's own version in force, else "
        + "the payer's rule), and every version the practice set, oldest first.")
public record PayerTermsView(
        @Schema(example = "P100", maxLength = 64) String practiceId,
        @Schema(example = "AETNA", maxLength = 64) String payerId,
        @Schema(description = "PRACTICE when the practice's own version governs today, PAYER when the payer's rule does",
                example = "PRACTICE") ContractTerms.Source source,
        @Schema(description = "Terms in force today; null when neither the practice nor the payer has any")
        RuleTerms inForce,
        @Schema(description = "The practice's own versions, oldest first", maxItems = 10000) List<RuleTerms> versions) {
}
