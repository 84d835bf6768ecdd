package com.ardesk.claims.appeal;

import com.ardesk.claims.claim.Claim;
import com.ardesk.claims.claim.ClaimEvents;
import com.ardesk.claims.claim.ClaimLookup;
import com.ardesk.claims.claim.ClaimStatus;
import com.ardesk.claims.claim.ClaimStatusMoves;
import com.ardesk.kit.time.PracticeClock;
import com.ardesk.claims.denial.Denial;
import com.ardesk.claims.denial.DenialHistory;
import com.ardesk.events.Topics;
import com.ardesk.events.claims.AppealFiled;
import com.ardesk.kit.outbox.Outbox;
import com.ardesk.kit.problem.FieldError;
import com.ardesk.kit.problem.ProblemException;
import com.ardesk.kit.tenancy.Tenancy;
import com.ardesk.kit.web.ETags;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Files appeals, refusing those past the latest denial's appeal deadline. */
@ApplicationScoped
public class AppealService {
    private final ClaimLookup claims;
    private final ClaimStatusMoves moves;
    private final ClaimEvents events;
    private final DenialHistory denials;
    private final PracticeClock calendar;
    private final Outbox outbox;
    private final Tenancy tenancy;

    public AppealService(ClaimLookup claims, ClaimStatusMoves moves, ClaimEvents events, DenialHistory denials,
                         PracticeClock calendar, Outbox outbox, Tenancy tenancy) {
        this.claims = claims;
        this.moves = moves;
        this.events = events;
        this.denials = denials;
        this.calendar = calendar;
        this.outbox = outbox;
        this.tenancy = tenancy;
    }

    @Transactional
    public UUID file(UUID claimId, AppealInput input, String ifMatch) {
        Claim claim = claims.requireVisible(claimId);
        ETags.requireMatch(ifMatch, claim.version);
        LocalDate today = calendar.today(claim.practiceId);
        int level = input == null || input.level() == null ? 1 : input.level();
        LocalDate filedOn = input == null || input.filedOn() == null ? today : input.filedOn();
        List<FieldError> errors = new ArrayList<>();
        if (level < 1 || level > 5) {
            errors.add(new FieldError("level", "must be between 1 and 5"));
        }
        if (filedOn.isAfter(today)) {
            errors.add(new FieldError("filedOn", "must not be in the future"));
        }
        if (input != null && input.notes() != null && input.notes().length() > 2000) {
            errors.add(new FieldError("notes", "must be at most 2000 characters"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        // the contract's 409 names both states, whichever check refuses the move
        claim.status.requireMoveTo(ClaimStatus.APPEALED, "file an appeal");
        Denial denial = denials.latest(claimId).orElseThrow(() -> ProblemException.conflict("invalid-transition",
                "cannot file an appeal: a claim cannot go from " + claim.status + " to " + ClaimStatus.APPEALED
                        + " without a denial"));
        moves.moveTo(claim, ClaimStatus.APPEALED, "file an appeal", "appeal level " + level);
        if (denial.appealDeadline != null && filedOn.isAfter(denial.appealDeadline)) {
            throw ProblemException.unprocessable("appeal-deadline-passed", "the appeal deadline was "
                    + denial.appealDeadline + " (denial of " + denial.deniedOn + "); filedOn " + filedOn + " is too late",
                    List.of(new FieldError("filedOn", "is after the appeal deadline " + denial.appealDeadline)));
        }
        Appeal a = new Appeal();
        a.appealId = UUID.randomUUID();
        a.claimId = claimId;
        a.level = level;
        a.filedOn = filedOn;
        a.deadline = denial.appealDeadline;
        a.notes = input == null ? null : input.notes();
        a.filedBy = tenancy.user();
        a.createdAt = Instant.now();
        a.persist();
        claim.updatedAt = a.createdAt;
        outbox.append(Topics.CLAIMS, "claim", claimId.toString(), claim.practiceId,
                new AppealFiled(claimId, a.appealId, level, filedOn, denial.appealDeadline));
        events.announce(claim);
        return claimId;
    }
}
