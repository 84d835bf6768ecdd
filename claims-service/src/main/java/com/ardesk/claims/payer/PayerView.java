package com.ardesk.claims.payer;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** A payer as the API shows it: contact data, the rule in force today, and every rule version. */
@Schema(description = "A payer with the rule in force today and its rule history (oldest first).")
public record PayerView(
        @Schema(example = "MEDICARE") String payerId,
        @Schema(example = "Medicare Part B (Noridian JE)") String name,
        @Schema(example = "+1-855-609-9960") String phone,
        RuleTerms currentRule,
        List<RuleTerms> rules,
        @JsonIgnore long version) {
}
