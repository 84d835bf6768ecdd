package com.ardesk.claims.denial;

import com.ardesk.claims.claim.LatestDenials;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** A claim's latest denial: what appeals are filed against and what its ClaimChanged snapshot carries. */
@ApplicationScoped
public class DenialHistory implements LatestDenials {
    /** The denial with the latest denial date (the latest recorded among those of one day). */
    public Optional<Denial> latest(UUID claimId) {
        return Denial.<Denial>find("claimId", Sort.by("deniedOn").descending().and("createdAt").descending(), claimId)
                .firstResultOptional();
    }

    @Override
    public Optional<Latest> of(UUID claimId) {
        return latest(claimId).map(DenialHistory::facts);
    }

    /** One query for a chunk of an 835 instead of one per claim ({@code distinct on}, same order as {@link #latest}). */
    @Override
    public Map<UUID, Latest> ofEach(Collection<UUID> claimIds) {
        @SuppressWarnings("unchecked")
        List<Denial> latest = Denial.getEntityManager().createNativeQuery("""
                        select distinct on (claim_id) * from denial where claim_id = any(cast(:ids as uuid[]))
                        order by claim_id, denied_on desc, created_at desc""", Denial.class)
                .setParameter("ids", claimIds.toArray(UUID[]::new)).getResultList();
        return latest.stream().collect(Collectors.toMap(d -> d.claimId, DenialHistory::facts));
    }

    private static Latest facts(Denial d) {
        return new Latest(d.appealDeadline, d.category.name());
    }
}
