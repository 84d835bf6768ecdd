package com.ardesk.claims.claim;

import com.ardesk.kit.problem.Problem;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

/** What happened to one item of a batch. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "Result of one batch item: created, updated, unchanged, or rejected with a problem")
public record BatchItemResult(@Schema(example = "0") int index, @Schema(example = "PM-2026-000123") String externalClaimId,
                              @Schema(example = "created") String result, UUID claimId, Problem problem) {
}
