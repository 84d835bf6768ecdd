package com.ardesk.calls.review;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** Body of POST /api/v1/calls/{callId}/reviews. */
@Schema(description = "A supervisor's review of a call.")
public record ReviewRequest(
        @NotNull @Min(1) @Max(5) @Schema(example = "4") Integer score,
        @Size(max = 50) List<@NotNull @Valid ChecklistItem> checklist,
        @Size(max = 5000) @Schema(example = "Good recap; ask for the check number next time.") String feedback) {
}
