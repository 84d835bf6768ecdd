package com.ardesk.followup.projection;

import com.ardesk.events.EventEnvelope;
import com.ardesk.followup.infra.RulesConfig;
import com.ardesk.followup.rules.FollowUpRules;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The follow-up rules with each practice's settings, for both projections: a practice's claim
 * events and call events follow one set of rules. One instance per practice, built on first use
 * (the settings are configuration, fixed while the service runs).
 */
@ApplicationScoped
public class PracticeRules {
    private final RulesConfig config;
    private final Map<String, FollowUpRules> byPractice = new ConcurrentHashMap<>();

    public PracticeRules(RulesConfig config) {
        this.config = config;
    }

    /** The rules of the event's practice. */
    FollowUpRules of(EventEnvelope event) {
        return of(event.practiceId());
    }

    FollowUpRules of(String practiceId) {
        // ConcurrentHashMap takes no null key; a practice-less event gets the global settings
        return byPractice.computeIfAbsent(practiceId == null ? "" : practiceId,
                key -> new FollowUpRules(config.settings(practiceId)));
    }
}
