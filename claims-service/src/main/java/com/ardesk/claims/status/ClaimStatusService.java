package com.ardesk.claims.status;

import com.ardesk.claims.claim.Claim;
import com.ardesk.claims.claim.ClaimEvents;
import com.ardesk.claims.claim.ClaimLookup;
import com.ardesk.claims.claim.ClaimStatus;
import com.ardesk.claims.x12.X12Exception;
import com.ardesk.events.Topics;
import com.ardesk.events.claims.ClaimStatusChanged;
import com.ardesk.kit.outbox.Outbox;
import com.ardesk.kit.problem.ProblemException;
import com.ardesk.kit.tenancy.Tenancy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.io.InputStream;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies what payers say about claims in 277CA acknowledgments and 277 status responses: the claim
 * moves (accepted or pending: SUBMITTED to IN_PROCESS; rejected: back to SUBMITTED to be fixed), the
 * status is kept, and ClaimStatusChanged carries the STC codes through the outbox, so followup-service
 * opens a fix-and-resubmit task for a rejection and closes or reschedules the claim's STATUS_CHECK.
 * One transaction per file; a status already received changes nothing.
 */
@ApplicationScoped
public class ClaimStatusService {
    /** Which X12 transaction a file is. */
    public enum Source {
        ACKNOWLEDGMENT("277CA", "X12 277CA claim acknowledgment"),
        STATUS("277", "X12 277 claim status response");

        final String code;
        final String description;

        Source(String code, String description) {
            this.code = code;
            this.description = description;
        }
    }

    private final EntityManager em;
    private final ClaimEvents events;
    private final Outbox outbox;
    private final Tenancy tenancy;

    public ClaimStatusService(EntityManager em, ClaimEvents events, Outbox outbox, Tenancy tenancy) {
        this.em = em;
        this.events = events;
        this.outbox = outbox;
        this.tenancy = tenancy;
    }

    @Transactional
    public StatusPosting post(InputStream file, Source source) {
        List<String> scope = List.copyOf(tenancy.practices());
        if (scope.isEmpty()) {
            throw ProblemException.validation("practiceId", "the token names no practice whose claims this file could be about");
        }
        Status277.Read read;
        try {
            read = Status277.read(file);
        } catch (X12Exception e) {
            throw e.toProblem(source.description);
        }
        Map<String, Claim> byTrace = byExternalId(read.claims(), scope);
        List<StatusResult> results = new ArrayList<>();
        for (Status277.ClaimStatus cs : read.claims()) {
            Claim claim = byTrace.get(cs.trace());
            if (claim == null && cs.payerClaimControlNumber() != null) {
                claim = Claim.<Claim>find("practiceId in ?1 and payerClaimControlNumber = ?2", scope, cs.payerClaimControlNumber())
                        .firstResult();
            }
            results.add(apply(cs, claim, source));
        }
        return new StatusPosting(results, read.warnings());
    }

    private static Map<String, Claim> byExternalId(List<Status277.ClaimStatus> statuses, List<String> scope) {
        Set<String> traces = new HashSet<>();
        statuses.forEach(s -> traces.add(s.trace()));
        Map<String, Claim> byTrace = new HashMap<>();
        for (String practice : scope) {
            ClaimLookup.findByExternalIds(practice, traces).forEach(byTrace::putIfAbsent);
        }
        return byTrace;
    }

    private StatusResult apply(Status277.ClaimStatus cs, Claim claim, Source source) {
        Status277.Stc first = cs.statuses().get(0);
        List<String> codes = cs.statuses().stream().map(Status277.Stc::composite).toList();
        if (claim == null) {
            return new StatusResult(cs.trace(), null, first.category(), codes, first.date(), null, "unmatched");
        }
        boolean rejected = source == Source.ACKNOWLEDGMENT && StatusRules.rejected(first);
        int inserted = em.createNativeQuery("""
                insert into claim_payer_status (claim_id, source, trace, status_category, status_codes, action_code, effective_on,
                  amount, received_by, received_at) values (?,?,?,?,?,?,?,?,?,?)
                on conflict do nothing""")
                .setParameter(1, claim.claimId).setParameter(2, source.code).setParameter(3, truncate(cs.trace(), 80))
                .setParameter(4, truncate(first.category(), 8)).setParameter(5, truncate(String.join(",", codes), 500))
                .setParameter(6, truncate(first.actionCode().isEmpty() ? null : first.actionCode(), 4))
                .setParameter(7, first.date()).setParameter(8, first.amount())
                .setParameter(9, tenancy.user() == null ? "unknown" : tenancy.user())
                .setParameter(10, Timestamp.from(Instant.now())).executeUpdate();
        if (inserted == 0) {
            return new StatusResult(cs.trace(), claim.claimId, first.category(), codes, first.date(), claim.status.name(), "unchanged");
        }
        ClaimStatus from = claim.status;
        ClaimStatus to = next(from, first, source);
        from.requireMoveTo(to, "apply the payer's " + source.code);
        claim.status = to;
        claim.updatedAt = Instant.now();
        String reason = source.code + " " + String.join(" ", codes) + (rejected ? ": rejected by the payer, fix and resubmit" : "");
        outbox.append(Topics.CLAIMS, "claim", claim.claimId.toString(), claim.practiceId, new ClaimStatusChanged(claim.claimId,
                from.name(), to.name(), reason, source.code, first.category(), codes, first.date(), rejected));
        events.announce(claim);
        return new StatusResult(cs.trace(), claim.claimId, first.category(), codes, first.date(), to.name(), "updated");
    }

    /** Accepted or pending: in process; rejected: back to submitted (to be fixed); anything else stays. */
    static ClaimStatus next(ClaimStatus from, Status277.Stc stc, Source source) {
        if (source == Source.ACKNOWLEDGMENT && StatusRules.rejected(stc)) {
            return from == ClaimStatus.IN_PROCESS ? ClaimStatus.SUBMITTED : from;
        }
        boolean inProcess = source == Source.ACKNOWLEDGMENT ? StatusRules.accepted(stc) : StatusRules.pending(stc);
        return inProcess && from == ClaimStatus.SUBMITTED ? ClaimStatus.IN_PROCESS : from;
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
