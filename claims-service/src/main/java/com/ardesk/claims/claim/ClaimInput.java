package com.ardesk.claims.claim;

import com.ardesk.kit.openapi.ApiSchemas;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A claim as a PM system sends it (POST, PUT upsert and each batch item). */
@Schema(description = "A claim as the practice-management system knows it.")
public record ClaimInput(
        @Schema(description = "Practice the claim belongs to; must be in the caller's token", example = "P100", maxLength = 64,
                pattern = ApiSchemas.ID_PATTERN) String practiceId,
        @Schema(description = "The PM system's claim id (X12 CLM01); unique per practice", example = "PM-2026-000123",
                maxLength = 64, pattern = "^[\\x21-\\x7E]{1,64}$") String externalClaimId,
        PatientInput patient,
        @Schema(example = "MEDICARE", maxLength = 64, pattern = ApiSchemas.ID_PATTERN) String payerId,
        @Schema(description = "Billing provider NPI: 10 digits, Luhn-checked", example = "1234567893", maxLength = 10,
                pattern = "^[0-9]{10}$") String providerNpi,
        @Schema(example = "2026-10-02", implementation = String.class, format = "date", maxLength = 10) LocalDate serviceDateFrom,
        @Schema(example = "2026-10-02", implementation = String.class, format = "date", maxLength = 10) LocalDate serviceDateTo,
        @Schema(description = "First billed date; defaults to today", example = "2026-10-05",
                implementation = String.class, format = "date", maxLength = 10) LocalDate submittedOn,
        @Schema(description = "1 to 50 service lines", minItems = 1, maxItems = ClaimValidator.MAX_LINES) List<LineInput> lines) {

    @Schema(description = "The patient. Name and date of birth are never written to logs or events.")
    public record PatientInput(
            @Schema(example = "ACC-99812", maxLength = 64, pattern = "^[\\x21-\\x7E]{1,64}$") String accountNumber,
            @Schema(example = "Maria", maxLength = 100) String firstName,
            @Schema(example = "Lopez", maxLength = 100) String lastName,
            @Schema(example = "1961-04-17", implementation = String.class, format = "date", maxLength = 10) LocalDate dateOfBirth) {
    }

    @Schema(description = "One service line.")
    public record LineInput(
            @Schema(description = "CPT (\\d{4}[0-9A-Z]) or HCPCS ([A-V]\\d{4})", example = "99214", maxLength = 5,
                    pattern = "^(\\d{4}[0-9A-Z]|[A-V]\\d{4})$") String procedureCode,
            @Schema(description = "Up to 4 two-character modifiers", example = "[\"25\"]", type = SchemaType.ARRAY,
                    implementation = Modifier.class, maxItems = 4) List<String> modifiers,
            @Schema(description = "Units of service, 1-9999", example = "1", minimum = "1", maximum = "9999") Integer units,
            @Schema(description = "Charge, >= 0, at most 2 decimals", example = "185.00", type = SchemaType.NUMBER,
                    minimum = "0", maximum = ApiSchemas.MONEY_MAX) BigDecimal chargeAmount,
            @Schema(description = "1 to 4 ICD-10-CM codes", example = "[\"E11.9\", \"I10\"]", type = SchemaType.ARRAY,
                    implementation = DiagnosisCode.class, minItems = 1, maxItems = 4) List<String> diagnosisCodes) {
    }

    /** Only names the item schema of modifier lists in the OpenAPI document. */
    @Schema(name = "ProcedureModifier", type = SchemaType.STRING, maxLength = 2, pattern = "^[0-9A-Z]{2}$", example = "25")
    public interface Modifier {
    }

    /** Only names the item schema of diagnosis code lists in the OpenAPI document. */
    @Schema(name = "DiagnosisCode", type = SchemaType.STRING, maxLength = 8, pattern = "^[A-Z][0-9][0-9A-Z](\\.?[0-9A-Z]{1,4})?$",
            example = "E11.9")
    public interface DiagnosisCode {
    }
}
