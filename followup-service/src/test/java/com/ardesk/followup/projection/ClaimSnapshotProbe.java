package com.ardesk.followup.projection;

import io.quarkus.narayana.jta.QuarkusTransaction;

import java.util.UUID;

/** Reads the projected snapshot version, so a test knows every earlier event on the claim was applied. */
final class ClaimSnapshotProbe {
    private ClaimSnapshotProbe() {
    }

    static long version(UUID claimId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            ClaimSnapshot claim = ClaimSnapshot.findById(claimId);
            return claim == null ? -1L : claim.snapshotVersion;
        });
    }
}
