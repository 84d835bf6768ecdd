package com.ardesk.kit.script;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ScriptMatcherTest {
    static ScriptMatcher.Candidate<String> script(String name, String category, String status, String payer, String outcome) {
        return new ScriptMatcher.Candidate<>(name, name, new ScriptMatcher.Criteria(category, status, payer, outcome));
    }

    static final List<ScriptMatcher.Candidate<String>> SCRIPTS = List.of(
            script("Status check", null, null, null, null),
            script("Denial: coding", "CODING", null, null, null),
            script("Denial: coding (Aetna)", "CODING", null, "AETNA", null),
            script("Promise follow-up", null, null, null, "PROMISE_TO_PAY"),
            script("Patient plan", null, "PARTIALLY_PAID", null, null));

    @Test
    void theMostSpecificApplicableScriptWinsAndSaysWhy() {
        var match = ScriptMatcher.best(SCRIPTS, new ScriptMatcher.Situation("CODING", "DENIED", "AETNA", null)).orElseThrow();
        assertThat(match.script()).isEqualTo("Denial: coding (Aetna)");
        assertThat(match.score()).isEqualTo(12);
        assertThat(match.why()).containsExactly("the claim's payer is AETNA", "the claim's denial category is CODING");

        var other = ScriptMatcher.best(SCRIPTS, new ScriptMatcher.Situation("CODING", "DENIED", "CIGNA", null)).orElseThrow();
        assertThat(other.script()).isEqualTo("Denial: coding");
    }

    @Test
    void theLastCallOutcomeSelectsTheFollowUpScript() {
        var match = ScriptMatcher.best(SCRIPTS,
                new ScriptMatcher.Situation(null, "IN_PROCESS", "CIGNA", "PROMISE_TO_PAY")).orElseThrow();
        assertThat(match.script()).isEqualTo("Promise follow-up");
        assertThat(match.why()).containsExactly("the last call on the claim ended PROMISE_TO_PAY");
    }

    @Test
    void aScriptWithoutCriteriaIsTheFallback() {
        var match = ScriptMatcher.best(SCRIPTS, new ScriptMatcher.Situation(null, "IN_PROCESS", "CIGNA", "NO_ANSWER"))
                .orElseThrow();
        assertThat(match.script()).isEqualTo("Status check");
        assertThat(match.score()).isZero();
        assertThat(match.why()).singleElement().asString().startsWith("general script");
    }

    @Test
    void aScriptWithAnyCriterionThatDoesNotFitNeverApplies() {
        var onlySpecific = List.of(script("Denial: coding (Aetna)", "CODING", null, "AETNA", null));
        assertThat(ScriptMatcher.best(onlySpecific, new ScriptMatcher.Situation("CODING", "DENIED", "CIGNA", null))).isEmpty();
    }

    @Test
    void tiesGoByName() {
        var tied = List.of(script("B", "CODING", null, null, null), script("A", "CODING", null, null, null));
        assertThat(ScriptMatcher.best(tied, new ScriptMatcher.Situation("CODING", null, null, null)).orElseThrow().script())
                .isEqualTo("A");
    }

    @Test
    void atEqualFitThePracticesOwnScriptBeatsTheDefault() {
        var scripts = List.of(script("A default", "CODING", null, null, null),
                new ScriptMatcher.Candidate<>("Z own", "Z own", new ScriptMatcher.Criteria("CODING", null, null, null), true),
                script("Payer default", "CODING", null, "AETNA", null));
        var match = ScriptMatcher.best(scripts, new ScriptMatcher.Situation("CODING", null, "CIGNA", null)).orElseThrow();
        assertThat(match.script()).isEqualTo("Z own");
        assertThat(match.why()).contains("it is the practice's own script");
        // a more specific default still wins over a less specific own script
        assertThat(ScriptMatcher.best(scripts, new ScriptMatcher.Situation("CODING", null, "AETNA", null)).orElseThrow()
                .script()).isEqualTo("Payer default");
    }
}
