package com.ardesk.kit.web;

import com.ardesk.kit.problem.Problem;
import com.ardesk.kit.testapp.Holds;
import com.ardesk.kit.testapp.KitInfra;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static com.ardesk.kit.testapp.Api.as;
import static com.ardesk.kit.testapp.Infra.connect;
import static com.ardesk.kit.testapp.Infra.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * {@link Idempotency} through a real resource: a retry with the same key and body gets the stored
 * answer and changes nothing, the same key with another body is refused, keys are per user, and a
 * request cut off between claiming its key and storing its answer leaves nothing behind, so its
 * retry runs, once.
 */
@QuarkusTest
@KitInfra
class IdempotencyTest {
    @Inject
    Holds holds;

    @Test
    void aRetryWithTheSameKeyAndBodyGetsTheStoredAnswerAndChangesNothing() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = widget("replay");

        Response first = as("ann").header(Idempotency.HEADER, key).body(body).post("/widgets");
        first.then().statusCode(201);
        Response retry = as("ann").header(Idempotency.HEADER, key).body(body).post("/widgets");

        retry.then().statusCode(201).header("Idempotent-Replayed", "true")
                .header("Location", first.header("Location"));
        assertThat(retry.asString()).isEqualTo(first.asString());
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(widgets(body)).isEqualTo(1);
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefused() {
        String key = UUID.randomUUID().toString();
        as("ann").header(Idempotency.HEADER, key).body(widget("first")).post("/widgets").then().statusCode(201);
        Map<String, Object> other = widget("other");

        as("ann").header(Idempotency.HEADER, key).body(other).post("/widgets").then()
                .statusCode(422).contentType("application/problem+json")
                .body("type", equalTo(Problem.type("idempotency-key-reused")))
                .body("errors[0].field", equalTo(Idempotency.HEADER));
        assertThat(widgets(other)).isZero();
    }

    @Test
    void keysBelongToTheirUser() {
        String key = UUID.randomUUID().toString();
        as("ann").header(Idempotency.HEADER, key).body(widget("ann")).post("/widgets").then().statusCode(201);

        Response bob = as("bob").header(Idempotency.HEADER, key).body(widget("bob")).post("/widgets");

        bob.then().statusCode(201);
        assertThat(bob.header("Idempotent-Replayed")).isNull();
    }

    @Test
    void aDuplicateSentWhileTheFirstIsRunningWaitsAndGetsItsAnswer() throws Exception {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = widget("race");
        Holds.Hold hold = holds.hold((String) body.get("name"));
        CompletableFuture<Response> first = CompletableFuture.supplyAsync(
                () -> as("ann").header(Idempotency.HEADER, key).body(body).post("/widgets"));
        try {
            assertThat(hold.awaitReached(Duration.ofSeconds(60))).as("first request is running").isTrue();
            CompletableFuture<Response> second = CompletableFuture.supplyAsync(
                    () -> as("ann").header(Idempotency.HEADER, key).body(body).post("/widgets"));
            hold.release();

            Response a = first.get(60, TimeUnit.SECONDS);
            Response b = second.get(60, TimeUnit.SECONDS);
            a.then().statusCode(201);
            b.then().statusCode(201).header("Idempotent-Replayed", "true");
            assertThat(b.asString()).isEqualTo(a.asString());
            assertThat(widgets(body)).isEqualTo(1);
        } finally {
            hold.release();
        }
    }

    @Test
    void aRequestCutOffBetweenClaimingItsKeyAndAnsweringLeavesNothingAndItsRetryRunsOnce() throws Exception {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = widget("crash");
        Holds.Hold hold = holds.hold((String) body.get("name"));
        CompletableFuture<Response> cut = CompletableFuture.supplyAsync(
                () -> as("ann").header(Idempotency.HEADER, key).body(body).post("/widgets"));
        try {
            assertThat(hold.awaitReached(Duration.ofSeconds(60))).as("request is between claim and answer").isTrue();
            // what a killed process leaves: its session ends, PostgreSQL rolls back its open transaction
            try (Connection c = connect("kit"); Statement s = c.createStatement()) {
                s.execute("""
                        select pg_terminate_backend(l.pid) from pg_locks l join pg_class t on t.oid = l.relation
                        where t.relname = 'idempotency_record' and l.mode = 'RowExclusiveLock'""");
            }
        } finally {
            hold.release();
        }
        assertThat(cut.get(60, TimeUnit.SECONDS).statusCode()).isEqualTo(503);
        assertThat(count("select count(*) from idempotency_record where idem_key = ?", key)).isZero();
        assertThat(widgets(body)).isZero();

        Response retry = as("ann").header(Idempotency.HEADER, key).body(body).post("/widgets");
        retry.then().statusCode(201);
        assertThat(retry.header("Idempotent-Replayed")).isNull();
        as("ann").header(Idempotency.HEADER, key).body(body).post("/widgets").then()
                .statusCode(201).header("Idempotent-Replayed", "true");
        assertThat(widgets(body)).isEqualTo(1);
    }

    private static Map<String, Object> widget(String name) {
        return Map.of("name", name + "-" + UUID.randomUUID().toString().substring(0, 8), "amount", new BigDecimal("12.50"));
    }

    private static long widgets(Map<String, Object> body) {
        return count("select count(*) from widget where name = ?", body.get("name"));
    }
}
