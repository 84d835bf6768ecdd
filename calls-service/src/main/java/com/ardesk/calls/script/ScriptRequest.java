package com.ardesk.calls.script;

import com.ardesk.calls.call.Outcome;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** Body of POST and PUT /api/v1/call-scripts: a default (no practiceId) or a practice's own script. */
@Schema(description = "A call script: when it applies, what to say, and rebuttals to objections.")
public record ScriptRequest(
        @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}", message = "must be a practice id")
        @Schema(description = "The practice that owns the script (its supervisors and admins write it); omitted: a "
                + "billing-company default that only an admin writes. Cannot change once created.",
                example = "P100", maxLength = 64) String practiceId,
        @NotBlank @Size(max = 120) @Schema(example = "Denial: coding (Aetna)") String name,
        @NotNull @Valid AppliesTo appliesTo,
        @NotBlank @Size(max = 2000) @Schema(example = "I'm calling about a claim denied for a coding issue.") String opening,
        @NotBlank @Size(max = 2000) @Schema(example = "Find the code to correct and resubmit.") String objective,
        @NotEmpty @Size(max = 50) List<@NotBlank @Size(max = 1000) String> steps,
        @Size(max = 50) List<@NotNull @Valid Objection> objections) {

    /** When a script applies; every field is optional and an empty object means "any claim". */
    @Schema(description = "Criteria; omitted ones match anything. The most specific matching script wins.")
    public record AppliesTo(
            @Schema(example = "CODING") DenialCategory denialCategory,
            @Size(max = 32) @Pattern(regexp = "[A-Z_]+", message = "must be a claim status such as DENIED")
            @Schema(example = "DENIED") String claimStatus,
            @Size(max = 64) @Schema(example = "AETNA") String payerId,
            @Schema(description = "Outcome of the last call on the claim", example = "PROMISE_TO_PAY") Outcome outcome) {
    }

    /** An objection a payer or patient is likely to raise, and how to answer it. */
    @Schema(description = "An anticipated objection and its rebuttal.")
    public record Objection(
            @NotBlank @Size(max = 1000) @Schema(example = "The claim is still processing.") String objection,
            @NotBlank @Size(max = 2000) @Schema(example = "What step is it in, and by when will it finish?") String rebuttal) {
    }
}
