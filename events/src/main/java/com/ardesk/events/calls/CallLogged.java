package com.ardesk.events.calls;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An AR caller logged a call to a payer about one or more claims. */
public record CallLogged(UUID callId, String payerId, List<UUID> claimIds, String callerId, Instant startedAt,
                         int durationSeconds, String outcome, String referenceNumber, String repName,
                         Instant callbackAt) {
}
