package com.ardesk.claims.batch;

import com.ardesk.kit.problem.Problem;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

/** What happened to one item of a batch. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "Result of one batch item: created, updated, unchanged, or rejected with a problem")
public record BatchItemResult(@Schema(example = "0", minimum = "0", maximum = "999") int index,
                              @Schema(description = "As sent; a rejected item echoes it unchecked, so only the request body limit bounds it",
                                      example = "PM-2026-000123", maxLength = 10485760) String externalClaimId,
                              @Schema(example = "created", enumeration = {"created", "updated", "unchanged", "rejected"})
                              String result,
                              @Schema(implementation = String.class, format = "uuid", maxLength = 36) UUID claimId, Problem problem) {
}
