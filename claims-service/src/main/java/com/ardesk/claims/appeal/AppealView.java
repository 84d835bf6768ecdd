package com.ardesk.claims.appeal;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.UUID;

/** An appeal filed on the claim. */
@Schema(description = "An appeal filed with the payer")
public record AppealView(UUID appealId, @Schema(example = "1") int level, LocalDate filedOn,
                         @Schema(description = "The appeal deadline it was filed against") LocalDate deadline,
                         String notes, String filedBy) {
    public static AppealView from(Appeal a) {
        return new AppealView(a.appealId, a.level, a.filedOn, a.deadline, a.notes, a.filedBy);
    }
}
