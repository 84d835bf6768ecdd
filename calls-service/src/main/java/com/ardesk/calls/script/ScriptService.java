package com.ardesk.calls.script;

import com.ardesk.calls.call.CallService;
import com.ardesk.calls.call.Outcome;
import com.ardesk.kit.script.ScriptMatcher;
import com.ardesk.calls.claim.ClaimProjection;
import com.ardesk.calls.claim.ClaimSnapshot;
import com.ardesk.events.Topics;
import com.ardesk.events.calls.CallScriptChanged;
import com.ardesk.kit.outbox.Outbox;
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

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Call scripts: billing-company defaults (admins) and practices' own scripts (their supervisors),
 * matched to a claim for the caller about to phone. Every change is announced as CallScriptChanged.
 */
@ApplicationScoped
public class ScriptService {
    /**
     * The defaults and the token's practices' own scripts by name; names repeat across owners, so
     * the keyset is (name, scriptId).
     */
    private static final Keyset PAGES = Keyset.of("scripts", 2);
    private static final TypeReference<List<String>> STEPS = new TypeReference<>() {
    };
    private static final TypeReference<List<ScriptRequest.Objection>> OBJECTIONS = new TypeReference<>() {
    };

    private final ClaimProjection projection;
    private final CallService calls;
    private final Tenancy tenancy;
    private final ObjectMapper json;
    private final Outbox outbox;

    public ScriptService(ClaimProjection projection, CallService calls, Tenancy tenancy, ObjectMapper json, Outbox outbox) {
        this.projection = projection;
        this.calls = calls;
        this.tenancy = tenancy;
        this.json = json;
        this.outbox = outbox;
    }

    @Transactional
    public ScriptView create(ScriptRequest body) {
        requireWriter(body.practiceId());
        requireUniqueName(body.practiceId(), body.name(), null);
        CallScript script = new CallScript();
        script.scriptId = UUID.randomUUID();
        script.practiceId = body.practiceId();
        script.createdAt = Instant.now();
        apply(script, body);
        script.persist();
        CallScript.flush();
        announce(script, false);
        return view(script);
    }

    @Transactional
    public ScriptView update(UUID scriptId, ScriptRequest body, String ifMatch) {
        CallScript script = find(scriptId);
        requireWriter(script.practiceId);
        if (!java.util.Objects.equals(script.practiceId, body.practiceId())) {
            throw ProblemException.validation("practiceId", "cannot change: the script belongs to "
                    + (script.practiceId == null ? "the defaults" : "practice " + script.practiceId)
                    + "; create a new script instead");
        }
        ETags.requireMatch(ifMatch, script.version);
        requireUniqueName(script.practiceId, body.name(), scriptId);
        apply(script, body);
        CallScript.flush();
        announce(script, false);
        return view(script);
    }

    @Transactional
    public void delete(UUID scriptId, String ifMatch) {
        CallScript script = find(scriptId);
        requireWriter(script.practiceId);
        ETags.requireMatch(ifMatch, script.version);
        announce(script, true);
        script.delete();
    }

    @Transactional
    public ScriptView get(UUID scriptId) {
        return view(find(scriptId));
    }

    @Transactional
    public Page<ScriptView> list(Integer limit, String cursor) {
        Keyset.Request page = PAGES.request(limit, cursor);
        Parameters params = Parameters.with("practices", tenancy.practices());
        String visible = "(practiceId is null or practiceId in :practices)";
        List<CallScript> rows;
        if (page.after() == null) {
            rows = CallScript.<CallScript>find(visible, Sort.by("name").and("scriptId"), params).page(0, page.fetch()).list();
        } else {
            rows = CallScript.<CallScript>find(visible + " and (name > :name or (name = :name and scriptId > :id))",
                    Sort.by("name").and("scriptId"), params.and("name", page.after().text(0)).and("id", page.after().uuid(1)))
                    .page(0, page.fetch()).list();
        }
        return page.page(rows, s -> List.of(s.name, s.scriptId), this::view);
    }

