package com.ardesk.claims.payer;

import com.ardesk.kit.openapi.ApiSchemas;
import com.fasterxml.jackson.annotation.JsonIgnore;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** A payer as the API shows it: contact data, the rule in force today, and every rule version. */
@Schema(description = "A payer with the rule in force today and its rule history (oldest first).")
public record PayerView(
        @Schema(example = "MEDICARE", maxLength = 64, pattern = ApiSchemas.ID_PATTERN) String payerId,
        @Schema(example = "Medicare Part B (Noridian JE)", maxLength = 200) String name,
        @Schema(example = "+1-855-609-9960", maxLength = 40) String phone,
        @Schema(description = "Timely-filing days of the rule in force today", example = "365", minimum = "1", maximum = "3650")
        Integer timelyFilingDays,
        @Schema(description = "Appeal window days of the rule in force today", example = "120", minimum = "1", maximum = "3650")
        Integer appealWindowDays,
        RuleTerms currentRule,
        @Schema(description = "Every rule version, oldest first", maxItems = 10000) List<RuleTerms> rules,
        @JsonIgnore long version) {
}
