package com.ardesk.calls.call;

import com.ardesk.calls.claim.ClaimProjection;
import com.ardesk.calls.promise.PromiseService;
import com.ardesk.calls.promise.PromiseView;
import com.ardesk.events.Topics;
import com.ardesk.events.calls.CallLogged;
import com.ardesk.kit.outbox.Outbox;
import com.ardesk.kit.problem.FieldError;
import com.ardesk.kit.problem.ProblemException;
import com.ardesk.kit.tenancy.Tenancy;
import com.ardesk.kit.web.Keyset;
import com.ardesk.kit.web.ETags;
import com.ardesk.kit.web.Page;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** Logging calls, reading them, and correcting them by amendment (calls are append-only). */
@ApplicationScoped
public class CallService {
    /** Clocks of caller workstations drift; a call a few minutes "in the future" is still a real call. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    private static final TypeReference<List<AmendmentView.FieldChange>> CHANGES = new TypeReference<>() {
    };
    /** Newest first: started at, then call id. */
    private static final Keyset PAGES = Keyset.of("calls", 2);

    private final ClaimProjection projection;
    private final PromiseService promises;
    private final Outbox outbox;
    private final Tenancy tenancy;
    private final ObjectMapper json;

    public CallService(ClaimProjection projection, PromiseService promises, Outbox outbox, Tenancy tenancy,
                       ObjectMapper json) {
        this.projection = projection;
        this.promises = promises;
        this.outbox = outbox;
        this.tenancy = tenancy;
        this.json = json;
    }

    /** Logs a call by the token's user; emits CallLogged and, with a promise, PromiseToPay. */
    @Transactional
    public CallView log(NewCall body) {
        tenancy.requireVisible(body.practiceId(), "practice", body.practiceId());
        checkConsistency(body);
        projection.requireClaims("claimIds", body.claimIds(), body.practiceId(), tenancy);
        UUID promisedClaim = null;
        if (body.promise() != null) {
            promisedClaim = body.promise().claimId() != null ? body.promise().claimId() : body.claimIds().get(0);
            if (!body.claimIds().contains(promisedClaim)) {
                throw ProblemException.unprocessable("promise-claim-not-on-call",
                        "promise.claimId must be one of the call's claimIds",
                        List.of(new FieldError("promise.claimId", "is not one of the call's claimIds")));
            }
        }

        CallRecord call = new CallRecord();
        call.callId = UUID.randomUUID();
        call.practiceId = body.practiceId();
        call.payerId = body.payerId();
        call.claimIds = new ArrayList<>(body.claimIds());
        call.callerId = tenancy.user();
        call.startedAt = body.startedAt();
        call.durationSeconds = body.durationSeconds();
        call.repName = body.repName();
        call.referenceNumber = body.referenceNumber();
        call.outcome = body.outcome();
        call.notes = body.notes();
        call.callbackAt = body.callbackAt();
        call.createdAt = Instant.now();
        call.persist();
        PromiseView promise = body.promise() != null ? promises.open(call, body.promise(), promisedClaim) : null;
        outbox.append(Topics.CALLS, "call", call.claimIds.get(0).toString(), call.practiceId,
                new CallLogged(call.callId, call.payerId, List.copyOf(call.claimIds), call.callerId, call.startedAt,
                        call.durationSeconds, call.outcome.name(), call.referenceNumber, call.repName, call.callbackAt));
        CallRecord.flush();
        return new CallView(call.callId, call.practiceId, call.payerId, List.copyOf(call.claimIds),
                call.callerId, call.startedAt, call.durationSeconds, call.repName, call.referenceNumber, call.outcome,
                call.notes, call.callbackAt, promise, call.createdAt, List.of(), call.version);
    }

    @Transactional
    public CallView get(UUID callId) {
        return view(find(callId), true);
    }

