package com.ardesk.calls.claim;

import com.ardesk.events.claims.ClaimChanged;
import com.ardesk.events.claims.PayerChanged;
import com.ardesk.kit.problem.FieldError;
import com.ardesk.kit.problem.ProblemException;
import com.ardesk.kit.tenancy.Tenancy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * calls-service's read model of claims and payers, fed by {@code ar.claims.v1}. Calls may only
 * reference claims this projection knows, which is how tenancy holds without asking claims-service.
 */
@ApplicationScoped
public class ClaimProjection {

    @Transactional(Transactional.TxType.MANDATORY)
    void apply(String practiceId, ClaimChanged changed, Instant occurredAt) {
        ClaimSnapshot claim = ClaimSnapshot.findById(changed.claimId());
        if (claim == null) {
            claim = new ClaimSnapshot();
            claim.claimId = changed.claimId();
        } else if (claim.version > changed.version()) {
            return;
        }
        claim.practiceId = practiceId;
        claim.externalClaimId = changed.externalClaimId();
        claim.payerId = changed.payerId();
        claim.status = changed.status();
        claim.balance = changed.balance();
        claim.denialCategory = changed.denialCategory();
        claim.version = changed.version();
        claim.updatedAt = occurredAt != null ? occurredAt : Instant.now();
        claim.persist();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void apply(PayerChanged changed, Instant occurredAt) {
        PayerTerms payer = PayerTerms.findById(changed.payerId());
        if (payer == null) {
            payer = new PayerTerms();
            payer.payerId = changed.payerId();
        }
        payer.name = changed.name();
        payer.promiseGraceDays = changed.promiseGraceDays();
        payer.updatedAt = occurredAt != null ? occurredAt : Instant.now();
        payer.persist();
    }

    @Transactional
    public Optional<ClaimSnapshot> find(UUID claimId) {
        return ClaimSnapshot.findByIdOptional(claimId);
    }

    /** The payer's grace days when calls-service has heard of the payer. */
    @Transactional
    public Optional<Integer> promiseGraceDays(String payerId) {
        return PayerTerms.<PayerTerms>findByIdOptional(payerId).map(p -> p.promiseGraceDays);
    }

    /**
     * The claims a request names, checked in order: a claim of a practice outside the token is 404
     * (as if it did not exist); unknown claims, claims of another practice than {@code practiceId}
     * and repeats are 422 naming {@code field[i]}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<ClaimSnapshot> requireClaims(String field, List<UUID> claimIds, String practiceId, Tenancy tenancy) {
        Map<UUID, ClaimSnapshot> known = ClaimSnapshot.<ClaimSnapshot>list("claimId in ?1", claimIds).stream()
                .collect(Collectors.toMap(c -> c.claimId, Function.identity()));
        for (int i = 0; i < claimIds.size(); i++) {
            ClaimSnapshot claim = known.get(claimIds.get(i));
            if (claim != null) {
                tenancy.requireVisible(claim.practiceId, "claim", claim.claimId);
            }
        }
        List<FieldError> errors = new ArrayList<>();
        List<ClaimSnapshot> result = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < claimIds.size(); i++) {
            UUID id = claimIds.get(i);
            ClaimSnapshot claim = known.get(id);
            String at = field + "[" + i + "]";
            if (!seen.add(id)) {
                errors.add(new FieldError(at, "repeats claim " + id));
            } else if (claim == null) {
                errors.add(new FieldError(at, "claim " + id + " is not known to calls-service"));
            } else if (!claim.practiceId.equals(practiceId)) {
                errors.add(new FieldError(at, "claim " + id + " belongs to another practice than " + practiceId));
            } else {
                result.add(claim);
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable("unknown-claim", errors.size() == 1
                    ? errors.get(0).field() + ": " + errors.get(0).message()
                    : errors.size() + " claims cannot be used", errors);
        }
        return result;
    }
}
