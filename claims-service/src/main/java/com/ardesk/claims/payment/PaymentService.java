package com.ardesk.claims.payment;

import com.ardesk.claims.claim.Claim;
import com.ardesk.claims.claim.ClaimMoney;
import com.ardesk.claims.claim.ClaimEvents;
import com.ardesk.claims.claim.ClaimLookup;
import com.ardesk.claims.claim.ClaimStatus;
import com.ardesk.claims.claim.ClaimStatusMoves;
import com.ardesk.claims.claim.Money;
import com.ardesk.kit.time.PracticeClock;
import com.ardesk.events.Topics;
import com.ardesk.events.claims.ClaimPaymentPosted;
import com.ardesk.kit.outbox.Outbox;
import com.ardesk.kit.problem.FieldError;
import com.ardesk.kit.problem.ProblemException;
import com.ardesk.kit.web.ETags;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Posts payments: paid and adjustment totals move, the balance is recomputed exactly, and the claim
 * becomes PAID when nothing is left (an overpayment stays visible as a credit balance).
 */
@ApplicationScoped
public class PaymentService {
    static final Set<String> GROUPS = Set.of("CO", "PR", "OA", "PI", "CR");
    static final Pattern CARC = Pattern.compile("[A-Z0-9]{1,5}");

    private final ClaimLookup claims;
    private final ClaimStatusMoves moves;
    private final ClaimEvents events;
    private final PracticeClock calendar;
    private final Outbox outbox;

    public PaymentService(ClaimLookup claims, ClaimStatusMoves moves, ClaimEvents events, PracticeClock calendar,
                          Outbox outbox) {
        this.claims = claims;
        this.moves = moves;
        this.events = events;
        this.calendar = calendar;
        this.outbox = outbox;
    }

    @Transactional
    public UUID pay(UUID claimId, PaymentInput input, String ifMatch) {
        Claim claim = claims.requireVisible(claimId);
        ETags.requireMatch(ifMatch, claim.version);
        check(input, calendar.today(claim.practiceId));
        post(claim, Money.cents(input.amount()), input.paidOn(), input.method().name(), input.reference(),
                input.adjustments() == null ? List.of() : input.adjustments(), "MANUAL", null);
        events.announce(claim);
        return claimId;
    }

    /** Posts one payment (negative = reversal) with its adjustments; shared with 835 posting. */
    public Payment post(Claim claim, BigDecimal amount, LocalDate paidOn, String method, String reference,
                        List<AdjustmentInput> adjustments, String source, UUID remittanceId) {
        BigDecimal patient = Money.ZERO;
        BigDecimal other = Money.ZERO;
        for (AdjustmentInput a : adjustments) {
            if ("PR".equals(a.groupCode())) {
                patient = patient.add(Money.cents(a.amount()));
            } else {
                other = other.add(Money.cents(a.amount()));
            }
        }
        // decide the status before touching the claim, so a refused move leaves it unchanged
        BigDecimal paid = claim.paidAmount.add(amount);
        BigDecimal balance = ClaimMoney.balance(claim.billedAmount, paid, claim.adjustmentAmount.add(other),
                claim.patientResponsibility.add(patient), claim.writtenOffAmount);
        ClaimStatus next = ClaimMoney.statusAfterPayment(claim.status, balance, paid);
        claim.status.requireMoveTo(next, "post a payment");
        claim.paidAmount = paid;
        claim.adjustmentAmount = claim.adjustmentAmount.add(other);
        claim.patientResponsibility = claim.patientResponsibility.add(patient);
        ClaimMoney.recompute(claim);
        moves.moveTo(claim, next, "post a payment", "payment " + (reference == null ? "" : reference));

        Payment p = new Payment();
        p.paymentId = UUID.randomUUID();
        p.claimId = claim.claimId;
        p.amount = amount;
        p.paidOn = paidOn;
        p.method = method;
        p.reference = reference;
        p.adjustmentAmount = other;
        p.patientAmount = patient;
        p.source = source;
        p.remittanceId = remittanceId;
        p.createdAt = Instant.now();
        p.persist();
        for (AdjustmentInput a : adjustments) {
            PaymentAdjustment adj = new PaymentAdjustment();
            adj.paymentId = p.paymentId;
            adj.groupCode = a.groupCode();
            adj.reasonCode = a.reasonCode();
            adj.amount = Money.cents(a.amount());
            adj.persist();
        }
        claim.updatedAt = p.createdAt;
        outbox.append(Topics.CLAIMS, "claim", claim.claimId.toString(), claim.practiceId, new ClaimPaymentPosted(
                claim.claimId, claim.payerId, p.paymentId, amount, other.add(patient), paidOn, method, reference,
                claim.balance, claim.status.name()));
        return p;
    }

    private static void check(PaymentInput in, LocalDate today) {
        if (in == null) {
            throw ProblemException.validation("body", "is required");
        }
        List<FieldError> errors = new ArrayList<>();
        Money.check("amount", in.amount(), false, errors);
        if (in.paidOn() == null) {
            errors.add(new FieldError("paidOn", "is required"));
        } else if (in.paidOn().isAfter(today)) {
            errors.add(new FieldError("paidOn", "must not be in the future"));
        }
        if (in.method() == null) {
            errors.add(new FieldError("method", "is required: CHECK, EFT or VCARD"));
        }
        if (in.reference() != null && (in.reference().isBlank() || in.reference().length() > 64)) {
            errors.add(new FieldError("reference", "must be 1-64 characters"));
        }
        List<AdjustmentInput> adjustments = in.adjustments() == null ? List.of() : in.adjustments();
        if (adjustments.size() > 99) {
            errors.add(new FieldError("adjustments", "must have at most 99 adjustments"));
        }
        for (int i = 0; i < adjustments.size(); i++) {
            AdjustmentInput a = adjustments.get(i);
            String at = "adjustments[" + i + "]";
            if (a == null) {
                errors.add(new FieldError(at, "is required"));
                continue;
            }
            if (a.groupCode() == null || !GROUPS.contains(a.groupCode())) {
                errors.add(new FieldError(at + ".groupCode", "must be one of CO, PR, OA, PI, CR"));
            }
            if (a.reasonCode() == null || !CARC.matcher(a.reasonCode()).matches()) {
                errors.add(new FieldError(at + ".reasonCode", "must be a CARC such as 45"));
            }
            Money.check(at + ".amount", a.amount(), true, errors);
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
    }
}
