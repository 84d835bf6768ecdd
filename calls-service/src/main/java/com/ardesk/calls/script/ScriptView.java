package com.ardesk.calls.script;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A call script as the API shows it. */
@Schema(description = "A call script.")
public record ScriptView(
        @Schema(implementation = String.class, format = "uuid", maxLength = 36) UUID scriptId,
        @Schema(description = "The owning practice; absent for a billing-company default", example = "P100", maxLength = 64)
        String practiceId,
        @Schema(example = "Denial: coding", maxLength = 120) String name,
        ScriptRequest.AppliesTo appliesTo,
        @Schema(maxLength = 2000) String opening,
        @Schema(maxLength = 2000) String objective,
        @Schema(type = SchemaType.ARRAY, implementation = Step.class, minItems = 1, maxItems = 50) List<String> steps,
        @Schema(maxItems = 50) List<ScriptRequest.Objection> objections,
        @Schema(implementation = String.class, format = "date-time", maxLength = 35) Instant updatedAt,
        @JsonIgnore long version) {

    /** Only names the item schema of {@code steps} in the OpenAPI document. */
    @Schema(name = "ScriptStep", type = SchemaType.STRING, maxLength = 1000,
            example = "Ask which line and which code, modifier or diagnosis caused the denial")
    interface Step {
    }
}
