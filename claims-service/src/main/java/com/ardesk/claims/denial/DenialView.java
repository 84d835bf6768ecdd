package com.ardesk.claims.denial;

import com.ardesk.kit.openapi.ApiSchemas;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A denial with the category derived from its CARC and the appeal deadline from the payer rule. */
@Schema(description = "A denial: CARC group and reason, RARCs, derived category and appeal deadline")
public record DenialView(@Schema(implementation = String.class, format = "uuid", maxLength = 36,
                                 example = "6f1c2a9e-3b4d-4e5f-8a7b-1c2d3e4f5a6b") UUID denialId,
                         @Schema(description = "The denied claim", implementation = String.class, format = "uuid", maxLength = 36,
                                 example = "0b8f5e2c-1d3a-4c6b-9e8f-7a6b5c4d3e2f") UUID claimId,
                         @Schema(example = "CO", maxLength = 2, pattern = "^[A-Z]{2}$") String groupCode,
                         @Schema(example = "197", maxLength = 5) String reasonCode,
                         @Schema(example = "[\"N54\"]", type = SchemaType.ARRAY, implementation = DenialInput.RemarkCode.class,
                                 maxItems = 10) List<String> remarkCodes,
                         @Schema(example = "AUTHORIZATION") DenialCategory category,
                         @Schema(example = "185.00", type = SchemaType.NUMBER, minimum = "0", maximum = ApiSchemas.MONEY_MAX) BigDecimal amount,
                         @Schema(implementation = String.class, format = "date", maxLength = 10, example = "2026-11-02") LocalDate deniedOn,
                         @Schema(description = "deniedOn + the appeal window in force on deniedOn (the practice's "
                                 + "contract terms with the payer, else the payer's rule); null when the payer has no rule",
                                 implementation = String.class, format = "date", maxLength = 10, example = "2027-03-02")
                         LocalDate appealDeadline,
                         @Schema(description = "Where it came from: MANUAL or the 835 that reported it", example = "MANUAL",
                                 maxLength = 16) String source) {
    public static DenialView from(Denial d) {
        return new DenialView(d.denialId, d.claimId, d.groupCode, d.reasonCode,
                d.remarkCodes == null || d.remarkCodes.isEmpty() ? List.of() : List.of(d.remarkCodes.split(",")),
                d.category, d.amount, d.deniedOn, d.appealDeadline, d.source);
    }
}
