package com.ardesk.calls.infra;

import com.ardesk.kit.problem.FieldError;
import com.ardesk.kit.problem.ProblemException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Idempotency-Key handling for creating POSTs: the first request with a key stores the id of what
 * it created; a replay with the same body gets that id back (and so the same answer), a replay
 * with another body is 422. Runs in the creating transaction, so the key and the resource commit
 * together; two concurrent first requests collide on the primary key and one of them fails.
 */
@ApplicationScoped
public class Idempotency {
    private final ObjectMapper json;

    public Idempotency(ObjectMapper json) {
        this.json = json.copy().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    }

    /** The resource created earlier under this key, if any; 422 when the key came with another body. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<String> replay(String scope, String userId, String key, Object request) {
        if (key == null || key.isBlank()) {
            return Optional.empty();
        }
        if (key.length() > 128) {
            throw ProblemException.validation("Idempotency-Key", "must be at most 128 characters");
        }
        IdempotencyKey used = IdempotencyKey.findById(new IdempotencyKey.Id(scope, userId, key));
        if (used == null) {
            return Optional.empty();
        }
        if (!used.requestHash.equals(hash(request))) {
            throw ProblemException.unprocessable("idempotency-key-reused",
                    "Idempotency-Key " + key + " was already used with a different body",
                    List.of(new FieldError("Idempotency-Key", "was already used with a different body")));
        }
        return Optional.of(used.resourceId);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void remember(String scope, String userId, String key, Object request, String resourceId) {
        if (key == null || key.isBlank()) {
            return;
        }
        IdempotencyKey used = new IdempotencyKey();
        used.id = new IdempotencyKey.Id(scope, userId, key);
        used.requestHash = hash(request);
        used.resourceId = resourceId;
        used.createdAt = Instant.now();
        used.persist();
    }

    private String hash(Object request) {
        try {
            byte[] body = json.writeValueAsBytes(request);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot hash request", e);
        }
    }}
