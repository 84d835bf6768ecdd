package com.ardesk.claims.appeal;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/** Body of POST /api/v1/claims/{claimId}/appeals. */
@Schema(description = "An appeal filed against the claim's latest denial")
public record AppealInput(@Schema(description = "Appeal level 1-5 (Medicare: 1 redetermination, 2 reconsideration...)",
                                  example = "1", defaultValue = "1", minimum = "1", maximum = "5") Integer level,
                          @Schema(description = "Defaults to today", example = "2026-11-23", implementation = String.class, format = "date", maxLength = 10)
                          LocalDate filedOn,
                          @Schema(example = "Retro-authorization attached", maxLength = 2000) String notes) {
}
