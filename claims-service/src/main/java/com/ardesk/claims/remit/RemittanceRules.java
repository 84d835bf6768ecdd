package com.ardesk.claims.remit;

import com.ardesk.claims.denial.CarcCategories;
import com.ardesk.claims.denial.DenialCategory;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/** The 835 rules of docs/domain.md ("835 posting"): what a CLP02 status means and which CAS are denials rather than adjustments. */
public final class RemittanceRules {
    /** What a claim's CLP02 asks of the books. */
    public enum Kind {
        /** 1/2/3 processed as primary/secondary/tertiary, 19/20/21 the same and forwarded: post the payment. */
        PROCESSED,
        /** 4: denied whatever its CARCs say. */
        DENIED,
        /** 22: takes back an earlier posting. */
        REVERSAL,
        /** 23: the payer says the claim is not ours. */
        NOT_OUR_CLAIM,
        /** 25: a predetermination, no money. */
        PREDETERMINATION,
        /** Any other code: nothing is posted. */
        OTHER
    }

    /** Group-aware: the normal course of payment, never work for a caller. */
    private static final Set<String> ADJUSTMENTS = Set.of("OA-23", "CO-45", "CO-253", "PR-1", "PR-2", "PR-3");

    private RemittanceRules() {
    }

    public static Kind kind(String clp02) {
        return switch (clp02) {
            case "1", "2", "3", "19", "20", "21" -> Kind.PROCESSED;
            case "4" -> Kind.DENIED;
            case "22" -> Kind.REVERSAL;
            case "23" -> Kind.NOT_OUR_CLAIM;
            case "25" -> Kind.PREDETERMINATION;
            default -> Kind.OTHER;
        };
    }

    /** OA-23 (prior payer's share), CO-45, CO-253, PR-1/2/3: adjustments whatever the claim's status. */
    public static boolean isAdjustment(Remittance835.Adjustment a) {
        return ADJUSTMENTS.contains(a.groupCode() + "-" + normalize(a.reasonCode()));
    }

    /**
     * On a processed (paid) claim, a CAS asks for work when a payer (not the patient) kept money for a
     * reason of the denial table in docs/domain.md; anything else is an adjustment of the payment.
     */
    public static boolean isDenialOnProcessedClaim(Remittance835.Adjustment a) {
        return !"PR".equals(a.groupCode()) && a.amount().signum() > 0 && !isAdjustment(a)
                && CarcCategories.notADenial(a.groupCode(), a.reasonCode()).isEmpty()
                && CarcCategories.categoryOf(a.reasonCode()) != DenialCategory.OTHER;
    }

    /**
     * The denials of a CLP02=4 claim: its CAS that are not plain adjustments, whatever their category
     * (a CARC outside the table is category OTHER, never "not a denial"); when every CAS is an
     * adjustment, all of them, since the payer said denied.
     */
    public static List<Remittance835.Adjustment> denialsOfDeniedClaim(List<Remittance835.Adjustment> adjustments) {
        List<Remittance835.Adjustment> denials = adjustments.stream().filter(a -> !isAdjustment(a)).toList();
        return denials.isEmpty() ? adjustments : denials;
    }

    /** BPR02 = Σ CLP04 − Σ PLB amounts (a positive PLB reduces the payment). */
    public static BigDecimal expectedPayment(Remittance835.Transaction t) {
        BigDecimal plb = t.providerAdjustments().stream().map(Remittance835.ProviderAdjustment::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return t.claimsPaid().subtract(plb);
    }

    private static String normalize(String reasonCode) {
        return reasonCode == null ? "" : reasonCode.trim().toUpperCase().replaceFirst("^0+(?=.)", "");
    }
}
