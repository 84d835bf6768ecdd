package com.ardesk.followup.projection;

import com.ardesk.devstack.DevTokens;
import com.ardesk.events.EventEnvelope;
import com.ardesk.events.Topics;
import com.ardesk.events.claims.ClaimDenied;
import com.ardesk.followup.infra.RulesConfig;
import com.ardesk.followup.rules.RuleSettings;
import com.ardesk.followup.support.Events;
import com.ardesk.followup.support.FollowupInfra;
import com.ardesk.kit.time.PracticeClock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The %test profile gives practice P200 21 appeal lead days and P-ZONE the Denver zone; P100 has the global rules. */
@QuarkusTest
@FollowupInfra
class PracticeRulesTest {
    static final String SUPERVISOR = DevTokens.token("sup-rules", List.of("supervisor"), List.of("P100", "P200"));
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("America/New_York"));

    @Inject
    RulesConfig config;
    @Inject
    PracticeClock clock;

    @Test
    void practiceSettingsFallBackToTheGlobalOnes() {
        assertThat(config.settings("P100")).isEqualTo(config.settings());
        assertThat(config.settings("P200")).isEqualTo(new RuleSettings(21, 30, 14, 7, 30, 30, 1));
        assertThat(clock.zone("P200")).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(clock.zone("P-ZONE")).isEqualTo(ZoneId.of("America/Denver"));
        assertThat(clock.today("P-ZONE")).isEqualTo(LocalDate.now(ZoneId.of("America/Denver")));
    }

    @Test
    void appealLeadDaysOfThePracticeDecideTheAppealTaskDueDate() {
        LocalDate deadline = TODAY.plusDays(40);

        assertThat(appealTaskDue("P100", deadline)).isEqualTo(deadline.minusDays(14).toString());
        assertThat(appealTaskDue("P200", deadline)).isEqualTo(deadline.minusDays(21).toString());
    }

    String appealTaskDue(String practice, LocalDate deadline) {
        UUID claimId = UUID.randomUUID();
        EventEnvelope denial = Events.envelope(practice, new ClaimDenied(claimId, "EXT", "AETNA-RULES", UUID.randomUUID(),
                "CO", "197", List.of("N54"), "AUTHORIZATION", new BigDecimal("900.00"), TODAY, deadline));
        Events.send(Topics.CLAIMS, claimId.toString(), denial);
        Events.await("APPEAL_DEADLINE task of " + practice, Duration.ofSeconds(30), () -> appealDue(claimId) != null);
        return appealDue(claimId);
    }

    static String appealDue(UUID claimId) {
        return given().auth().oauth2(SUPERVISOR).queryParam("claimId", claimId).get("/api/v1/followups")
                .then().statusCode(200).extract().jsonPath().getString("items.find { it.type == 'APPEAL_DEADLINE' }.dueOn");
    }
}
