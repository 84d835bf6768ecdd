package com.ardesk.events;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.UUID;

/**
 * What travels on every AR Desk topic. The payload stays a JSON tree so that a consumer can skip a
 * type it does not know without failing, and read a type it knows with {@link EventJson#payload}.
 *
 * @param eventId    unique per event; consumers deduplicate on it
 * @param type       the payload's record name, e.g. {@code ClaimDenied}
 * @param version    payload version within the topic's major version
 * @param occurredAt when the state change committed
 * @param practiceId the practice the event belongs to (tenancy travels with the event)
 * @param payload    the event body
 */
public record EventEnvelope(UUID eventId, String type, int version, Instant occurredAt, String practiceId,
                            JsonNode payload) {
}
