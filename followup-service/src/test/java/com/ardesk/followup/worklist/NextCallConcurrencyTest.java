package com.ardesk.followup.worklist;

import com.ardesk.devstack.DevTokens;
import com.ardesk.followup.support.FollowupInfra;
import com.ardesk.followup.support.Seeder;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
@FollowupInfra
class NextCallConcurrencyTest {
    static final String PRACTICE = "P-CONC";
    static final int PAIRS = 1000;

    @Inject
    Seeder seed;
    @Inject
    AgroalDataSource dataSource;

    @Test
    void twoCallersAskingAtOnceNeverGetTheSameTask() throws Exception {
        // equal priorities: both callers aim at the same first row every time
        for (int i = 0; i < 3; i++) {
            seed.deny(PRACTICE, seed.claim(PRACTICE, "PAYER-C", "500.00", 10), "CODING", "500.00", null);
        }
        String alice = DevTokens.token("alice-conc", List.of("caller"), List.of(PRACTICE));
        String bob = DevTokens.token("bob-conc", List.of("caller"), List.of(PRACTICE));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int pair = 0; pair < PAIRS; pair++) {
                CyclicBarrier start = new CyclicBarrier(2);
                CompletableFuture<Response> a = CompletableFuture.supplyAsync(() -> next(start, alice), pool);
                CompletableFuture<Response> b = CompletableFuture.supplyAsync(() -> next(start, bob), pool);
                Response ra = a.get(30, TimeUnit.SECONDS);
                Response rb = b.get(30, TimeUnit.SECONDS);
                assertThat(ra.statusCode()).as("pair %d alice", pair).isEqualTo(200);
                assertThat(rb.statusCode()).as("pair %d bob", pair).isEqualTo(200);
                assertThat(ra.jsonPath().getString("task.taskId")).as("pair %d", pair)
                        .isNotEqualTo(rb.jsonPath().getString("task.taskId"));
                freeLeases();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    static Response next(CyclicBarrier start, String token) {
        try {
            start.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return given().auth().oauth2(token).post("/api/v1/worklists/me/next").andReturn();
    }

    void freeLeases() throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "update followup_task set leased_by = null, lease_until = null where practice_id = ?")) {
            s.setString(1, PRACTICE);
            s.executeUpdate();
        }
    }
}
