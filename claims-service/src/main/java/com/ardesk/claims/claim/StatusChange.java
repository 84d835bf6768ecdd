package com.ardesk.claims.claim;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of POST /api/v1/claims/{claimId}/status: a move a person decides, not one money makes. */
@Schema(description = "A manual status move: IN_PROCESS (payer acknowledged), SUBMITTED (corrected and resubmitted) "
        + "or CLOSED. PAID, DENIED, APPEALED and WRITTEN_OFF follow from payments, denials, appeals and write-offs.")
public record StatusChange(@Schema(example = "IN_PROCESS") ClaimStatus status,
                           @Schema(example = "Payer confirmed receipt, claim in adjudication", maxLength = 500) String reason) {
}
