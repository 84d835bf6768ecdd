package com.ardesk.gateway.auth;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class AccessRulesTest {

    @Test
    void writeOffAndReviewsNeedSupervision() {
        assertThat(AccessRules.allows("POST", "/api/v1/claims/c-1/write-off", Set.of("caller"))).isFalse();
        assertThat(AccessRules.allows("POST", "/api/v1/claims/c-1/write-off", Set.of("caller", "supervisor"))).isTrue();
        assertThat(AccessRules.allows("POST", "/api/v1/calls/k-1/reviews", Set.of("integration"))).isFalse();
        assertThat(AccessRules.allows("POST", "/api/v1/calls/k-1/reviews", Set.of("admin"))).isTrue();
    }

    @Test
    void worklistOverviewIsForSupervisorsButOwnWorklistIsForEveryone() {
        assertThat(AccessRules.allows("GET", "/api/v1/worklists", Set.of("caller"))).isFalse();
        assertThat(AccessRules.allows("GET", "/api/v1/worklists/me", Set.of("caller"))).isTrue();
        assertThat(AccessRules.allows("POST", "/api/v1/worklists/me/next", Set.of("caller"))).isTrue();
    }

    @Test
    void readsAreOpenToEveryKnownRoleAndNoOneElse() {
        assertThat(AccessRules.allows("GET", "/api/v1/payers", Set.of("caller"))).isTrue();
        assertThat(AccessRules.allows("GET", "/api/v1/call-scripts/match", Set.of("caller"))).isTrue();
        assertThat(AccessRules.allows("GET", "/api/v1/claims", Set.of())).isFalse();
        assertThat(AccessRules.allows("GET", "/api/v1/claims", Set.of("guest"))).isFalse();
    }

    @Test
    void callScriptChangesNeedSupervision() {
        assertThat(AccessRules.allows("PUT", "/api/v1/call-scripts/s-1", Set.of("caller"))).isFalse();
        assertThat(AccessRules.allows("POST", "/api/v1/call-scripts", Set.of("supervisor"))).isTrue();
    }

    @Test
    void payersAreWrittenByAdminsAndAPracticesTermsBySupervision() {
        assertThat(AccessRules.allows("PUT", "/api/v1/payers/AETNA", Set.of("supervisor", "integration"))).isFalse();
        assertThat(AccessRules.allows("PUT", "/api/v1/payers/AETNA", Set.of("admin"))).isTrue();
        assertThat(AccessRules.allows("PUT", "/api/v1/practices/P100/payer-terms/AETNA", Set.of("integration"))).isFalse();
        assertThat(AccessRules.allows("PUT", "/api/v1/practices/P100/payer-terms/AETNA", Set.of("supervisor"))).isTrue();
        assertThat(AccessRules.allows("GET", "/api/v1/practices/P100/payer-terms/AETNA", Set.of("caller"))).isTrue();
    }
}
