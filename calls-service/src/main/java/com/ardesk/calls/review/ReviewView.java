package com.ardesk.calls.review;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A review as the API shows it. */
@Schema(description = "A supervisor's review of a call.")
public record ReviewView(
        @Schema(implementation = String.class, format = "uuid", maxLength = 36) UUID reviewId,
        @Schema(implementation = String.class, format = "uuid", maxLength = 36) UUID callId,
        @Schema(example = "super-3", maxLength = 128) String reviewerId,
        @Schema(description = "The caller whose call was reviewed", example = "caller-17",
                maxLength = 128) String callerId,
        @Schema(example = "4", minimum = "1", maximum = "5") int score,
        @Schema(maxItems = 50) List<ChecklistItem> checklist,
        @Schema(maxLength = 5000) String feedback,
        @Schema(implementation = String.class, format = "date-time", maxLength = 35) Instant reviewedAt) {
}
