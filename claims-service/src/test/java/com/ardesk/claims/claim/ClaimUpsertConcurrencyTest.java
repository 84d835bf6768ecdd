package com.ardesk.claims.claim;

import com.ardesk.claims.support.ClaimsInfra;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

import static com.ardesk.claims.support.ClaimFixtures.*;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Issue 14: concurrent upserts of one natural key all answer 200/201, never 409 or 5xx. */
@QuarkusTest
@ClaimsInfra
class ClaimUpsertConcurrencyTest {
    private static final int REQUESTS = 100;

    @Test
    void identicalConcurrentUpsertsCreateOnceAndAnswerUnchanged() throws Exception {
        payer("MCR-U");
        Map<String, Object> body = body("C-RACE-1", "Maria");
        List<Integer> statuses = race("C-RACE-1", i -> body);
        assertThat(statuses).allMatch(s -> s == 200 || s == 201);
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
    }

    @Test
    void differentConcurrentUpsertsAllApplyInTurn() throws Exception {
        payer("MCR-U");
        List<Integer> statuses = race("C-RACE-2", i -> body("C-RACE-2", "Name" + i));
        assertThat(statuses).allMatch(s -> s == 200 || s == 201);
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> body(String externalId, String firstName) {
        Map<String, Object> body = claim(PRACTICE, externalId, "MCR-U", 10);
        ((Map<String, Object>) body.get("patient")).put("firstName", firstName);
        return body;
    }

    private static List<Integer> race(String externalId, IntFunction<Map<String, Object>> bodies) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(REQUESTS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                Map<String, Object> body = bodies.apply(i);
                answers.add(pool.submit(() -> {
                    start.await();
                    return given().auth().oauth2(PM).contentType(ContentType.JSON).body(body)
                            .put("/api/v1/practices/" + PRACTICE + "/claims/" + externalId).statusCode();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }
}
