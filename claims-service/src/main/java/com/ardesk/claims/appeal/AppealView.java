package com.ardesk.claims.appeal;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.UUID;

/** An appeal filed on the claim. */
@Schema(description = "An appeal filed with the payer")
public record AppealView(@Schema(implementation = String.class, format = "uuid", maxLength = 36) UUID appealId,
                         @Schema(example = "1", minimum = "1", maximum = "5") int level,
                         @Schema(implementation = String.class, format = "date", maxLength = 10) LocalDate filedOn,
                         @Schema(description = "The appeal deadline it was filed against", implementation = String.class, format = "date", maxLength = 10)
                         LocalDate deadline,
                         @Schema(maxLength = 2000) String notes,
                         @Schema(description = "The user (token subject) who filed it", maxLength = 128) String filedBy) {
    public static AppealView from(Appeal a) {
        return new AppealView(a.appealId, a.level, a.filedOn, a.deadline, a.notes, a.filedBy);
    }
}
