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

    /**
     * Stores the key with the created resource. A concurrent first request with the same key waits
     * on the row lock here until the other commits, then finds the key taken: 409, and its retry
     * gets the stored answer.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void remember(String scope, String userId, String key, Object request, String resourceId) {
        if (key == null || key.isBlank()) {
            return;
        }
        int stored = IdempotencyKey.getEntityManager().createNativeQuery("""
                        insert into idempotency_key (scope, user_id, key, request_hash, resource_id, created_at)
                        values (?1, ?2, ?3, ?4, ?5, now()) on conflict do nothing""")
                .setParameter(1, scope).setParameter(2, userId).setParameter(3, key)
                .setParameter(4, hash(request)).setParameter(5, resourceId).executeUpdate();
        if (stored == 0) {
            throw ProblemException.conflict("idempotency-key-in-flight", "another request with Idempotency-Key "
                    + key + " was processed at the same time; retry to get its answer");
        }
    }

    private String hash(Object request) {
        try {
            byte[] body = json.writeValueAsBytes(request);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot hash request", e);
        }
    }}