    /** Calls of the token's practices, newest first. */
    @Transactional
    public Page<CallView> list(CallFilter filter, Integer limit, String cursor) {
        Keyset.Request page = PAGES.request(limit, cursor, filter);
        if (tenancy.practices().isEmpty()) {
            return new Page<>(List.of(), null);
        }
        StringBuilder q = new StringBuilder("practiceId in :practices");
        Parameters params = Parameters.with("practices", tenancy.practices());
        if (filter.practiceId() != null) {
            q.append(" and practiceId = :practiceId");
            params.and("practiceId", filter.practiceId());
        }
        if (filter.claimId() != null) {
            q.append(" and :claimId member of claimIds");
            params.and("claimId", filter.claimId());
        }
        if (filter.callerId() != null) {
            q.append(" and callerId = :callerId");
            params.and("callerId", filter.callerId());
        }
        if (filter.payerId() != null) {
            q.append(" and payerId = :payerId");
            params.and("payerId", filter.payerId());
        }
        if (filter.outcome() != null) {
            q.append(" and outcome = :outcome");
            params.and("outcome", filter.outcome());
        }
        if (filter.from() != null) {
            q.append(" and startedAt >= :from");
            params.and("from", filter.from());
        }
        if (filter.to() != null) {
            q.append(" and startedAt < :to");
            params.and("to", filter.to());
        }
        if (page.after() != null) {
            params.and("afterAt", page.after().instant(0)).and("afterId", page.after().uuid(1));
            q.append(" and (startedAt < :afterAt or (startedAt = :afterAt and callId < :afterId))");
        }
        List<CallRecord> rows = CallRecord.<CallRecord>find(q.toString(),
                Sort.descending("startedAt", "callId"), params).page(0, page.fetch()).list();
        return page.pageViews(rows, c -> List.of(c.startedAt, c.callId), calls -> {
            Map<UUID, PromiseView> promised = promises.ofCalls(calls.stream().map(c -> c.callId).toList());
            return calls.stream().map(c -> view(c, promised.get(c.callId), null)).toList();
        });
    }

    /**
     * Corrects a call: the caller who logged it or a supervisor. Each changed field is kept in the
     * amendment with its old and new value; the call row holds the current view.
     */
    @Transactional
    public CallView amend(UUID callId, AmendmentRequest body, String ifMatch) {
        CallRecord call = find(callId);
        ETags.requireMatch(ifMatch, call.version);
        if (!call.callerId.equals(tenancy.user()) && !tenancy.hasRole("supervisor") && !tenancy.hasRole("admin")) {
            throw new ProblemException(403, "forbidden", "Forbidden",
                    "only the caller who logged the call or a supervisor may amend it");
        }
        CallChanges c = body.changes();
        List<AmendmentView.FieldChange> changes = new ArrayList<>();
        if (c.outcome() != null && c.outcome() != call.outcome
                && (c.outcome() == Outcome.PROMISE_TO_PAY || call.outcome == Outcome.PROMISE_TO_PAY)) {
            throw ProblemException.unprocessable("promise-outcome-not-amendable",
                    "an outcome cannot change to or from PROMISE_TO_PAY; cancel the promise or log a new call",
                    List.of(new FieldError("changes.outcome", "cannot change to or from PROMISE_TO_PAY")));
        }
        if (c.startedAt() != null) {
            checkNotFuture("changes.startedAt", c.startedAt());
        }
        call.startedAt = change(changes, "startedAt", call.startedAt, c.startedAt());
        call.durationSeconds = change(changes, "durationSeconds", call.durationSeconds, c.durationSeconds());
        call.repName = change(changes, "repName", call.repName, c.repName());
        call.referenceNumber = change(changes, "referenceNumber", call.referenceNumber, c.referenceNumber());
        call.outcome = change(changes, "outcome", call.outcome, c.outcome());
        call.notes = change(changes, "notes", call.notes, c.notes());
        call.callbackAt = change(changes, "callbackAt", call.callbackAt, c.callbackAt());
        if (changes.isEmpty()) {
            throw ProblemException.unprocessable("amendment-changes-nothing",
                    "the amendment changes no field of the call",
                    List.of(new FieldError("changes", "changes no field")));
        }
        CallAmendment amendment = new CallAmendment();
        amendment.amendmentId = UUID.randomUUID();
        amendment.callId = callId;
        amendment.amendedBy = tenancy.user();
        amendment.amendedAt = Instant.now();
        amendment.reason = body.reason();
        amendment.changes = write(changes);
        amendment.persist();
        CallRecord.flush();
        return view(call, true);
    }

