package com.ardesk.claims.claim;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** Answer of POST /api/v1/claims/batch: counts and one result per item, in input order. */
@Schema(description = "Counts per result and one result per item, in the order sent")
public record BatchResult(int created, int updated, int unchanged, int rejected, List<BatchItemResult> items) {
}
