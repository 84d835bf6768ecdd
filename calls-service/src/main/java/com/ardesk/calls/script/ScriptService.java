package com.ardesk.calls.script;

import com.ardesk.calls.call.CallService;
import com.ardesk.calls.call.Outcome;
import com.ardesk.calls.claim.ClaimProjection;
import com.ardesk.calls.claim.ClaimSnapshot;
import com.ardesk.calls.infra.Idempotency;
import com.ardesk.kit.problem.ProblemException;
import com.ardesk.kit.tenancy.Tenancy;
import com.ardesk.kit.web.Cursors;
import com.ardesk.kit.web.ETags;
import com.ardesk.kit.web.Page;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Call scripts: maintained by supervisors, matched to a claim for the caller about to phone. */
@ApplicationScoped
public class ScriptService {
    private static final TypeReference<List<String>> STEPS = new TypeReference<>() {
    };
    private static final TypeReference<List<ScriptRequest.Objection>> OBJECTIONS = new TypeReference<>() {
    };

    private final ClaimProjection projection;
    private final CallService calls;
    private final Tenancy tenancy;
    private final Idempotency idempotency;
    private final ObjectMapper json;

    public ScriptService(ClaimProjection projection, CallService calls, Tenancy tenancy, Idempotency idempotency,
                         ObjectMapper json) {
        this.projection = projection;
        this.calls = calls;
        this.tenancy = tenancy;
        this.idempotency = idempotency;
        this.json = json;
    }

    public record Saved(ScriptView script, boolean created) {
    }

    @Transactional
    public Saved create(ScriptRequest body, String idempotencyKey) {
        Optional<String> earlier = idempotency.replay("script", tenancy.user(), idempotencyKey, body);
        if (earlier.isPresent()) {
            return new Saved(view(find(UUID.fromString(earlier.get()))), false);
        }
        requireUniqueName(body.name(), null);
        CallScript script = new CallScript();
        script.scriptId = UUID.randomUUID();
        script.createdAt = Instant.now();
        apply(script, body);
        script.persist();
        idempotency.remember("script", tenancy.user(), idempotencyKey, body, script.scriptId.toString());
        CallScript.flush();
        return new Saved(view(script), true);
    }

    @Transactional
    public ScriptView update(UUID scriptId, ScriptRequest body, String ifMatch) {
        CallScript script = find(scriptId);
        ETags.requireMatch(ifMatch, script.version);
        requireUniqueName(body.name(), scriptId);
        apply(script, body);
        CallScript.flush();
        return view(script);
    }

    @Transactional
    public void delete(UUID scriptId, String ifMatch) {
        CallScript script = find(scriptId);
        ETags.requireMatch(ifMatch, script.version);
        script.delete();
    }

    @Transactional
    public ScriptView get(UUID scriptId) {
        return view(find(scriptId));
    }

    @Transactional
    public Page<ScriptView> list(Integer limit, String cursor) {
        int size = Cursors.limit(limit);
        List<String> after = Cursors.decode(cursor, 1);
        List<CallScript> rows = after.isEmpty()
                ? CallScript.<CallScript>findAll(Sort.by("name")).page(0, size + 1).list()
                : CallScript.<CallScript>find("name > ?1", Sort.by("name"), after.get(0)).page(0, size + 1).list();
        String next = rows.size() > size ? Cursors.encode(rows.get(size - 1).name) : null;
        return new Page<>(rows.stream().limit(size).map(this::view).toList(), next);
    }

    /** The best script for a claim of the token's practices (404 for an unknown or invisible claim). */
    @Transactional
    public ScriptMatchView match(UUID claimId) {
        ClaimSnapshot claim = projection.find(claimId).orElseThrow(() -> ProblemException.notFound("claim", claimId));
        tenancy.requireVisible(claim.practiceId, "claim", claimId);
        String lastOutcome = calls.lastOutcome(claimId).map(Outcome::name).orElse(null);
        ScriptMatcher.Situation situation = new ScriptMatcher.Situation(claim.denialCategory, claim.status,
                claim.payerId, lastOutcome);
        List<ScriptMatcher.Candidate<CallScript>> candidates = CallScript.<CallScript>listAll().stream()
                .map(s -> new ScriptMatcher.Candidate<>(s, s.name,
                        new ScriptMatcher.Criteria(s.denialCategory, s.claimStatus, s.payerId, s.outcome)))
                .toList();
        ScriptMatcher.Match<CallScript> best = ScriptMatcher.best(candidates, situation)
                .orElseThrow(() -> new ProblemException(404, "no-matching-script", "Not found",
                        "no call script applies to claim " + claimId + "; add a general script without criteria"));
        return new ScriptMatchView(view(best.script()), best.score(), best.why(),
                new ScriptMatchView.Situation(claimId, claim.status, claim.denialCategory, claim.payerId, lastOutcome));
    }

    private CallScript find(UUID scriptId) {
        CallScript script = CallScript.findById(scriptId);
        if (script == null) {
            throw ProblemException.notFound("call script", scriptId);
        }
        return script;
    }

    private void requireUniqueName(String name, UUID self) {
        CallScript same = CallScript.<CallScript>find("name", name).firstResult();
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
            return new ScriptView(s.scriptId, s.name, new ScriptRequest.AppliesTo(
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
