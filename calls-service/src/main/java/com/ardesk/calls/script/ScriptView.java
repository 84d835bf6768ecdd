package com.ardesk.calls.script;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A call script as the API shows it. */
@Schema(description = "A call script.")
public record ScriptView(
        UUID scriptId,
        @Schema(example = "Denial: coding") String name,
        ScriptRequest.AppliesTo appliesTo,
        String opening,
        String objective,
        List<String> steps,
        List<ScriptRequest.Objection> objections,
        Instant updatedAt,
        @JsonIgnore long version) {
}
