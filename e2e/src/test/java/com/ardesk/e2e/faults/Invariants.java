package com.ardesk.e2e.faults;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The promises every fault scenario checks once the fault is over: every claim exactly once with
 * the right amounts, every event applied exactly once downstream (one open DENIAL task per denied
 * claim, the read models' balances right), nothing dead-lettered, no Idempotency-Key stuck, and
 * no write the client had to give up on.
 */
final class Invariants {
    /** A restarted consumer may first wait out the group's session timeout (45 s) on a busy machine. */
    static final Duration STALL = Duration.ofSeconds(90);
    static final Duration BOUND = Duration.ofMinutes(5);

    private Invariants() {
    }

    /**
     * @param deadLettersBefore positions of the dead letters there were before the scenario
     * @param stuckBefore       Idempotency-Keys stuck before the scenario (another scenario's)
     */
    static SystemCheck.Downstream check(SystemCheck check, Workload work, Set<String> deadLettersBefore,
                                        Set<String> stuckBefore, Verdict v) throws SQLException {
        List<Workload.Entry> entries = work.entries();
        Map<String, SystemCheck.ClaimRow> claims = check.claims(work.practice);
        List<String> ids = claims.values().stream().map(SystemCheck.ClaimRow::claimId).toList();
        SystemCheck.Downstream down = check.awaitDownstream(ids, deadLettersBefore, STALL, BOUND);

        List<String> gaveUp = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        List<String> wrongAmounts = new ArrayList<>();
        List<String> duplicates = new ArrayList<>();
        Map<String, Object> denials = check.keyed("claims", "select d.claim_id::text, count(*) from denial d join claim c"
                + " on c.claim_id = d.claim_id where c.practice_id = ? group by d.claim_id", work.practice);
        Map<String, Object> payments = check.keyed("claims", "select p.claim_id::text, count(*) from payment p join claim c"
                + " on c.claim_id = p.claim_id where c.practice_id = ? group by p.claim_id", work.practice);
        Map<String, Object> openDenialTasks = check.keyed("followup", "select claim_id::text, count(*) from followup_task"
                + " where practice_id = ? and type = 'DENIAL' and status = 'OPEN' group by claim_id", work.practice);
        Map<String, Object> followupDenials = check.keyed("followup",
                "select claim_id::text, count(*) from denial where practice_id = ? group by claim_id", work.practice);
        Map<String, Object> snapshots = check.keyed("followup",
                "select claim_id::text, balance from claim_snapshot where practice_id = ?", work.practice);
        Map<String, Object> projections = check.keyed("calls",
                "select claim_id::text, balance from claim_projection where practice_id = ?", work.practice);
        List<String> tasksWrong = new ArrayList<>();
        List<String> readModelsWrong = new ArrayList<>();
        for (Workload.Entry e : entries) {
            if (e.clientGaveUp()) {
                gaveUp.add(e.externalId + " (claim " + e.created + ", action " + e.acted + ")");
            }
            SystemCheck.ClaimRow row = claims.get(e.externalId);
            if (row == null) {
                missing.add(e.externalId + " (client got " + e.created + ")");
                continue;
            }
            if (row.copies() > 1) {
                duplicates.add(e.externalId + ": " + row.copies() + " claims");
            }
            long denied = count(denials, row.claimId());
            long paid = count(payments, row.claimId());
            long expectDenied = e.action == Workload.Action.DENY && "201".equals(e.acted) ? 1 : 0;
            long expectPaid = e.action == Workload.Action.PAY && "201".equals(e.acted) ? 1 : 0;
            if (denied > 1 || paid > 1) {
                duplicates.add(e.externalId + ": " + denied + " denials, " + paid + " payments");
            } else if ((denied != expectDenied || paid != expectPaid) && !e.clientGaveUp()) {
                wrongAmounts.add(e.externalId + ": " + denied + " denials, " + paid + " payments, client got " + e.acted);
            }
            BigDecimal paidAmount = paid == 1 ? Workload.PAYMENT : BigDecimal.ZERO;
            BigDecimal balance = e.billed.subtract(paidAmount);
            if (row.billed().compareTo(e.billed) != 0 || row.paid().compareTo(paidAmount) != 0
                    || row.balance().compareTo(balance) != 0) {
                wrongAmounts.add(e.externalId + ": billed " + row.billed() + " paid " + row.paid() + " balance "
                        + row.balance() + ", expected " + e.billed + " / " + paidAmount + " / " + balance);
            }
            long tasks = count(openDenialTasks, row.claimId());
            if (tasks != Math.min(denied, 1)) {
                tasksWrong.add(e.externalId + ": " + tasks + " open DENIAL tasks for " + denied + " denials");
            }
            if (count(followupDenials, row.claimId()) != denied) {
                readModelsWrong.add(e.externalId + ": followup holds " + count(followupDenials, row.claimId())
                        + " denials of " + denied);
            }
            if (!sameMoney(snapshots.get(row.claimId()), row.balance())) {
                readModelsWrong.add(e.externalId + ": followup balance " + snapshots.get(row.claimId()) + " != " + row.balance());
            }
            if (!sameMoney(projections.get(row.claimId()), row.balance())) {
                readModelsWrong.add(e.externalId + ": calls balance " + projections.get(row.claimId()) + " != " + row.balance());
            }
        }
        List<String> stuck = check.stuckKeys().stream().filter(k -> !stuckBefore.contains(k)).toList();

        v.figure("claims written", entries.size() + " (" + claims.size() + " stored)");
        v.figure("events", down.events() + " on ar.claims.v1, " + down.unpublished() + " unpublished");
        v.figure("events lost", down.lost() + notAppliedSummary(down));
        v.figure("duplicates", duplicates.size());
        v.figure("dead letters", down.deadLetters().size());
        v.figure("stuck keys", stuck.size());
        v.figure("writes given up", gaveUp.size());

        v.failEach("writes the client gave up on (lost for the PM system)", gaveUp);
        v.failEach("claims missing", missing);
        v.failEach("duplicated effects", duplicates);
        v.failEach("wrong amounts or actions", wrongAmounts);
        v.failEach("events never applied downstream", new ArrayList<>(down.notApplied().entrySet().stream()
                .map(en -> en.getKey() + " misses " + en.getValue().size()).toList()));
        if (down.unpublished() > 0) {
            v.fail(down.unpublished() + " events still unpublished in claims-service's outbox");
        }
        v.failEach("dead-lettered events", down.deadLetters());
        v.failEach("open DENIAL tasks not exactly one per denied claim", tasksWrong);
        v.failEach("read models disagree with claims-service", readModelsWrong);
        v.failEach("Idempotency-Keys stuck in progress", stuck);
        return down;
    }

    private static String notAppliedSummary(SystemCheck.Downstream down) {
        return down.notApplied().isEmpty() ? "" : " " + down.notApplied().entrySet().stream()
                .map(en -> en.getKey() + "=" + en.getValue().size()).toList();
    }

    private static long count(Map<String, Object> counts, String claimId) {
        Object n = counts.get(claimId);
        return n == null ? 0 : ((Number) n).longValue();
    }

    private static boolean sameMoney(Object stored, BigDecimal expected) {
        return stored instanceof BigDecimal b && b.compareTo(expected) == 0;
    }
}
