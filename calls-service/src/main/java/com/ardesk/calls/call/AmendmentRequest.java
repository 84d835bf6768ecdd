package com.ardesk.calls.call;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of POST /api/v1/calls/{callId}/amendments. */
@Schema(description = "A correction of a logged call and why it is made.")
public record AmendmentRequest(
        @NotNull @Valid CallChanges changes,
        @NotBlank @Size(max = 2000) @Schema(example = "Reference number was mistyped") String reason) {
}
