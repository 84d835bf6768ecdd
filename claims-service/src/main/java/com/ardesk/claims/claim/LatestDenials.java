package com.ardesk.claims.claim;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The latest denial of claims, as far as their ClaimChanged snapshot carries it. The denial feature
 * implements it ({@code DenialHistory}): denials depend on claims, so claims ask through this
 * interface instead of depending back on them.
 */
public interface LatestDenials {
    /** The latest denial's appeal deadline (null without a payer rule) and category name. */
    record Latest(LocalDate appealDeadline, String category) {
    }

    Optional<Latest> of(UUID claimId);

    /** One query for many claims: only claims with a denial are keys. */
    Map<UUID, Latest> ofEach(Collection<UUID> claimIds);
}
