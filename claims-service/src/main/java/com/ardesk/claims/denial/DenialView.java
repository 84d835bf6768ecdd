package com.ardesk.claims.denial;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A denial with the category derived from its CARC and the appeal deadline from the payer rule. */
@Schema(description = "A denial: CARC group and reason, RARCs, derived category and appeal deadline")
public record DenialView(UUID denialId, @Schema(example = "CO") String groupCode, @Schema(example = "197") String reasonCode,
                         @Schema(example = "[\"N54\"]") List<String> remarkCodes,
                         @Schema(example = "AUTHORIZATION") DenialCategory category,
                         @Schema(example = "185.00") BigDecimal amount, LocalDate deniedOn, LocalDate appealDeadline,
                         @Schema(example = "MANUAL") String source) {
    public static DenialView from(Denial d) {
        return new DenialView(d.denialId, d.groupCode, d.reasonCode,
                d.remarkCodes == null || d.remarkCodes.isEmpty() ? List.of() : List.of(d.remarkCodes.split(",")),
                d.category, d.amount, d.deniedOn, d.appealDeadline, d.source);
    }
}
