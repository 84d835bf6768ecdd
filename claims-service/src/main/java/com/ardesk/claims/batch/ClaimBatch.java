package com.ardesk.claims.batch;

import com.ardesk.claims.claim.ClaimInput;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** Body of POST /api/v1/claims/batch. */
@Schema(description = "Up to 1,000 claims to upsert; each is judged on its own")
public record ClaimBatch(@Schema(minItems = 1, maxItems = ClaimBatchService.MAX_ITEMS) List<ClaimInput> claims) {
}