    /** A call of the token's practices, or 404; for other features that hang off a call (reviews). */
    @Transactional(Transactional.TxType.MANDATORY)
    public CallRecord find(UUID callId) {
        CallRecord call = CallRecord.findById(callId);
        if (call == null) {
            throw ProblemException.notFound("call", callId);
        }
        tenancy.requireVisible(call.practiceId, "call", callId);
        return call;
    }

    /** The outcome of the latest call about a claim, for picking the next call's script. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Outcome> lastOutcome(UUID claimId) {
        return CallRecord.<CallRecord>find(":claimId member of claimIds",
                        Sort.descending("startedAt", "callId"), Parameters.with("claimId", claimId))
                .firstResultOptional().map(c -> c.outcome);
    }

    /** Query parameter {@code from}/{@code to}: an ISO instant, or a date meaning its start (UTC). */
    public static Instant instantParam(String field, String value, boolean exclusiveEnd) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return (exclusiveEnd ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.validation(field, "must be a date (YYYY-MM-DD) or an ISO-8601 timestamp");
        }
    }

    private void checkConsistency(NewCall body) {
        List<FieldError> errors = new ArrayList<>();
        if (body.outcome() == Outcome.PROMISE_TO_PAY && body.promise() == null) {
            errors.add(new FieldError("promise", "is required when outcome is PROMISE_TO_PAY"));
        }
        if (body.outcome() != Outcome.PROMISE_TO_PAY && body.promise() != null) {
            errors.add(new FieldError("promise", "is only allowed when outcome is PROMISE_TO_PAY"));
        }
        if (body.startedAt().isAfter(Instant.now().plus(CLOCK_SKEW))) {
            errors.add(new FieldError("startedAt", "must not be in the future"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
    }

    private static void checkNotFuture(String field, Instant at) {
        if (at.isAfter(Instant.now().plus(CLOCK_SKEW))) {
            throw ProblemException.validation(field, "must not be in the future");
        }
    }

    private static <T> T change(List<AmendmentView.FieldChange> changes, String field, T current, T wanted) {
        if (wanted == null || Objects.equals(current, wanted)) {
            return current;
        }
        changes.add(new AmendmentView.FieldChange(field, current == null ? null : current.toString(), wanted.toString()));
        return wanted;
    }

    private CallView view(CallRecord call, boolean withHistory) {
        PromiseView promise = promises.ofCall(call.callId).orElse(null);
        List<AmendmentView> history = withHistory ? CallAmendment.<CallAmendment>list("callId",
                        Sort.by("amendedAt").and("amendmentId"), call.callId).stream()
                .map(a -> new AmendmentView(a.amendmentId, a.amendedBy, a.amendedAt, a.reason, read(a.changes)))
                .toList() : null;
        return view(call, promise, history);
    }

    private static CallView view(CallRecord call, PromiseView promise, List<AmendmentView> history) {
        return new CallView(call.callId, call.practiceId, call.payerId, List.copyOf(call.claimIds), call.callerId,
                call.startedAt, call.durationSeconds, call.repName, call.referenceNumber, call.outcome, call.notes,
                call.callbackAt, promise, call.createdAt, history, call.version);
    }

    private String write(List<AmendmentView.FieldChange> changes) {
        try {
            return json.writeValueAsString(changes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write amendment changes", e);
        }
    }

    private List<AmendmentView.FieldChange> read(String changes) {
        try {
            return json.readValue(changes, CHANGES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored amendment changes are unreadable", e);
        }
    }
}
