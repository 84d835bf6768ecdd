package com.ardesk.calls.call;

import com.ardesk.calls.promise.PromiseTerms;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Body of POST /api/v1/calls. The caller is the token's subject, never a body field. */
@Schema(description = "A call to a payer about one or more claims of one practice. PROMISE_TO_PAY requires promise; "
        + "promise is refused with any other outcome.")
public record NewCall(
        @NotBlank @Size(max = 64) @Schema(example = "P100") String practiceId,
        @NotBlank @Size(max = 64) @Schema(example = "AETNA") String payerId,
        @NotEmpty @Size(max = 50) @Schema(description = "Claims discussed; each must be known to calls-service",
                example = "[\"0b6f3c1e-5d0a-4c36-9a57-1f2f1c9b6a10\"]", type = SchemaType.ARRAY,
                implementation = Uuid.class) List<@NotNull UUID> claimIds,
        @NotNull @Schema(example = "2026-03-02T15:04:05Z", implementation = String.class, format = "date-time", maxLength = 35) Instant startedAt,
        @NotNull @Min(0) @Max(86400) @Schema(example = "540") Integer durationSeconds,
        @Size(max = 120) @Schema(description = "Payer representative's name", example = "Dana R.") String repName,
        @Size(max = 64) @Schema(description = "Call reference number the payer gave", example = "CR-20260302-7781")
        String referenceNumber,
        @NotNull @Schema(example = "PROMISE_TO_PAY") Outcome outcome,
        @Size(max = 10000) @Schema(example = "Rep confirmed check issued 03/01, mailed to lockbox.") String notes,
        @Schema(description = "When the payer asked to be called back (CALLBACK_REQUESTED)", example = "2026-03-04T14:00:00Z",
                implementation = String.class, format = "date-time", maxLength = 35)
        Instant callbackAt,
        @Valid PromiseTerms promise) {

    /** A claim id as an item of a list (an annotation cannot sit on a list's element type). */
    @Schema(name = "Uuid", type = SchemaType.STRING, format = "uuid", maxLength = 36,
            example = "0b6f3c1e-5d0a-4c36-9a57-1f2f1c9b6a10")
    public interface Uuid {
    }
}