    /** The best script for a claim of the token's practices (404 for an unknown or invisible claim). */
    @Transactional
    public ScriptMatchView match(UUID claimId) {
        ClaimSnapshot claim = projection.find(claimId).orElseThrow(() -> ProblemException.notFound("claim", claimId));
        tenancy.requireVisible(claim.practiceId, "claim", claimId);
        Outcome lastOutcome = calls.lastOutcome(claimId).orElse(null);
        ScriptMatcher.Situation situation = new ScriptMatcher.Situation(claim.denialCategory, claim.status,
                claim.payerId, lastOutcome == null ? null : lastOutcome.name());
        List<ScriptMatcher.Candidate<CallScript>> candidates = CallScript.<CallScript>list(
                        "practiceId is null or practiceId = ?1", claim.practiceId).stream()
                .map(s -> new ScriptMatcher.Candidate<>(s, s.name,
                        new ScriptMatcher.Criteria(s.denialCategory, s.claimStatus, s.payerId, s.outcome),
                        s.practiceId != null))
                .toList();
        ScriptMatcher.Match<CallScript> best = ScriptMatcher.best(candidates, situation)
                .orElseThrow(() -> new ProblemException(404, "no-matching-script", "Not found",
                        "no call script applies to claim " + claimId + "; add a general script without criteria"));
        return new ScriptMatchView(view(best.script()), best.score(), best.why(),
                new ScriptMatchView.Situation(claimId, claim.status, claim.denialCategory, claim.payerId, lastOutcome));
    }

    /** A default or a script of the token's practices; another practice's script is 404 like an unknown one. */
    private CallScript find(UUID scriptId) {
        CallScript script = CallScript.findById(scriptId);
        if (script == null || script.practiceId != null && !tenancy.canSee(script.practiceId)) {
            throw ProblemException.notFound("call script", scriptId);
        }
        return script;
    }

    /**
     * Defaults are the billing company's: only an admin writes them. A practice's own scripts are
     * written by its supervisors and admins (the resource already requires one of those roles).
     */
    private void requireWriter(String practiceId) {
        if (practiceId == null) {
            if (!tenancy.hasRole("admin")) {
                throw new ProblemException(403, "forbidden", "Forbidden",
                        "only an admin changes the default call scripts; a supervisor writes scripts of a practice (practiceId)");
            }
        } else {
            tenancy.requireVisible(practiceId, "practice", practiceId);
        }
    }

    /** Tells followup-service, which shows the matching script in the call-preparation packet. */
    private void announce(CallScript s, boolean deleted) {
        ScriptView v = view(s);
        outbox.append(Topics.CALLS, "script", s.scriptId.toString(), s.practiceId, new CallScriptChanged(s.scriptId,
                s.name, s.denialCategory, s.claimStatus, s.payerId, s.outcome, s.opening, s.objective, v.steps(),
                v.objections().stream().map(o -> new CallScriptChanged.Objection(o.objection(), o.rebuttal())).toList(),
                deleted));
    }

    private void requireUniqueName(String practiceId, String name, UUID self) {
        CallScript same = (practiceId == null
                ? CallScript.<CallScript>find("practiceId is null and name = ?1", name)
                : CallScript.<CallScript>find("practiceId = ?1 and name = ?2", practiceId, name)).firstResult();
        if (same != null && !same.scriptId.equals(self)) {
            throw ProblemException.conflict("duplicate-script-name", "a call script named '" + name + "' exists: "
                    + same.scriptId);
        }
    }

    private void apply(CallScript script, ScriptRequest body) {
        ScriptRequest.AppliesTo to = body.appliesTo();
        script.name = body.name();
        script.denialCategory = to.denialCategory() == null ? null : to.denialCategory().name();
        script.claimStatus = to.claimStatus();
        script.payerId = to.payerId() == null || to.payerId().isBlank() ? null : to.payerId();
        script.outcome = to.outcome() == null ? null : to.outcome().name();
        script.opening = body.opening();
        script.objective = body.objective();
        script.steps = write(body.steps());
        script.objections = write(body.objections() == null ? List.of() : body.objections());
        script.updatedAt = Instant.now();
    }

    private ScriptView view(CallScript s) {
        try {
            return new ScriptView(s.scriptId, s.practiceId, s.name, new ScriptRequest.AppliesTo(
                    s.denialCategory == null ? null : DenialCategory.valueOf(s.denialCategory), s.claimStatus, s.payerId,
                    s.outcome == null ? null : Outcome.valueOf(s.outcome)), s.opening, s.objective,
                    json.readValue(s.steps, STEPS), json.readValue(s.objections, OBJECTIONS), s.updatedAt, s.version);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored call script " + s.scriptId + " is unreadable", e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write call script", e);
        }
    }
}
