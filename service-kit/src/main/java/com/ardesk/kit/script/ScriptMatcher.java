package com.ardesk.kit.script;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Picks the call script for a claim. A script applies when every criterion it sets equals the
 * claim's situation; among those the most specific wins: a payer-specific script (8) beats a
 * denial-category one (4), which beats one for the last call's outcome (2), which beats one for
 * the claim status (1); a script without criteria is the general fallback. At equal specificity a
 * practice's own script beats a billing-company default; remaining ties go by name. Shared by
 * calls-service (GET /call-scripts/match) and followup-service (the call-preparation packet), so
 * both always pick the same script.
 */
public final class ScriptMatcher {
    private ScriptMatcher() {
    }

    /** What a script applies to; null means "any". */
    public record Criteria(String denialCategory, String claimStatus, String payerId, String outcome) {
    }

    /** The claim's situation: its projection and the outcome of the last call about it. */
    public record Situation(String denialCategory, String claimStatus, String payerId, String lastOutcome) {
    }

    /** A script to consider; {@code practiceOwned} when it belongs to the claim's practice, not the defaults. */
    public record Candidate<T>(T script, String name, Criteria criteria, boolean practiceOwned) {
        public Candidate(T script, String name, Criteria criteria) {
            this(script, name, criteria, false);
        }
    }

    /** The chosen script, its specificity score, and why it was chosen. */
    public record Match<T>(T script, int score, List<String> why) {
    }

    public static <T> Optional<Match<T>> best(List<Candidate<T>> scripts, Situation situation) {
        return scripts.stream()
                .map(c -> match(c, situation))
                .flatMap(Optional::stream)
                .min(Comparator.<Scored<T>>comparingInt(s -> -s.match().score())
                        .thenComparing(s -> !s.practiceOwned())
                        .thenComparing(Scored::name))
                .map(Scored::match);
    }

    private record Scored<T>(String name, boolean practiceOwned, Match<T> match) {
    }

    private static <T> Optional<Scored<T>> match(Candidate<T> candidate, Situation s) {
        Criteria c = candidate.criteria();
        int score = 0;
        List<String> why = new ArrayList<>();
        if (c.payerId() != null) {
            if (!c.payerId().equals(s.payerId())) {
                return Optional.empty();
            }
            score += 8;
            why.add("the claim's payer is " + s.payerId());
        }
        if (c.denialCategory() != null) {
            if (!c.denialCategory().equals(s.denialCategory())) {
                return Optional.empty();
            }
            score += 4;
            why.add("the claim's denial category is " + s.denialCategory());
        }
        if (c.outcome() != null) {
            if (!c.outcome().equals(s.lastOutcome())) {
                return Optional.empty();
            }
            score += 2;
            why.add("the last call on the claim ended " + s.lastOutcome());
        }
        if (c.claimStatus() != null) {
            if (!Objects.equals(c.claimStatus(), s.claimStatus())) {
                return Optional.empty();
            }
            score += 1;
            why.add("the claim's status is " + s.claimStatus());
        }
        if (why.isEmpty()) {
            why.add("general script: it applies to every claim and no more specific script fits");
        }
        if (candidate.practiceOwned()) {
            why.add("it is the practice's own script");
        }
        return Optional.of(new Scored<>(candidate.name(), candidate.practiceOwned(),
                new Match<>(candidate.script(), score, List.copyOf(why))));
    }
}
