package com.ardesk.claims.denial;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Derives the worklist category of a denial from its CARC (the table in docs/domain.md "Denials"), and tells which
 * group/reason pairs are not denials at all but ordinary contractual or patient-share adjustments.
 */
public final class CarcCategories {
    private static final Map<String, DenialCategory> BY_CARC = Map.ofEntries(
            Map.entry("26", DenialCategory.ELIGIBILITY), Map.entry("27", DenialCategory.ELIGIBILITY),
            Map.entry("31", DenialCategory.ELIGIBILITY), Map.entry("109", DenialCategory.ELIGIBILITY),
            Map.entry("177", DenialCategory.ELIGIBILITY),
            Map.entry("15", DenialCategory.AUTHORIZATION), Map.entry("197", DenialCategory.AUTHORIZATION),
            Map.entry("198", DenialCategory.AUTHORIZATION), Map.entry("39", DenialCategory.AUTHORIZATION),
            Map.entry("4", DenialCategory.CODING), Map.entry("5", DenialCategory.CODING),
            Map.entry("6", DenialCategory.CODING), Map.entry("11", DenialCategory.CODING),
            Map.entry("97", DenialCategory.CODING), Map.entry("181", DenialCategory.CODING),
            Map.entry("182", DenialCategory.CODING),
            Map.entry("16", DenialCategory.MISSING_INFO), Map.entry("17", DenialCategory.MISSING_INFO),
            Map.entry("252", DenialCategory.MISSING_INFO),
            Map.entry("29", DenialCategory.TIMELY_FILING),
            Map.entry("18", DenialCategory.DUPLICATE),
            Map.entry("50", DenialCategory.MEDICAL_NECESSITY), Map.entry("55", DenialCategory.MEDICAL_NECESSITY),
            Map.entry("56", DenialCategory.MEDICAL_NECESSITY), Map.entry("57", DenialCategory.MEDICAL_NECESSITY),
            Map.entry("22", DenialCategory.COORDINATION_OF_BENEFITS),
            Map.entry("23", DenialCategory.COORDINATION_OF_BENEFITS),
            Map.entry("24", DenialCategory.COORDINATION_OF_BENEFITS),
            Map.entry("96", DenialCategory.NON_COVERED), Map.entry("204", DenialCategory.NON_COVERED));

    /** Adjustments that are the normal course of payment, not work for a caller. */
    private static final Set<String> NOT_DENIALS = Set.of("CO-45", "PR-1", "PR-2", "PR-3");
    static final Set<String> GROUPS = Set.of("CO", "PR", "OA", "PI", "CR");

    private CarcCategories() {
    }

    public static DenialCategory categoryOf(String reasonCode) {
        return BY_CARC.getOrDefault(normalize(reasonCode), DenialCategory.OTHER);
    }

    /** Why this group/reason is not a denial, if it is not one. */
    public static Optional<String> notADenial(String groupCode, String reasonCode) {
        String key = groupCode + "-" + normalize(reasonCode);
        if (!NOT_DENIALS.contains(key)) {
            return Optional.empty();
        }
        return Optional.of(switch (key) {
            case "CO-45" -> "CO-45 (charge exceeds fee schedule) is a contractual adjustment, not a denial";
            case "PR-1" -> "PR-1 is the patient's deductible, not a denial";
            case "PR-2" -> "PR-2 is the patient's coinsurance, not a denial";
            default -> "PR-3 is the patient's copay, not a denial";
        });
    }

    /** CARCs are written with or without leading zeros ("016" in some remits); compare without. */
    static String normalize(String reasonCode) {
        String trimmed = reasonCode == null ? "" : reasonCode.trim().toUpperCase();
        return trimmed.replaceFirst("^0+(?=.)", "");
    }
}
