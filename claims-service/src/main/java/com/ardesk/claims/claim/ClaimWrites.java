package com.ardesk.claims.claim;

import com.ardesk.kit.time.PracticeClock;
import com.ardesk.kit.problem.FieldError;
import com.ardesk.kit.problem.ProblemException;
import com.ardesk.kit.web.ETags;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Claims as the PM system sends them: create, and the idempotent upsert by the natural key
 * (practice, PM claim id) that recognises an identical resend by its {@link ContentHash}. Every
 * change writes its ClaimChanged snapshot through the outbox in the same transaction.
 */
@ApplicationScoped
public class ClaimWrites {
    /** What an upsert did, as the API reports it. */
    public enum Outcome { CREATED, UPDATED, UNCHANGED }

    public record Upserted(Claim claim, Outcome outcome) {
    }

    private final ClaimChecks checks;
    private final ClaimEvents events;
    private final PracticeClock calendar;

    public ClaimWrites(ClaimChecks checks, ClaimEvents events, PracticeClock calendar) {
        this.checks = checks;
        this.events = events;
        this.calendar = calendar;
    }

    /** POST: creates the claim and answers its id, or 409 when the PM system's id already exists for the practice. */
    @Transactional
    public UUID create(ClaimInput input) {
        checks.require(input, List.of());
        if (ClaimLookup.findByExternalId(input.practiceId(), input.externalClaimId()).isPresent()) {
            throw ProblemException.conflict("duplicate-claim", "claim " + input.externalClaimId()
                    + " already exists for practice " + input.practiceId() + "; PUT it to update");
        }
        return insert(input, Claim.now()).claimId;
    }

    /**
     * PUT: creates, updates, or recognises an identical resend and changes nothing. An If-Match
     * must name the stored version (412 otherwise, also when there is no claim to match yet).
     */
    @Transactional
    public Upserted upsert(String practiceId, String externalClaimId, ClaimInput input, String ifMatch) {
        List<FieldError> pathErrors = new ArrayList<>();
        if (input != null && input.practiceId() != null && !input.practiceId().equals(practiceId)) {
            pathErrors.add(new FieldError("practiceId", "must match the path's practiceId " + practiceId));
        }
        if (input != null && input.externalClaimId() != null && !input.externalClaimId().equals(externalClaimId)) {
            pathErrors.add(new FieldError("externalClaimId", "must match the path's externalClaimId"));
        }
        ClaimInput body = input == null ? null : withIds(input, practiceId, externalClaimId);
        checks.require(body, pathErrors);
        // concurrent upserts of one claim queue here, one transaction after the other, instead of
        // colliding on its unique key (two inserts) or its version (two updates)
        Claim.getEntityManager().createNativeQuery("select 1 from (select pg_advisory_xact_lock(hashtextextended(?1, 0))) l")
                .setParameter(1, practiceId + '\u001f' + externalClaimId).getSingleResult();
        Optional<Claim> existing = ClaimLookup.findByExternalId(body.practiceId(), body.externalClaimId());
        if (existing.isPresent()) {
            ETags.requireMatch(ifMatch, existing.get().version);
        } else if (ifMatch != null && !ifMatch.isBlank()) {
            throw new ProblemException(412, "stale-etag", "Precondition failed", "If-Match " + ifMatch
                    + " names a version, but practice " + practiceId + " has no claim " + externalClaimId
                    + "; send the PUT without If-Match to create it");
        }
        return apply(body, Claim.now(), existing, ContentHash.of(body));
    }

    public Upserted apply(ClaimInput input, Instant now) {
        return apply(input, now, ClaimLookup.findByExternalId(input.practiceId(), input.externalClaimId()), ContentHash.of(input));
    }

