package com.ardesk.claims.claim;

import com.ardesk.kit.problem.FieldError;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Every rule a claim must pass before it is stored, collected rather than stopping at the first,
 * so a PM system can fix a claim in one round trip. Pure: "today" is passed in (the practice's day).
 */
public final class ClaimValidator {
    public static final Pattern PRACTICE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    public static final Pattern EXTERNAL_ID = Pattern.compile("[\\x21-\\x7E]{1,64}");
    static final Pattern CPT = Pattern.compile("\\d{4}[0-9A-Z]");
    static final Pattern HCPCS = Pattern.compile("[A-V]\\d{4}");
    static final Pattern MODIFIER = Pattern.compile("[0-9A-Z]{2}");
    static final Pattern ICD10 = Pattern.compile("[A-Z][0-9][0-9A-Z](\\.?[0-9A-Z]{1,4})?");
    public static final int MAX_LINES = 50;

    private ClaimValidator() {
    }

    public static List<FieldError> validate(ClaimInput c, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        if (c == null) {
            errors.add(new FieldError("body", "is required"));
            return errors;
        }
        require(errors, "practiceId", c.practiceId(), PRACTICE_ID, "must be 1-64 letters, digits, '.', '_' or '-'");
        require(errors, "externalClaimId", c.externalClaimId(), EXTERNAL_ID, "must be 1-64 printable characters without spaces");
        require(errors, "payerId", c.payerId(), PRACTICE_ID, "must be 1-64 letters, digits, '.', '_' or '-'");
        if (c.providerNpi() == null) {
            errors.add(new FieldError("providerNpi", "is required"));
        } else if (!Npi.isValid(c.providerNpi())) {
            errors.add(new FieldError("providerNpi", "is not a valid NPI (10 digits with a Luhn check digit)"));
        }
        patient(c.patient(), today, errors);
        dates(c, today, errors);
        lines(c.lines(), errors);
        return errors;
    }

    private static void patient(ClaimInput.PatientInput p, LocalDate today, List<FieldError> errors) {
        if (p == null) {
            errors.add(new FieldError("patient", "is required"));
            return;
        }
        require(errors, "patient.accountNumber", p.accountNumber(), EXTERNAL_ID, "must be 1-64 printable characters");
        text(errors, "patient.firstName", p.firstName(), 100);
        text(errors, "patient.lastName", p.lastName(), 100);
        if (p.dateOfBirth() == null) {
            errors.add(new FieldError("patient.dateOfBirth", "is required"));
        } else if (p.dateOfBirth().isAfter(today)) {
            errors.add(new FieldError("patient.dateOfBirth", "must not be in the future"));
        }
    }

    private static void dates(ClaimInput c, LocalDate today, List<FieldError> errors) {
        if (c.serviceDateFrom() == null) {
            errors.add(new FieldError("serviceDateFrom", "is required"));
        } else if (c.serviceDateFrom().isAfter(today)) {
            errors.add(new FieldError("serviceDateFrom", "must not be in the future"));
        }
        if (c.serviceDateTo() == null) {
            errors.add(new FieldError("serviceDateTo", "is required"));
        } else if (c.serviceDateTo().isAfter(today)) {
            errors.add(new FieldError("serviceDateTo", "must not be in the future"));
        } else if (c.serviceDateFrom() != null && c.serviceDateTo().isBefore(c.serviceDateFrom())) {
            errors.add(new FieldError("serviceDateTo", "must be on or after serviceDateFrom"));
        }
        if (c.submittedOn() != null) {
            if (c.submittedOn().isAfter(today)) {
                errors.add(new FieldError("submittedOn", "must not be in the future"));
            } else if (c.serviceDateFrom() != null && c.submittedOn().isBefore(c.serviceDateFrom())) {
                errors.add(new FieldError("submittedOn", "must be on or after serviceDateFrom"));
            }
        }
    }

    private static void lines(List<ClaimInput.LineInput> lines, List<FieldError> errors) {
        if (lines == null || lines.isEmpty()) {
            errors.add(new FieldError("lines", "must have 1 to " + MAX_LINES + " lines"));
            return;
        }
        if (lines.size() > MAX_LINES) {
            errors.add(new FieldError("lines", "must have 1 to " + MAX_LINES + " lines"));
            return;
        }
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < lines.size(); i++) {
            String at = "lines[" + i + "]";
            ClaimInput.LineInput line = lines.get(i);
            if (line == null) {
                errors.add(new FieldError(at, "is required"));
                continue;
            }
            String code = line.procedureCode();
            if (code == null) {
                errors.add(new FieldError(at + ".procedureCode", "is required"));
            } else if (!CPT.matcher(code).matches() && !HCPCS.matcher(code).matches()) {
                errors.add(new FieldError(at + ".procedureCode", "must be a CPT (e.g. 99214) or HCPCS (e.g. G0439) code"));
            }
            List<String> modifiers = line.modifiers() == null ? List.of() : line.modifiers();
            if (modifiers.size() > 4) {
                errors.add(new FieldError(at + ".modifiers", "must have at most 4 modifiers"));
            }
            for (int m = 0; m < modifiers.size(); m++) {
                if (modifiers.get(m) == null || !MODIFIER.matcher(modifiers.get(m)).matches()) {
                    errors.add(new FieldError(at + ".modifiers[" + m + "]", "must be 2 letters or digits"));
                }
            }
            if (line.units() == null) {
                errors.add(new FieldError(at + ".units", "is required"));
            } else if (line.units() < 1 || line.units() > 9999) {
                errors.add(new FieldError(at + ".units", "must be between 1 and 9999"));
            }
            Money.check(at + ".chargeAmount", line.chargeAmount(), false, errors);
            if (line.chargeAmount() != null && line.chargeAmount().abs().compareTo(Money.MAX) <= 0) {
                // an amount over the maximum is already named on its own line
                total = total.add(line.chargeAmount().abs());
            }
            List<String> dx = line.diagnosisCodes() == null ? List.of() : line.diagnosisCodes();
            if (dx.isEmpty() || dx.size() > 4) {
                errors.add(new FieldError(at + ".diagnosisCodes", "must have 1 to 4 ICD-10-CM codes"));
            }
            for (int d = 0; d < dx.size(); d++) {
                if (dx.get(d) == null || !ICD10.matcher(dx.get(d)).matches()) {
                    errors.add(new FieldError(at + ".diagnosisCodes[" + d + "]", "must be an ICD-10-CM code such as E11.9"));
                }
            }
        }
        // the claim's billed amount is this total, stored as numeric(14,2) like every amount
        if (total.compareTo(Money.MAX) > 0) {
            errors.add(new FieldError("lines", "the chargeAmount total must be at most " + Money.MAX));
        }
    }

    private static void require(List<FieldError> errors, String field, String value, Pattern pattern, String message) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "is required"));
        } else if (!pattern.matcher(value).matches()) {
            errors.add(new FieldError(field, message));
        }
    }

    private static void text(List<FieldError> errors, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "is required"));
        } else if (value.length() > max) {
            errors.add(new FieldError(field, "must be at most " + max + " characters"));
        }
    }
}
