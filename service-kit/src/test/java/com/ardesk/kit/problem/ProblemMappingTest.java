package com.ardesk.kit.problem;

import com.ardesk.devstack.PostgresServer;
import com.ardesk.devstack.RealInfraResource;
import com.ardesk.kit.testapp.KitInfra;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static com.ardesk.kit.testapp.Api.as;
import static com.ardesk.devstack.Await.until;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Database failures a request meets, as the client sees them through {@link ProblemMappers} and
 * {@link DatabaseProblems}: a taken unique key is a 409, a value PostgreSQL cannot hold a 422, a
 * stopped database a 503 with Retry-After; every one a problem+json body that shows no SQL.
 */
@QuarkusTest
@KitInfra
class ProblemMappingTest {

    @Test
    void aUniqueKeyTakenInTheDatabaseIs409ConcurrentUpdate() {
        Map<String, Object> widget = Map.of("name", "taken-" + UUID.randomUUID().toString().substring(0, 8),
                "amount", new BigDecimal("1.00"));
        as("ann").body(widget).post("/widgets").then().statusCode(201);

        Response again = as("ann").body(widget).post("/widgets");

        again.then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo(Problem.type("concurrent-update")))
                .body("status", equalTo(409));
        assertNoInternals(again);
    }

    @Test
    void anAmountBeyondTheColumnIs422NumericOutOfRange() {
        Response tooBig = as("ann").body(Map.of("name", "big-" + UUID.randomUUID().toString().substring(0, 8),
                "amount", new BigDecimal("1000000000000.00"))).post("/widgets");

        tooBig.then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo(Problem.type("numeric-out-of-range")))
                .body("errors[0].field", equalTo("body"));
        assertNoInternals(tooBig);
    }

    @Test
    void badInputIs400NamingTheField() {
        as("ann").body(Map.of("name", " ", "amount", new BigDecimal("1.00"))).post("/widgets").then()
                .statusCode(400).contentType("application/problem+json")
                .body("type", equalTo(Problem.type("validation")))
                .body("errors[0].field", equalTo("name"));
        as("ann").body(Map.of("name", "typed", "amount", "lots")).post("/widgets").then()
                .statusCode(400).body("errors[0].field", equalTo("amount"))
                .body("errors[0].message", equalTo("must be a decimal number"));
    }

    @Test
    void aStoppedDatabaseIs503WithRetryAfterAndComesBackByItself() {
        long id = as("ann").body(Map.of("name", "outage-" + UUID.randomUUID().toString().substring(0, 8),
                "amount", new BigDecimal("2.50"))).post("/widgets").then().statusCode(201).extract().jsonPath().getLong("id");
        PostgresServer postgres = RealInfraResource.infra().postgres();
        postgres.stop();
        try {
            Response read = as("ann").get("/widgets/" + id);
            read.then().statusCode(503).contentType("application/problem+json")
                    .header("Retry-After", "5")
                    .body("type", equalTo(Problem.type("service-unavailable")));
            assertNoInternals(read);
            Response write = as("ann").body(Map.of("name", "during-outage", "amount", new BigDecimal("1.00")))
                    .post("/widgets");
            write.then().statusCode(503).header("Retry-After", "5");
            assertNoInternals(write);
        } finally {
            postgres.restart();
        }
        // the pool drops the connections the stop cut and opens new ones: no restart of the service
        until("reads answer again", Duration.ofSeconds(60),
                () -> as("ann").get("/widgets/" + id).statusCode() == 200);
    }

    /** The client learns what went wrong, never how: no SQL, table, constraint or exception class. */
    private static void assertNoInternals(Response response) {
        assertThat(response.asString().toLowerCase()).doesNotContain("sql", "insert", "select", "widget_",
                "constraint", "duplicate key", "exception", "org.", "jdbc", "hibernate");
    }
}
