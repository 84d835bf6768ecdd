package com.ardesk.claims.denial;

import com.ardesk.claims.claim.Claim;
import com.ardesk.claims.claim.ClaimEvents;
import com.ardesk.claims.claim.ClaimLookup;
import com.ardesk.claims.claim.ClaimStatus;
import com.ardesk.claims.claim.ClaimStatusMoves;
import com.ardesk.claims.claim.Money;
import com.ardesk.kit.time.PracticeClock;
import com.ardesk.claims.payer.DeadlineRules;
import com.ardesk.claims.payer.PayerService;
import com.ardesk.events.Topics;
import com.ardesk.events.claims.ClaimDenied;
import com.ardesk.kit.outbox.Outbox;
import com.ardesk.kit.problem.FieldError;
import com.ardesk.kit.problem.ProblemException;
import com.ardesk.kit.web.ETags;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/** Records denials: category from the CARC, appeal deadline from the payer rule on the denial date. */
@ApplicationScoped
public class DenialService {
    static final Pattern CARC = Pattern.compile("[A-Z0-9]{1,5}");
    static final Pattern RARC = Pattern.compile("[A-Z]{1,2}[0-9]{1,4}");

    private final ClaimLookup claims;
    private final ClaimStatusMoves moves;
    private final ClaimEvents events;
    private final PayerService payers;
    private final PracticeClock calendar;
    private final Outbox outbox;

    public DenialService(ClaimLookup claims, ClaimStatusMoves moves, ClaimEvents events, PayerService payers,
                         PracticeClock calendar, Outbox outbox) {
        this.claims = claims;
        this.moves = moves;
        this.events = events;
        this.payers = payers;
        this.calendar = calendar;
        this.outbox = outbox;
    }

    /** Records a manual denial and answers it (the contract's answer is the denial, not the claim). */
    @Transactional
    public DenialView deny(UUID claimId, DenialInput input, String ifMatch) {
        Claim claim = claims.requireVisible(claimId);
        ETags.requireMatch(ifMatch, claim.version);
        check(input, calendar.today(claim.practiceId));
        Denial denial = record(claim, input.groupCode(), input.reasonCode(), input.remarkCodes(),
                Money.cents(input.amount()), input.deniedOn(), "MANUAL");
        events.announce(claim);
        return DenialView.from(denial);
    }

    /** A claim's denials, oldest first; 404 for a claim outside the caller's practices. */
    @Transactional
    public List<DenialView> list(UUID claimId) {
        claims.requireVisible(claimId);
        return Denial.<Denial>list("claimId", Sort.by("deniedOn").and("createdAt"), claimId).stream()
                .map(DenialView::from).toList();
    }

    /** One denial of a claim; a denial of another claim is 404 like an unknown one. */
    @Transactional
    public DenialView get(UUID claimId, UUID denialId) {
        claims.requireVisible(claimId);
        Denial denial = Denial.findById(denialId);
        if (denial == null || !denial.claimId.equals(claimId)) {
            throw ProblemException.notFound("denial", denialId);
        }
        return DenialView.from(denial);
    }

    /** Stores a denial and moves the claim to DENIED; shared with 835 posting. */
    public Denial record(Claim claim, String groupCode, String reasonCode, List<String> remarkCodes,
                         java.math.BigDecimal amount, LocalDate deniedOn, String source) {
        moves.moveTo(claim, ClaimStatus.DENIED, "record a denial", groupCode + "-" + reasonCode);
        Denial d = new Denial();
        d.denialId = UUID.randomUUID();
        d.claimId = claim.claimId;
        d.groupCode = groupCode;
        d.reasonCode = CarcCategories.normalize(reasonCode);
        d.remarkCodes = String.join(",", remarkCodes == null ? List.of() : remarkCodes);
        d.category = CarcCategories.categoryOf(reasonCode);
        d.amount = amount;
        d.deniedOn = deniedOn;
        d.appealDeadline = DeadlineRules.appealDeadline(payers.contractTerms(claim.practiceId, claim.payerId), deniedOn).orElse(null);
        d.source = source;
        d.createdAt = Instant.now();
        d.persist();
        claim.updatedAt = d.createdAt;
        outbox.append(Topics.CLAIMS, "claim", claim.claimId.toString(), claim.practiceId, new ClaimDenied(
                claim.claimId, claim.externalClaimId, claim.payerId, d.denialId, d.groupCode, d.reasonCode,
                remarkCodes == null ? List.of() : remarkCodes, d.category.name(), d.amount, d.deniedOn, d.appealDeadline));
        return d;
    }

    private static void check(DenialInput in, LocalDate today) {
        if (in == null) {
            throw ProblemException.validation("body", "is required");
        }
        List<FieldError> errors = new ArrayList<>();
        if (in.groupCode() == null || !CarcCategories.GROUPS.contains(in.groupCode())) {
            errors.add(new FieldError("groupCode", "must be one of CO, PR, OA, PI, CR"));
        }
        if (in.reasonCode() == null || !CARC.matcher(in.reasonCode()).matches()) {
            errors.add(new FieldError("reasonCode", "must be a CARC such as 16 or 197"));
        }
        List<String> remarks = in.remarkCodes() == null ? List.of() : in.remarkCodes();
        if (remarks.size() > 10) {
            errors.add(new FieldError("remarkCodes", "must have at most 10 RARCs"));
        }
        for (int i = 0; i < remarks.size(); i++) {
            if (remarks.get(i) == null || !RARC.matcher(remarks.get(i)).matches()) {
                errors.add(new FieldError("remarkCodes[" + i + "]", "must be a RARC such as N54 or M51"));
            }
        }
        Money.check("amount", in.amount(), false, errors);
        if (in.deniedOn() == null) {
            errors.add(new FieldError("deniedOn", "is required"));
        } else if (in.deniedOn().isAfter(today)) {
            errors.add(new FieldError("deniedOn", "must not be in the future"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        CarcCategories.notADenial(in.groupCode(), in.reasonCode()).ifPresent(why -> {
            throw ProblemException.unprocessable("not-a-denial", why + "; post it as a payment adjustment instead",
                    List.of(new FieldError("reasonCode", why)));
        });
    }
}
