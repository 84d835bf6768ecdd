package com.ardesk.claims.batch;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** Answer of POST /api/v1/claims/batch: counts and one result per item, in input order. */
@Schema(description = "Counts per result and one result per item, in the order sent")
public record BatchResult(@Schema(minimum = "0", maximum = "1000") int created,
                          @Schema(minimum = "0", maximum = "1000") int updated,
                          @Schema(minimum = "0", maximum = "1000") int unchanged,
                          @Schema(minimum = "0", maximum = "1000") int rejected,
                          @Schema(maxItems = ClaimBatchService.MAX_ITEMS) List<BatchItemResult> items) {
}
