package com.ardesk.calls.script;

import com.ardesk.calls.call.Outcome;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

/** The script chosen for a claim and why. */
@Schema(description = "The best script for a claim, the claim situation it was matched against, and why it won.")
public record ScriptMatchView(
        ScriptView script,
        @Schema(description = "Specificity: payer 8 + denial category 4 + last outcome 2 + claim status 1", example = "4",
                minimum = "0", maximum = "15")
        int score,
        @Schema(example = "[\"the claim's denial category is CODING\"]", type = SchemaType.ARRAY, implementation = Reason.class,
                minItems = 1, maxItems = 4) List<String> why,
        Situation situation) {

    /** What was known about the claim when matching. */
    @Schema(description = "The claim's situation as calls-service knows it")
    public record Situation(@Schema(implementation = String.class, format = "uuid", maxLength = 36) UUID claimId,
                            @Schema(example = "DENIED", maxLength = 32) String claimStatus,
                            @Schema(example = "CODING", maxLength = 40) String denialCategory,
                            @Schema(example = "AETNA", maxLength = 64) String payerId,
                            @Schema(description = "Outcome of the last call on the claim; null before any call", example = "IN_PROCESS") Outcome lastOutcome) {
    }

    /** Only names the item schema of {@code why}: a fixed phrase plus a payer id, category, outcome or status. */
    @Schema(name = "MatchReason", type = SchemaType.STRING, maxLength = 128,
            example = "the claim's denial category is CODING")
    interface Reason {
    }
}
