package com.ardesk.calls.review;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One point a supervisor checks on a call. */
@Schema(description = "A checklist point and whether the call met it.")
public record ChecklistItem(
        @NotBlank @Size(max = 200) @Schema(example = "Captured the call reference number") String item,
        @NotNull @Schema(example = "true") Boolean passed,
        @Size(max = 1000) @Schema(example = "Read back to the rep") String note) {
}
