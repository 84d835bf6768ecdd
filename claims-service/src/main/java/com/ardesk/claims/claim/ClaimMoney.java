package com.ardesk.claims.claim;

import java.math.BigDecimal;

/**
 * The claim's money arithmetic in one place. Insurance balance = billed − paid − contractual/other
 * adjustments − patient responsibility − write-offs: what the payer still owes. The patient's share
 * is tracked separately as patientResponsibility. A negative balance is an overpayment (credit
 * balance): kept as it is and flagged, never clamped to zero.
 */
public final class ClaimMoney {
    private ClaimMoney() {
    }

    public static BigDecimal balance(BigDecimal billed, BigDecimal paid, BigDecimal adjustments,
                                     BigDecimal patientResponsibility, BigDecimal writtenOff) {
        return billed.subtract(paid).subtract(adjustments).subtract(patientResponsibility).subtract(writtenOff);
    }

    public static void recompute(Claim claim) {
        claim.balance = balance(claim.billedAmount, claim.paidAmount, claim.adjustmentAmount,
                claim.patientResponsibility, claim.writtenOffAmount);
    }

    /** Status after money arrived: settled → PAID, some paid → PARTIALLY_PAID, else unchanged. */
    public static ClaimStatus statusAfterPayment(ClaimStatus current, BigDecimal balance, BigDecimal paidTotal) {
        if (balance.signum() <= 0) {
            return ClaimStatus.PAID;
        }
        if (paidTotal.signum() > 0) {
            return ClaimStatus.PARTIALLY_PAID;
        }
        return current == ClaimStatus.PAID ? ClaimStatus.IN_PROCESS : current;
    }
}
