package com.ardesk.followup.schedule;

import com.ardesk.devstack.DevTokens;
import com.ardesk.followup.support.FollowupInfra;
import com.ardesk.followup.support.Seeder;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
@FollowupInfra
class SchedulerJobsTest {
    static final String PRACTICE = "P-SCHED";
    static final String CALLER = DevTokens.token("caller-s", List.of("caller"), List.of(PRACTICE));

    @Inject
    Seeder seed;
    @Inject
    SchedulerJobs jobs;
    @Inject
    AgroalDataSource dataSource;

    int sql(String statement, Object... params) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(statement)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            return s.executeUpdate();
        }
    }

    String taskOf(UUID claimId) {
        return given().auth().oauth2(CALLER).queryParam("claimId", claimId.toString()).get("/api/v1/followups")
                .then().statusCode(200).extract().path("items[0].taskId");
    }

    @Test
    void wakesSnoozedTasksWhoseDayHasComeAndExpiresOldLeases() throws Exception {
        UUID claimId = seed.claim(PRACTICE, "PAYER-S", "400.00", 10);
        seed.deny(PRACTICE, claimId, "CODING", "400.00", null);
        String taskId = taskOf(claimId);
        given().auth().oauth2(CALLER).contentType(ContentType.JSON)
                .body(Map.of("until", Seeder.TODAY.plusDays(2).toString(), "reason", "portal down"))
                .post("/api/v1/followups/" + taskId + "/snooze").then().statusCode(200);
        // pretend the snooze day has come
        sql("update followup_task set snoozed_until = ?, due_on = ? where task_id = ?",
                Seeder.TODAY, Seeder.TODAY, UUID.fromString(taskId));
        sql("update followup_task set leased_by = 'gone', lease_until = now() - interval '1 minute' where practice_id = ?",
                PRACTICE);

        SchedulerJobs.Tick tick = jobs.run();
        assertThat(tick.ran()).isTrue();
        assertThat(tick.woken()).isGreaterThanOrEqualTo(1);
        assertThat(tick.leasesExpired()).isGreaterThanOrEqualTo(1);
        given().auth().oauth2(CALLER).get("/api/v1/followups/" + taskId).then().statusCode(200)
                .body("status", equalTo("OPEN")).body("snoozedUntil", equalTo(null)).body("leasedBy", equalTo(null));
        given().auth().oauth2(CALLER).get("/api/v1/timeline/" + claimId).then().statusCode(200)
                .body("entries.kind", hasItem("TASK_WOKEN"));
    }

    @Test
    void dailyRunRescoresForTheNewDayAndCreatesDeadlineTasksOnce() throws Exception {
        UUID scored = seed.claim(PRACTICE, "PAYER-S", "4210.00", 10);
        seed.deny(PRACTICE, scored, "AUTHORIZATION", "4210.00", null);
        sql("update followup_task set priority = 0, because = '' where claim_id = ?", scored);
        // a claim that reached the timely-filing window without any event announcing it
        UUID quiet = UUID.randomUUID();
        sql("""
                insert into claim_snapshot (claim_id, practice_id, payer_id, status, balance, submitted_on,
                    timely_filing_deadline, updated_at) values (?, ?, 'PAYER-S', 'SUBMITTED', 900.00, ?, ?, now())""",
                quiet, PRACTICE, Seeder.TODAY.minusDays(70), Seeder.TODAY.plusDays(10));
        sql("delete from scheduler_state");

        SchedulerJobs.Tick tick = jobs.run();
        assertThat(tick.deadlineScans()).isGreaterThanOrEqualTo(1);
        assertThat(tick.rescored()).isGreaterThanOrEqualTo(1);
        given().auth().oauth2(CALLER).queryParam("claimId", scored.toString()).get("/api/v1/followups")
                .then().statusCode(200).body("items[0].priority", equalTo(42 + 30))
                .body("items[0].because", hasItem("balance $4,210.00"));
        given().auth().oauth2(CALLER).queryParam("claimId", quiet.toString()).get("/api/v1/followups")
                .then().statusCode(200).body("items.size()", equalTo(1)).body("items[0].type", equalTo("STATUS_CHECK"))
                .body("items[0].because", hasItem("timely filing deadline in 10 days"));

        // the same day again: nothing re-runs, and a new day does not duplicate the deadline task
        assertThat(jobs.run().rescored()).isZero();
        sql("delete from scheduler_state");
        jobs.run();
        given().auth().oauth2(CALLER).queryParam("claimId", quiet.toString()).get("/api/v1/followups")
                .then().statusCode(200).body("items.size()", equalTo(1));
    }

    @Test
    void onlyOneInstanceActsWhileAnotherHoldsTheLock() throws Exception {
        try (Connection other = dataSource.getConnection()) {
            try (PreparedStatement s = other.prepareStatement("select pg_advisory_lock(?)")) {
                s.setLong(1, SchedulerJobs.LOCK_KEY);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                }
            }
            assertThat(jobs.run().ran()).isFalse();
            try (PreparedStatement s = other.prepareStatement("select pg_advisory_unlock(?)")) {
                s.setLong(1, SchedulerJobs.LOCK_KEY);
                s.executeQuery().close();
            }
        }
        assertThat(jobs.run().ran()).isTrue();
    }
}
