package com.ardesk.events.calls;

import java.util.List;
import java.util.UUID;

/**
 * A call script was created, changed or deleted ({@code deleted}). The envelope's practiceId names
 * the practice that owns it, or is absent for a billing-company default. Carries the whole script so
 * followup-service can put it in the call-preparation packet without asking calls-service.
 */
public record CallScriptChanged(UUID scriptId, String name, String denialCategory, String claimStatus,
                                String payerId, String outcome, String opening, String objective,
                                List<String> steps, List<Objection> objections, boolean deleted) {
    /** An anticipated objection and its rebuttal. */
    public record Objection(String objection, String rebuttal) {
    }
}
