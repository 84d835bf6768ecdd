package com.ardesk.claims.claim;

import com.ardesk.claims.payer.ContractTerms;
import com.ardesk.claims.payer.DeadlineRules;
import com.ardesk.claims.payer.PayerService;
import com.ardesk.events.Topics;
import com.ardesk.events.claims.ClaimChanged;
import com.ardesk.kit.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The ClaimChanged snapshot every consumer projects from, written to the outbox in the change's
 * transaction after each change of a claim (docs/events.md).
 */
@ApplicationScoped
public class ClaimEvents {
    private final Outbox outbox;
    private final PayerService payers;
    private final LatestDenials denials;

    public ClaimEvents(Outbox outbox, PayerService payers, LatestDenials denials) {
        this.outbox = outbox;
        this.payers = payers;
        this.denials = denials;
    }

    /** Sends the full snapshot every consumer projects from; call after each change. */
    public void announce(Claim claim) {
        // flushed first so the snapshot carries the version the change produced
        Claim.flush();
        announce(claim, denials.of(claim.claimId));
    }

    /**
     * Sends the snapshot of each claim once, after a bulk change (a chunk of an 835): one flush and
     * one query for the latest denials of all of them, one outbox statement, instead of a flush and
     * two round trips per claim. Each claim's snapshot still follows its own events.
     */
    public void announceAll(Collection<Claim> changed) {
        if (changed.isEmpty()) {
            return;
        }
        Claim.flush();
        Map<UUID, LatestDenials.Latest> byClaim = denials.ofEach(changed.stream().map(c -> c.claimId).toList());
        outbox.appendAll(changed.stream().map(c -> new Outbox.Pending(Topics.CLAIMS, "claim", c.claimId.toString(), c.practiceId,
                snapshot(c, Optional.ofNullable(byClaim.get(c.claimId))))).toList());
    }

    /** Sends the snapshot of a claim that has no denial yet: no flush or query, so inserts stay batched. */
    void announceNew(Claim claim) {
        announce(claim, Optional.empty());
    }

    private void announce(Claim claim, Optional<LatestDenials.Latest> latest) {
        outbox.append(Topics.CLAIMS, "claim", claim.claimId.toString(), claim.practiceId, snapshot(claim, latest));
    }

    /** The ClaimChanged event of a claim as it stands, with its latest denial if any. */
    public ClaimChanged snapshot(Claim claim, Optional<LatestDenials.Latest> latest) {
        ContractTerms rules = payers.contractTerms(claim.practiceId, claim.payerId);
        return new ClaimChanged(
                claim.claimId, claim.externalClaimId, claim.payerId, claim.status.name(), claim.billedAmount,
                claim.paidAmount, claim.adjustmentAmount, claim.patientResponsibility, claim.balance,
                claim.serviceDateFrom, claim.serviceDateTo, claim.submittedOn,
                DeadlineRules.timelyFilingDeadline(rules, claim.serviceDateFrom, claim.submittedOn).orElse(null),
                latest.map(LatestDenials.Latest::appealDeadline).orElse(null),
                latest.map(LatestDenials.Latest::category).orElse(null), claim.version);
    }
}
