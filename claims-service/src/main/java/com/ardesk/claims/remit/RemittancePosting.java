package com.ardesk.claims.remit;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** Answer of POST /api/v1/remittances: one remittance per 835 transaction in the file. */
@Schema(description = "The remittances of the file; replayed is true when the file had been posted (or accepted) before")
public record RemittancePosting(boolean replayed,
                                @Schema(description = "One per ST/SE transaction in the file",
                                        maxItems = 1000000) List<RemittanceView> remittances) {
}
