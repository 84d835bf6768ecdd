package com.ardesk.claims.claim;

import com.ardesk.kit.problem.ProblemException;

import java.util.UUID;

/** Claim ids in paths: anything that is not a UUID names no claim, so it is a 404 like any unknown id. */
public final class ClaimIds {
    private ClaimIds() {
    }

    public static UUID parse(String claimId) {
        try {
            return UUID.fromString(claimId);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("claim", claimId);
        }
    }
}
