package com.ardesk.events.calls;

import java.util.UUID;

/** A supervisor scored a call. */
public record CallReviewed(UUID callId, UUID reviewId, String reviewerId, String callerId, int score) {
}
