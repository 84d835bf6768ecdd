package com.ardesk.claims.claim;

import com.ardesk.kit.problem.ProblemException;
import com.ardesk.kit.tenancy.Tenancy;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** Finding claims: by id for the caller, by the PM system's id (the natural key) for writes and postings. */
@ApplicationScoped
public class ClaimLookup {
    private final Tenancy tenancy;

    public ClaimLookup(Tenancy tenancy) {
        this.tenancy = tenancy;
    }

    /** The claim if the caller's practices include it; otherwise 404, exactly as if it did not exist. */
    public Claim requireVisible(UUID claimId) {
        Claim claim = Claim.findById(claimId);
        if (claim == null || !tenancy.canSee(claim.practiceId)) {
            throw ProblemException.notFound("claim", claimId);
        }
        return claim;
    }

    public static Optional<Claim> findByExternalId(String practiceId, String externalClaimId) {
        return Claim.<Claim>find("practiceId = ?1 and externalClaimId = ?2", practiceId, externalClaimId).firstResultOptional();
    }

    /**
     * The stored claims among these PM ids of one practice, by PM id: one query for a whole batch
     * chunk. One natural-key probe per id (lateral), because with an IN list PostgreSQL may scan the
     * whole practice when its statistics lag behind a bulk load (docs/decisions/0003, bench claims-batch).
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Claim> findByExternalIds(String practiceId, Collection<String> externalClaimIds) {
        List<Claim> found = Claim.getEntityManager().createNativeQuery("""
                        select c.* from unnest(cast(:ids as text[])) as k(external_claim_id)
                        cross join lateral (select * from claim
                          where practice_id = :practice and external_claim_id = k.external_claim_id) c""", Claim.class)
                .setParameter("ids", externalClaimIds.toArray(String[]::new))
                .setParameter("practice", practiceId)
                .getResultList();
        return found.stream().collect(Collectors.toMap(c -> c.externalClaimId, c -> c));
    }
}