    /**
     * Stores one validated input, whose content hash is {@code hash}, against the claim it names, if
     * any; the batch preloads those claims and has the hash from the claim it tried to insert.
     */
    public Upserted apply(ClaimInput input, Instant now, Optional<Claim> existing, String hash) {
        if (existing.isEmpty()) {
            return new Upserted(insert(input, now), Outcome.CREATED);
        }
        Claim claim = existing.get();
        if (hash.equals(claim.contentHash)) {
            return new Upserted(claim, Outcome.UNCHANGED);
        }
        fill(claim, input, hash);
        claim.updatedAt = now;
        ClaimMoney.recompute(claim);
        Claim.flush();
        events.announce(claim);
        return new Upserted(claim, Outcome.UPDATED);
    }

    private Claim insert(ClaimInput input, Instant now) {
        Claim claim = newClaim(input, now);
        claim.persist();
        // a new claim has version 0 and no denial: no flush or query needed, so batches stay batched
        events.announceNew(claim);
        return claim;
    }

    /** A new SUBMITTED claim built from a validated input, not yet stored. */
    public Claim newClaim(ClaimInput input, Instant now) {
        Claim claim = new Claim();
        claim.claimId = UUID.randomUUID();
        claim.practiceId = input.practiceId();
        claim.externalClaimId = input.externalClaimId();
        claim.status = ClaimStatus.SUBMITTED;
        claim.paidAmount = Money.ZERO;
        claim.adjustmentAmount = Money.ZERO;
        claim.patientResponsibility = Money.ZERO;
        claim.writtenOffAmount = Money.ZERO;
        claim.createdAt = now;
        claim.updatedAt = now;
        fill(claim, input, ContentHash.of(input));
        ClaimMoney.recompute(claim);
        return claim;
    }

    private void fill(Claim claim, ClaimInput in, String hash) {
        claim.payerId = in.payerId();
        claim.providerNpi = in.providerNpi();
        claim.patientAccountNumber = in.patient().accountNumber();
        claim.patientFirstName = in.patient().firstName();
        claim.patientLastName = in.patient().lastName();
        claim.patientDateOfBirth = in.patient().dateOfBirth();
        claim.serviceDateFrom = in.serviceDateFrom();
        claim.serviceDateTo = in.serviceDateTo();
        claim.submittedOn = in.submittedOn() != null ? in.submittedOn()
                : claim.submittedOn != null ? claim.submittedOn : calendar.today(in.practiceId());
        claim.contentHash = hash;
        claim.billedAmount = fillLines(claim, in.lines());
    }

    /** Updates the lines in place and answers their charge total (the claim's billed amount). */
    private static BigDecimal fillLines(Claim claim, List<ClaimInput.LineInput> lines) {
        // in place: deleting and re-inserting would collide on (claim, line number)
        BigDecimal billed = Money.ZERO;
        for (int i = 0; i < lines.size(); i++) {
            ClaimInput.LineInput l = lines.get(i);
            ClaimLine line;
            if (i < claim.lines.size()) {
                line = claim.lines.get(i);
            } else {
                line = new ClaimLine();
                line.lineId = UUID.randomUUID();
                line.claim = claim;
                line.lineNumber = i + 1;
                claim.lines.add(line);
            }
            line.procedureCode = l.procedureCode();
            line.modifiers = String.join(",", l.modifiers() == null ? List.of() : l.modifiers());
            line.units = l.units();
            line.chargeAmount = Money.cents(l.chargeAmount());
            line.diagnosisCodes = String.join(",", l.diagnosisCodes());
            billed = billed.add(line.chargeAmount);
        }
        while (claim.lines.size() > lines.size()) {
            claim.lines.remove(claim.lines.size() - 1);
        }
        return billed;
    }

    private static ClaimInput withIds(ClaimInput in, String practiceId, String externalClaimId) {
        return new ClaimInput(practiceId, externalClaimId, in.patient(), in.payerId(), in.providerNpi(),
                in.serviceDateFrom(), in.serviceDateTo(), in.submittedOn(), in.lines());
    }
}
