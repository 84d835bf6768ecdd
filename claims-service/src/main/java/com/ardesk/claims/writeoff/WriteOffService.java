package com.ardesk.claims.writeoff;

import com.ardesk.claims.claim.Claim;
import com.ardesk.claims.claim.ClaimMoney;
import com.ardesk.claims.claim.ClaimEvents;
import com.ardesk.claims.claim.ClaimLookup;
import com.ardesk.claims.claim.ClaimStatus;
import com.ardesk.claims.claim.ClaimStatusMoves;
import com.ardesk.claims.claim.Money;
import com.ardesk.kit.time.PracticeClock;
import com.ardesk.events.Topics;
import com.ardesk.events.claims.ClaimWrittenOff;
import com.ardesk.kit.outbox.Outbox;
import com.ardesk.kit.problem.FieldError;
import com.ardesk.kit.problem.ProblemException;
import com.ardesk.kit.tenancy.Tenancy;
import com.ardesk.kit.web.ETags;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Write-offs: a supervisor's decision to stop chasing (part of) a balance. */
@ApplicationScoped
public class WriteOffService {
    private final ClaimLookup claims;
    private final ClaimStatusMoves moves;
    private final ClaimEvents events;
    private final PracticeClock calendar;
    private final Outbox outbox;
    private final Tenancy tenancy;

    public WriteOffService(ClaimLookup claims, ClaimStatusMoves moves, ClaimEvents events, PracticeClock calendar,
                           Outbox outbox, Tenancy tenancy) {
        this.claims = claims;
        this.moves = moves;
        this.events = events;
        this.calendar = calendar;
        this.outbox = outbox;
        this.tenancy = tenancy;
    }

    @Transactional
    public UUID writeOff(UUID claimId, WriteOffInput input, String ifMatch) {
        Claim claim = claims.requireVisible(claimId);
        ETags.requireMatch(ifMatch, claim.version);
        List<FieldError> errors = new ArrayList<>();
        if (input == null || input.reason() == null || input.reason().isBlank()) {
            errors.add(new FieldError("reason", "is required"));
        } else if (input.reason().length() > 500) {
            errors.add(new FieldError("reason", "must be at most 500 characters"));
        }
        if (input != null && input.amount() != null) {
            Money.check("amount", input.amount(), false, errors);
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        BigDecimal amount = input.amount() == null ? claim.balance : Money.cents(input.amount());
        if (amount.signum() <= 0 || amount.compareTo(claim.balance) > 0) {
            throw ProblemException.unprocessable("write-off-exceeds-balance", "a write-off must be more than 0 and "
                    + "at most the balance " + claim.balance, List.of(new FieldError("amount",
                    "must be more than 0 and at most " + claim.balance)));
        }
        BigDecimal remaining = claim.balance.subtract(amount);
        moves.moveTo(claim, remaining.signum() == 0 ? ClaimStatus.WRITTEN_OFF : claim.status, "write off", input.reason());
        claim.writtenOffAmount = claim.writtenOffAmount.add(amount);
        ClaimMoney.recompute(claim);
        WriteOff w = new WriteOff();
        w.writeOffId = UUID.randomUUID();
        w.claimId = claimId;
        w.amount = amount;
        w.reason = input.reason();
        w.writtenBy = tenancy.user();
        w.writtenOn = calendar.today(claim.practiceId);
        w.createdAt = Instant.now();
        w.persist();
        claim.updatedAt = w.createdAt;
        outbox.append(Topics.CLAIMS, "claim", claimId.toString(), claim.practiceId,
                new ClaimWrittenOff(claimId, amount, input.reason(), w.writtenBy));
        events.announce(claim);
        return claimId;
    }
}
