package com.ardesk.claims.claim;

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
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Bulk upsert for PM systems. Items are validated one by one; valid ones are stored in chunks, each
 * chunk one transaction for speed. If a chunk fails (say a concurrent push of the same claim), its
 * items are retried one transaction each, so a bad item never takes good ones down with it.
 */
@ApplicationScoped
public class ClaimBatchService {
    public static final int MAX_ITEMS = 1000;
    static final int CHUNK = 250;

    private final ClaimService claims;
    private final Tenancy tenancy;

    public ClaimBatchService(ClaimService claims, Tenancy tenancy) {
        this.claims = claims;
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
                List<FieldError> errors = claims.problemsOf(item, knownPayers);
                if (errors.isEmpty()) {
                    valid.add(i);
                } else {
                    results[i] = rejected(i, item, ProblemException.validation(errors));
                }
            }
        });
        Instant now = ClaimService.now();
        for (int from = 0; from < valid.size(); from += CHUNK) {
            List<Integer> chunk = valid.subList(from, Math.min(valid.size(), from + CHUNK));
            try {
                List<BatchItemResult> stored = QuarkusTransaction.requiringNew().call(() -> {
                    Map<String, Map<String, Claim>> known = new HashMap<>();
                    chunk.stream().map(items::get).collect(java.util.stream.Collectors.groupingBy(ClaimInput::practiceId,
                                    java.util.stream.Collectors.mapping(ClaimInput::externalClaimId, java.util.stream.Collectors.toSet())))
                            .forEach((practice, ids) -> known.put(practice, ClaimService.findByExternalIds(practice, ids)));
                    List<BatchItemResult> out = new ArrayList<>();
                    for (int i : chunk) {
                        ClaimInput item = items.get(i);
                        Map<String, Claim> ofPractice = known.get(item.practiceId());
                        ClaimService.Upserted u = claims.apply(item, now,
                                java.util.Optional.ofNullable(ofPractice.get(item.externalClaimId())));
                        // a PM id sent twice in one batch: the second sees the first
                        ofPractice.putIfAbsent(item.externalClaimId(), u.claim());
                        out.add(stored(i, u));
                    }
                    return out;
                });
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

    private static BatchItemResult stored(int i, ClaimService.Upserted u) {
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
