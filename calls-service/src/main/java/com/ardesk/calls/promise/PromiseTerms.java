package com.ardesk.calls.promise;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** What the payer promised on a call. */
@Schema(description = "A payer's promise to pay one claim of the call.")
public record PromiseTerms(
        @NotNull @DecimalMin("0.01") @Digits(integer = 12, fraction = 2) @Schema(example = "1250.00") BigDecimal amount,
        @NotNull @Schema(example = "2026-03-10", implementation = String.class, format = "date", maxLength = 10) LocalDate expectedOn,
        @NotNull @Schema(example = "CHECK") PaymentMethod method,
        @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9 ._/-]*", message = "must be a check or EFT trace number")
        @Schema(description = "Check or EFT trace number when the payer gave one; a payment must then carry it",
                example = "CHK-0048213") String reference,
        @Schema(description = "Which of the call's claims; default the first", example = "0b6f3c1e-5d0a-4c36-9a57-1f2f1c9b6a10",
                implementation = String.class, format = "uuid", maxLength = 36)
        UUID claimId) {
}
