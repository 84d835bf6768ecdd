package com.ardesk.calls.promise;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of POST /api/v1/promises/{promiseId}/cancel. */
@Schema(description = "Why the promise is withdrawn.")
public record CancelRequest(
        @NotBlank @Size(max = 2000) @Schema(example = "Payer recouped; claim reprocessing") String reason) {
}
