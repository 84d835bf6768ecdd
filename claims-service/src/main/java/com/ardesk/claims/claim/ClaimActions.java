package com.ardesk.claims.claim;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.util.UUID;
import java.util.function.Supplier;

/**
 * The answer every claim action (payment, appeal, write-off) gives: 201 with the updated claim and
 * its ETag, made retry-safe by Idempotency-Key. The view feature implements it
 * ({@code ClaimAnswers}); the action features call it here because the claim view reads their
 * history and so depends on them.
 */
public interface ClaimActions {
    /** Runs {@code action}, which changes one claim and answers its id, and answers that claim as GET shows it. */
    Response created(String idempotencyKey, UriInfo uri, Object body, Supplier<UUID> action);
}
