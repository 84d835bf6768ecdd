package com.ardesk.claims.view;

import com.ardesk.kit.aging.AgingBasis;
import com.ardesk.kit.aging.AgingBucket;
import com.ardesk.kit.aging.AgingCalculator;
import com.ardesk.claims.appeal.Appeal;
import com.ardesk.claims.appeal.AppealView;
import com.ardesk.claims.claim.Claim;
import com.ardesk.claims.claim.ClaimInput;
import com.ardesk.claims.claim.ClaimLine;
import com.ardesk.claims.claim.ClaimLookup;
import com.ardesk.kit.aging.AgingConfig;
import com.ardesk.kit.time.PracticeClock;
import com.ardesk.claims.denial.Denial;
import com.ardesk.claims.denial.DenialView;
import com.ardesk.claims.payer.ContractTerms;
import com.ardesk.claims.payer.DeadlineRules;
import com.ardesk.claims.payer.PayerService;
import com.ardesk.claims.payment.AdjustmentInput;
import com.ardesk.claims.payment.Payment;
import com.ardesk.claims.payment.PaymentAdjustment;
import com.ardesk.claims.payment.PaymentView;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** Builds {@link ClaimView}: the claim with its lines, money, aging, deadlines and its whole history. */
@ApplicationScoped
public class ClaimViews {
    private final ClaimLookup lookup;
    private final PayerService payers;
    private final PracticeClock calendar;
    private final AgingConfig config;

    public ClaimViews(ClaimLookup lookup, PayerService payers, PracticeClock calendar, AgingConfig config) {
        this.lookup = lookup;
        this.payers = payers;
        this.calendar = calendar;
        this.config = config;
    }

    @Transactional
    public ClaimView get(UUID claimId) {
        return view(lookup.requireVisible(claimId));
    }

    /**
     * Runs a change of one claim, which answers the claim's id, and reads that claim in the same
     * transaction, so the answer shows exactly what the change left (and its version is the ETag).
     */
    public ClaimView after(Supplier<UUID> change) {
        return QuarkusTransaction.joiningExisting().call(() -> view(lookup.requireVisible(change.get())));
    }

    ClaimView view(Claim c) {
        ContractTerms rules = payers.contractTerms(c.practiceId, c.payerId);
        List<Denial> denials = Denial.list("claimId", Sort.by("deniedOn").and("createdAt"), c.claimId);
        List<Payment> payments = Payment.list("claimId", Sort.by("paidOn").and("createdAt"), c.claimId);
        Map<UUID, List<AdjustmentInput>> adjustments = payments.isEmpty() ? Map.of()
                : PaymentAdjustment.<PaymentAdjustment>list("paymentId in ?1", Sort.by("id"),
                        payments.stream().map(p -> p.paymentId).toList()).stream()
                .collect(Collectors.groupingBy(a -> a.paymentId,
                        Collectors.mapping(a -> new AdjustmentInput(a.groupCode, a.reasonCode, a.amount), Collectors.toList())));
        List<Appeal> appeals = Appeal.list("claimId", Sort.by("filedOn"), c.claimId);
        AgingBasis basis = config.basis();
        long agingDays = AgingCalculator.agingDays(AgingCalculator.basisDate(basis, c.submittedOn, c.serviceDateFrom),
                calendar.today(c.practiceId));
        LocalDate appealDeadline = denials.stream().max(Comparator.comparing((Denial d) -> d.deniedOn))
                .map(d -> d.appealDeadline).orElse(null);
        return new ClaimView(c.claimId, c.practiceId, c.externalClaimId,
                new ClaimInput.PatientInput(c.patientAccountNumber, c.patientFirstName, c.patientLastName, c.patientDateOfBirth),
                c.payerId, c.providerNpi, c.serviceDateFrom, c.serviceDateTo, c.submittedOn, c.status,
                c.billedAmount, c.paidAmount, c.adjustmentAmount, c.patientResponsibility, c.writtenOffAmount, c.balance,
                c.balance.signum() < 0, agingDays, AgingBucket.of(agingDays), basis,
                DeadlineRules.timelyFilingDeadline(rules, c.serviceDateFrom, c.submittedOn).orElse(null),
                appealDeadline, c.payerClaimControlNumber,
                c.lines.stream().map(l -> new ClaimView.LineView(l.lineNumber, l.procedureCode, ClaimLine.split(l.modifiers),
                        l.units, l.chargeAmount, ClaimLine.split(l.diagnosisCodes))).toList(),
                denials.stream().map(DenialView::from).toList(),
                payments.stream().map(p -> new PaymentView(p.paymentId, p.amount, p.paidOn, p.method, p.reference,
                        adjustments.getOrDefault(p.paymentId, List.of()), p.source)).toList(),
                appeals.stream().map(AppealView::from).toList(),
                c.createdAt, c.updatedAt, c.version);
    }
}
