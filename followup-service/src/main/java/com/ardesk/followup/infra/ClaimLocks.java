package com.ardesk.followup.infra;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.UUID;

/**
 * Serializes writers of one claim's tasks (the two consumers and the API) for the rest of the
 * transaction, so a rule's "is there already an open task of this type?" is answered truthfully.
 */
@ApplicationScoped
public class ClaimLocks {
    private final EntityManager em;

    public ClaimLocks(EntityManager em) {
        this.em = em;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void lock(UUID claimId) {
        em.createNativeQuery("select cast(pg_advisory_xact_lock(?1) as text)")
                .setParameter(1, claimId.getMostSignificantBits() ^ claimId.getLeastSignificantBits())
                .getSingleResult();
    }
}
