package com.ardesk.claims.claim;

import com.ardesk.events.Topics;
import com.ardesk.events.claims.ClaimStatusChanged;
import com.ardesk.kit.outbox.Outbox;
import com.ardesk.kit.problem.FieldError;
import com.ardesk.kit.problem.ProblemException;
import com.ardesk.kit.web.ETags;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Status moves: the ones a person asks for (POST /claims/{id}/status) and the ones payments,
 * denials, appeals and write-offs make. Each checks the {@link ClaimStatus} table and emits
 * ClaimStatusChanged when the status actually changes.
 */
@ApplicationScoped
public class ClaimStatusMoves {
    /** Statuses a person may set directly; the others follow from money and denials. */
    static final Set<ClaimStatus> MANUAL = EnumSet.of(ClaimStatus.IN_PROCESS, ClaimStatus.SUBMITTED, ClaimStatus.CLOSED);

    private final ClaimLookup lookup;
    private final ClaimEvents events;
    private final Outbox outbox;

    public ClaimStatusMoves(ClaimLookup lookup, ClaimEvents events, Outbox outbox) {
        this.lookup = lookup;
        this.events = events;
        this.outbox = outbox;
    }

    /** A manual move; answers the claim's id. */
    @Transactional
    public UUID changeStatus(UUID claimId, StatusChange change, String ifMatch) {
        Claim claim = lookup.requireVisible(claimId);
        ETags.requireMatch(ifMatch, claim.version);
        List<FieldError> errors = new ArrayList<>();
        if (change == null || change.status() == null) {
            errors.add(new FieldError("status", "is required"));
        } else if (!MANUAL.contains(change.status())) {
            errors.add(new FieldError("status", "must be IN_PROCESS, SUBMITTED or CLOSED; " + change.status()
                    + " follows from payments, denials, appeals or write-offs"));
        }
        if (change != null && change.reason() != null && change.reason().length() > 500) {
            errors.add(new FieldError("reason", "must be at most 500 characters"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        moveTo(claim, change.status(), "change the status", change.reason());
        claim.updatedAt = Claim.now();
        events.announce(claim);
        return claim.claimId;
    }

    /** Moves the claim's status (409 naming both states if not allowed) and announces the move. */
    public void moveTo(Claim claim, ClaimStatus next, String action, String reason) {
        ClaimStatus from = claim.status;
        from.requireMoveTo(next, action);
        if (from != next) {
            claim.status = next;
            outbox.append(Topics.CLAIMS, "claim", claim.claimId.toString(), claim.practiceId,
                    new ClaimStatusChanged(claim.claimId, from.name(), next.name(), reason));
        }
    }
}
