package com.ardesk.calls.review;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A review as the API shows it. */
@Schema(description = "A supervisor's review of a call.")
public record ReviewView(
        UUID reviewId,
        UUID callId,
        @Schema(example = "super-3") String reviewerId,
        @Schema(description = "The caller whose call was reviewed", example = "caller-17") String callerId,
        @Schema(example = "4") int score,
        List<ChecklistItem> checklist,
        String feedback,
        Instant reviewedAt) {
}
