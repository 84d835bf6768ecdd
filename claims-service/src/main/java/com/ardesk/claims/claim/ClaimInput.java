package com.ardesk.claims.claim;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A claim as a PM system sends it (POST, PUT upsert and each batch item). */
@Schema(description = "A claim as the practice-management system knows it.")
public record ClaimInput(
        @Schema(description = "Practice the claim belongs to; must be in the caller's token", example = "P100") String practiceId,
        @Schema(description = "The PM system's claim id (X12 CLM01); unique per practice", example = "PM-2026-000123") String externalClaimId,
        PatientInput patient,
        @Schema(example = "MEDICARE") String payerId,
        @Schema(description = "Billing provider NPI: 10 digits, Luhn-checked", example = "1234567893") String providerNpi,
        @Schema(example = "2026-10-02") LocalDate serviceDateFrom,
        @Schema(example = "2026-10-02") LocalDate serviceDateTo,
        @Schema(description = "First billed date; defaults to today", example = "2026-10-05") LocalDate submittedOn,
        @Schema(description = "1 to 50 service lines") List<LineInput> lines) {

    @Schema(description = "The patient. Name and date of birth are never written to logs or events.")
    public record PatientInput(
            @Schema(example = "ACC-99812") String accountNumber,
            @Schema(example = "Maria") String firstName,
            @Schema(example = "Lopez") String lastName,
            @Schema(example = "1961-04-17") LocalDate dateOfBirth) {
    }

    @Schema(description = "One service line.")
    public record LineInput(
            @Schema(description = "CPT (\\d{4}[0-9A-Z]) or HCPCS ([A-V]\\d{4})", example = "99214") String procedureCode,
            @Schema(description = "Up to 4 two-character modifiers", example = "[\"25\"]") List<String> modifiers,
            @Schema(description = "Units of service, 1-9999", example = "1") Integer units,
            @Schema(description = "Charge, >= 0, at most 2 decimals", example = "185.00") BigDecimal chargeAmount,
            @Schema(description = "1 to 4 ICD-10-CM codes", example = "[\"E11.9\", \"I10\"]") List<String> diagnosisCodes) {
    }
}
