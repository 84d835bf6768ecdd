package com.ardesk.calls.script;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

/** The script chosen for a claim and why. */
@Schema(description = "The best script for a claim, the claim situation it was matched against, and why it won.")
public record ScriptMatchView(
        ScriptView script,
        @Schema(description = "Specificity: payer 8 + denial category 4 + last outcome 2 + claim status 1", example = "4")
        int score,
        @Schema(example = "[\"the claim's denial category is CODING\"]") List<String> why,
        Situation situation) {

    /** What was known about the claim when matching. */
    @Schema(description = "The claim's situation as calls-service knows it")
    public record Situation(UUID claimId, @Schema(example = "DENIED") String claimStatus,
                            @Schema(example = "CODING") String denialCategory,
                            @Schema(example = "AETNA") String payerId,
                            @Schema(example = "IN_PROCESS") String lastOutcome) {
    }
}
