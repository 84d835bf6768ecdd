package com.ardesk.claims.status;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** Answer of POST /api/v1/acknowledgments and POST /api/v1/claim-status. */
@Schema(description = "Each claim-level status of the file, in file order, and the warnings of the read")
public record StatusPosting(@Schema(maxItems = 1000000) List<StatusResult> claims,
                            @Schema(description = "What was accepted although not standard", maxItems = 1000) List<String> warnings) {
}
