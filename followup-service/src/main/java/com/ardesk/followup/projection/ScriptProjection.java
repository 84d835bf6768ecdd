package com.ardesk.followup.projection;

import com.ardesk.events.calls.CallScriptChanged;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Keeps the copy of calls-service's call scripts that the call-preparation packet matches from. */
@ApplicationScoped
public class ScriptProjection {
    private final ObjectMapper json;

    public ScriptProjection(ObjectMapper json) {
        this.json = json;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(String practiceId, CallScriptChanged changed) {
        CallScriptCopy row = CallScriptCopy.findById(changed.scriptId());
        if (changed.deleted()) {
            if (row != null) {
                row.delete();
            }
            return;
        }
        if (row == null) {
            row = new CallScriptCopy();
            row.scriptId = changed.scriptId();
        }
        row.practiceId = practiceId;
        row.name = changed.name();
        row.denialCategory = changed.denialCategory();
        row.claimStatus = changed.claimStatus();
        row.payerId = changed.payerId();
        row.outcome = changed.outcome();
        row.opening = changed.opening();
        row.objective = changed.objective();
        row.steps = write(changed.steps() == null ? java.util.List.of() : changed.steps());
        row.objections = write(changed.objections() == null ? java.util.List.of() : changed.objections());
        row.persist();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("call script cannot be stored: " + e.getOriginalMessage(), e);
        }
    }
}
