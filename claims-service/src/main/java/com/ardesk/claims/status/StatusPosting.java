package com.ardesk.claims.status;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** Answer of POST /api/v1/acknowledgments and POST /api/v1/claim-status. */
@Schema(description = "Each claim-level status of the file, in file order, and the warnings of the read")
public record StatusPosting(@Schema(maxItems = 1000000) List<StatusResult> claims,
                            @Schema(description = "What was accepted although not standard", type = SchemaType.ARRAY,
                                    implementation = Warning.class, maxItems = 1000) List<String> warnings) {

    /** Only names the item schema of the warnings list in the OpenAPI document. */
    @Schema(name = "ReadWarning", type = SchemaType.STRING, maxLength = 500, example = "text before ISA skipped (12 bytes)")
    interface Warning {
    }
}
