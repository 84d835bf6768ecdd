package com.ardesk.claims.batch;

import com.ardesk.claims.claim.Claim;
import com.ardesk.claims.claim.ClaimInput;
import com.ardesk.claims.claim.ClaimChecks;
import com.ardesk.claims.claim.ClaimEvents;
import com.ardesk.claims.claim.ClaimLookup;
import com.ardesk.claims.claim.ClaimWrites;
import com.ardesk.events.Topics;
import com.ardesk.kit.outbox.Outbox;
import com.ardesk.kit.problem.FieldError;
import com.ardesk.kit.problem.Problem;
import com.ardesk.kit.problem.ProblemException;
import com.ardesk.kit.tenancy.Tenancy;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Bulk upsert for PM systems. Items are validated one by one; valid ones are stored in chunks, each
 * chunk one transaction for speed. If a chunk fails (say a concurrent push of the same claim), its
 * items are retried one transaction each, so a bad item never takes good ones down with it.
 * New claims skip Hibernate (see {@link #storeChunk}): a PM system's first push is mostly new claims.
 */
@ApplicationScoped
public class ClaimBatchService {
    public static final int MAX_ITEMS = 1000;
    static final int CHUNK = 500;

    private final ClaimWrites claims;
    private final ClaimChecks checks;
    private final ClaimEvents claimEvents;
    private final NewClaimRows newRows;
    private final Outbox outbox;
    private final Tenancy tenancy;

    public ClaimBatchService(ClaimWrites claims, ClaimChecks checks, ClaimEvents claimEvents, NewClaimRows newRows, Outbox outbox,
                             Tenancy tenancy) {
        this.claims = claims;
        this.checks = checks;
        this.claimEvents = claimEvents;
        this.newRows = newRows;
        this.outbox = outbox;
        this.tenancy = tenancy;
    }

    public BatchResult upsertAll(ClaimBatch batch) {
        List<ClaimInput> items = batch == null ? null : batch.claims();
        if (items == null || items.isEmpty() || items.size() > MAX_ITEMS) {
            throw ProblemException.validation("claims", "must hold 1 to " + MAX_ITEMS + " claims");
        }
        BatchItemResult[] results = new BatchItemResult[items.size()];
        List<Integer> valid = new ArrayList<>();
        Map<String, Boolean> knownPayers = new HashMap<>();
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < items.size(); i++) {
                ClaimInput item = items.get(i);
                String practice = item == null ? null : item.practiceId();
                if (practice != null && !tenancy.canSee(practice)) {
                    results[i] = rejected(i, item, new ProblemException(404, "not-found", "Not found",
                            "practice " + practice + " does not exist"));
                    continue;
                }
                List<FieldError> errors = checks.problemsOf(item, knownPayers);
                if (errors.isEmpty()) {
                    valid.add(i);
                } else {
                    results[i] = rejected(i, item, ProblemException.validation(errors));
                }
            }
        });
        Instant now = Claim.now();
        for (int from = 0; from < valid.size(); from += CHUNK) {
            List<Integer> chunk = valid.subList(from, Math.min(valid.size(), from + CHUNK));
            try {
                List<BatchItemResult> stored = QuarkusTransaction.requiringNew().call(() -> storeChunk(items, chunk, now));
                for (int k = 0; k < chunk.size(); k++) {
                    results[chunk.get(k)] = stored.get(k);
                }
            } catch (RuntimeException chunkFailed) {
                Log.infof("batch chunk of %d failed (%s); storing its items one by one", chunk.size(), chunkFailed.getMessage());
                for (int i : chunk) {
                    results[i] = one(i, items.get(i), now);
                }
            }
        }
        List<BatchItemResult> list = List.of(results);
        return new BatchResult(count(list, "created"), count(list, "updated"), count(list, "unchanged"),
                count(list, "rejected"), list);
    }

    /**
     * New claims go in with JDBC batches and their ClaimChanged events in one more; the rest (claims
     * the practice already has, or a PM id sent twice in this batch) take the one-claim upsert path
     * after them, so the second copy of a PM id sees the first.
     */
    private List<BatchItemResult> storeChunk(List<ClaimInput> items, List<Integer> chunk, Instant now) {
        List<Claim> fresh = chunk.stream().map(i -> claims.newClaim(items.get(i), now)).toList();
        boolean[] inserted = newRows.insertAbsent(fresh);
        List<Outbox.Pending> events = new ArrayList<>();
        BatchItemResult[] out = new BatchItemResult[chunk.size()];
        Map<String, Set<String>> existingIds = new HashMap<>();
        for (int k = 0; k < chunk.size(); k++) {
            Claim claim = fresh.get(k);
            if (inserted[k]) {
                events.add(new Outbox.Pending(Topics.CLAIMS, "claim", claim.claimId.toString(), claim.practiceId,
                        claimEvents.snapshot(claim, Optional.empty())));
                out[k] = stored(chunk.get(k), new ClaimWrites.Upserted(claim, ClaimWrites.Outcome.CREATED));
            } else {
                existingIds.computeIfAbsent(claim.practiceId, p -> new HashSet<>()).add(claim.externalClaimId);
            }
        }
        outbox.appendAll(events);
        Map<String, Map<String, Claim>> existing = new HashMap<>();
        existingIds.forEach((practice, ids) -> existing.put(practice, ClaimLookup.findByExternalIds(practice, ids)));
        for (int k = 0; k < chunk.size(); k++) {
            if (!inserted[k]) {
                ClaimInput item = items.get(chunk.get(k));
                out[k] = stored(chunk.get(k), claims.apply(item, now,
                        Optional.ofNullable(existing.get(item.practiceId()).get(item.externalClaimId())),
                        fresh.get(k).contentHash));
            }
        }
        return List.of(out);
    }

    private BatchItemResult one(int i, ClaimInput item, Instant now) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> stored(i, claims.apply(item, now)));
        } catch (ProblemException e) {
            return rejected(i, item, e);
        } catch (RuntimeException e) {
            return rejected(i, item, ProblemException.conflict("concurrent-update",
                    "the claim was changed by another request at the same time; send it again"));
        }
    }

    private static BatchItemResult stored(int i, ClaimWrites.Upserted u) {
        return new BatchItemResult(i, u.claim().externalClaimId, u.outcome().name().toLowerCase(Locale.ROOT),
                u.claim().claimId, null);
    }

    private static BatchItemResult rejected(int i, ClaimInput item, ProblemException e) {
        Problem problem = new Problem(Problem.type(e.kind()), e.title(), e.status(), e.getMessage(), null, null,
                e.errors().isEmpty() ? null : e.errors());
        return new BatchItemResult(i, item == null ? null : item.externalClaimId(), "rejected", null, problem);
    }

    private static int count(List<BatchItemResult> results, String outcome) {
        return (int) results.stream().filter(r -> r.result().equals(outcome)).count();
    }
}
