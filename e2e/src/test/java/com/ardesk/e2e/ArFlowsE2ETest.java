package com.ardesk.e2e;

import com.ardesk.devstack.ArDeskSystem;
import com.ardesk.devstack.DevTokens;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The flows that cross services, as a front end and a PM system drive them: through the gateway,
 * against the packaged services, real PostgreSQL and real Kafka.
 */
class ArFlowsE2ETest {
    static final String PRACTICE = "P100";
    static final String ADMIN = DevTokens.token("admin-1", List.of("admin"), List.of(PRACTICE));
    static final String PM = DevTokens.token("pm-sync", List.of("integration"), List.of(PRACTICE));
    static final String CALLER = DevTokens.token("caller-1", List.of("caller"), List.of(PRACTICE));
    static final String OUTSIDER = DevTokens.token("caller-9", List.of("caller"), List.of("P900"));
    static ArDeskSystem system;

    @BeforeAll
    static void startSystem() throws Exception {
        Path root = Path.of(System.getProperty("ardesk.root", "..")).toAbsolutePath().normalize();
        system = ArDeskSystem.start(root, root.resolve("e2e/target/system"), ArDeskSystem.Ports.free(),
                ArDeskSystem.allServices(), message -> System.out.println("[e2e] " + message));
        RestAssured.baseURI = system.gatewayUrl();
        RestAssured.port = -1;
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(Map.of("name", "E2E Payer", "phone", "+1-800-555-0199",
                        "timelyFilingDays", 180, "timelyFilingBasis", "SERVICE_DATE", "appealWindowDays", 90, "promiseGraceDays", 2,
                        "effectiveFrom", "2000-01-01"))
                .put("/api/v1/payers/E2E-PAYER").then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
    }

    @AfterAll
    static void stopSystem() {
        if (system != null) {
            system.close();
        }
    }

    static LocalDate today() {
        return LocalDate.now(ZoneId.of("America/New_York"));
    }

    static String newClaim(String externalId) {
        LocalDate service = today().minusDays(40);
        return given().auth().oauth2(PM).contentType(ContentType.JSON).body(Map.of("practiceId", PRACTICE, "externalClaimId", externalId,
                        "patient", Map.of("accountNumber", "ACC-1", "firstName", "Ann", "lastName", "Lee", "dateOfBirth", "1970-01-01"),
                        "payerId", "E2E-PAYER", "providerNpi", "1234567893",
                        "serviceDateFrom", service.toString(), "serviceDateTo", service.toString(),
                        "lines", List.of(Map.of("procedureCode", "99214", "units", 1, "chargeAmount", new BigDecimal("280.50"),
                                "diagnosisCodes", List.of("E11.9")))))
                .post("/api/v1/claims").then().statusCode(201).extract().path("claimId");
    }

    /** Polls until the answer satisfies the check; events cross services asynchronously. */
    static Response eventually(Supplier<Response> request, Predicate<Response> done) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(45));
        Response last = request.get();
        while (!done.test(last) && Instant.now().isBefore(deadline)) {
            sleep(250);
            last = request.get();
        }
        assertThat(done.test(last)).as("condition met before the deadline; last answer: %s", last.asString()).isTrue();
        return last;
    }

    @Test
    void aDenialBecomesAPrioritizedTaskOnTheCallersWorklist() {
        String claimId = newClaim("E2E-DENY-" + UUID.randomUUID());
        given().auth().oauth2(CALLER).contentType(ContentType.JSON)
                .body(Map.of("groupCode", "CO", "reasonCode", "197", "amount", new BigDecimal("280.50"),
                        "deniedOn", today().minusDays(1).toString()))
                .post("/api/v1/claims/" + claimId + "/denials").then().statusCode(201);

        Response worklist = eventually(() -> given().auth().oauth2(CALLER).queryParam("limit", 500).get("/api/v1/worklists/me"),
                r -> r.statusCode() == 200 && r.jsonPath().getList("items.claimId").contains(claimId));
        Map<String, Object> item = worklist.jsonPath().getMap("items.find { it.claimId == '" + claimId + "' }");
        assertThat(item.get("type")).isIn("DENIAL", "APPEAL_DEADLINE");
        assertThat((List<?>) item.get("because")).isNotEmpty();
        assertThat(item.get("payerId")).isEqualTo("E2E-PAYER");
    }

    @Test
    void aPromiseToPayIsScheduledAndKeptWhenThePaymentArrives() {
        String claimId = newClaim("E2E-PTP-" + UUID.randomUUID());
        Map<String, Object> call = Map.of("practiceId", PRACTICE, "payerId", "E2E-PAYER", "claimIds", List.of(claimId),
                "startedAt", Instant.now().minusSeconds(600).toString(), "durationSeconds", 300, "repName", "Dana",
                "referenceNumber", "REF-77", "outcome", "PROMISE_TO_PAY", "notes", "check mailed next week",
                "promise", Map.of("amount", new BigDecimal("280.50"), "expectedOn", today().plusDays(7).toString(), "method", "EFT"));
        // calls-service learns the claim from ClaimChanged; until then it answers 422
        eventually(() -> given().auth().oauth2(CALLER).contentType(ContentType.JSON).body(call).post("/api/v1/calls"),
                r -> r.statusCode() == 201);

        eventually(() -> given().auth().oauth2(CALLER).queryParam("claimId", claimId).get("/api/v1/followups"),
                r -> r.statusCode() == 200 && r.jsonPath().getList("items.type").contains("PROMISE_CHECK"));

        given().auth().oauth2(PM).contentType(ContentType.JSON)
                .body(Map.of("amount", new BigDecimal("280.50"), "paidOn", today().toString(), "method", "EFT", "reference", "EFT-9"))
                .post("/api/v1/claims/" + claimId + "/payments").then().statusCode(201).body("status", equalTo("PAID"));

        eventually(() -> given().auth().oauth2(CALLER).queryParam("claimId", claimId).get("/api/v1/promises"),
                r -> r.statusCode() == 200 && "KEPT".equals(r.jsonPath().getString("items[0].status")));
        eventually(() -> given().auth().oauth2(CALLER).queryParam("claimId", claimId).queryParam("status", "OPEN")
                .get("/api/v1/followups"), r -> r.statusCode() == 200 && r.jsonPath().getList("items").isEmpty());
    }

    /** A public or constructed X12 sample of claims-service's tests, read from the repository. */
    static String x12Sample(String path) throws java.io.IOException {
        Path root = Path.of(System.getProperty("ardesk.root", "..")).toAbsolutePath().normalize();
        return java.nio.file.Files.readString(root.resolve("claims-service/src/test/resources/x12").resolve(path));
    }

    static Response postX12(String path, String file) {
        return given().auth().oauth2(PM).contentType("application/edi-x12").body(file.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post(path);
    }

    static Response followups(String claimId) {
        return given().auth().oauth2(ADMIN).queryParam("claimId", claimId).get("/api/v1/followups");
    }

    static Predicate<Response> hasTask(String type, String status) {
        return r -> r.statusCode() == 200 && r.jsonPath().getList("items", Map.class).stream()
                .anyMatch(t -> type.equals(t.get("type")) && status.equals(t.get("status")));
    }

    /**
     * Issue 13: a 277CA rejection becomes a fix-and-resubmit task carrying the payer's codes, and a
     * finalized 277 closes the status check somebody would otherwise have phoned about.
     */
    @Test
    void aPayerRejectionBecomesAResubmitTaskAndAFinalStatusClosesTheStatusCheck() throws Exception {
        String rejectedExternal = "E2E-277CA-" + UUID.randomUUID();
        String rejected = newClaim(rejectedExternal);
        postX12("/api/v1/acknowledgments", x12Sample("277ca/accepted-and-rejected.277")
                .replace("PM-SAMPLE-0001", "E2E-NOBODY-" + UUID.randomUUID()).replace("PM-SAMPLE-0002", rejectedExternal))
                .then().statusCode(200).body("claims.find { it.claimId == '" + rejected + "' }.result", equalTo("updated"));

        Response tasks = eventually(() -> followups(rejected), hasTask("RESUBMIT", "OPEN"));
        Map<String, Object> resubmit = tasks.jsonPath().getMap("items.find { it.type == 'RESUBMIT' }");
        assertThat((String) resubmit.get("reason")).contains("A3:21:85", "A7:562:85");
        assertThat(resubmit.get("dueOn")).isEqualTo(today().toString());
        given().auth().oauth2(CALLER).get("/api/v1/claims/" + rejected + "/payer-status").then().statusCode(200)
                .body("latest.source", equalTo("277CA")).body("latest.rejected", equalTo(true));
        given().auth().oauth2(OUTSIDER).get("/api/v1/claims/" + rejected + "/payer-status").then().statusCode(404);

        String finalizedExternal = "E2E-277-" + UUID.randomUUID();
        String finalized = newClaim(finalizedExternal);
        // followup-service learns the claim from ClaimChanged; until then the task's claim is unknown (404)
        eventually(() -> given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                        .body(Map.of("claimId", finalized, "type", "STATUS_CHECK", "reason", "is the claim on file?"))
                        .post("/api/v1/followups"), r -> r.statusCode() == 201);
        postX12("/api/v1/claim-status", x12Sample("277/claim-level-status.277").replace("SE*36*0001", "SE*38*0001")
                .replace("ABCXYZ2", finalizedExternal).replace("ABCXYZ1", "E2E-NOBODY-" + UUID.randomUUID())
                .replace("ABCXYC3", "E2E-NOBODY-" + UUID.randomUUID()))
                .then().statusCode(200).body("claims.find { it.claimId == '" + finalized + "' }.statusCategory", equalTo("F0"));

        Response closed = eventually(() -> followups(finalized), hasTask("STATUS_CHECK", "DONE"));
        assertThat(closed.jsonPath().getString("items.find { it.type == 'STATUS_CHECK' }.closeReason"))
                .isEqualTo("payer status F0:3 on 2005-09-15 via 277");
    }

    @Test
    void tenancyAndErrorsHoldThroughTheGateway() {
        String claimId = newClaim("E2E-TEN-" + UUID.randomUUID());
        given().auth().oauth2(OUTSIDER).get("/api/v1/claims/" + claimId).then().statusCode(404)
                .contentType("application/problem+json");
        given().get("/api/v1/claims/" + claimId).then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(CALLER).contentType(ContentType.JSON).body("{not json")
                .post("/api/v1/claims").then().statusCode(400).contentType("application/problem+json");
        given().header("X-Request-Id", "e2e-trace-1").auth().oauth2(CALLER).get("/api/v1/claims/" + claimId)
                .then().statusCode(200).header("X-Request-Id", "e2e-trace-1");
        given().get("/openapi").then().statusCode(200);
    }

    /**
     * Issue 8: the merged document of the real services lints clean with Spectral and the OWASP API
     * ruleset (gateway/openapi-lint.sh installs both from the npm registry on first use). Skipped on a
     * machine without Node.js, which the two README commands do not need.
     */
    @Test
    void theMergedOpenApiDocumentLintsCleanWithTheOwaspRuleset() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(onPath("npx"), "Node.js is not installed");
        Path root = Path.of(System.getProperty("ardesk.root", "..")).toAbsolutePath().normalize();
        Process lint = new ProcessBuilder("bash", root.resolve("gateway/openapi-lint.sh").toString(), system.gatewayUrl())
                .redirectErrorStream(true).start();
        String report = new String(lint.getInputStream().readAllBytes());
        assertThat(lint.waitFor(5, java.util.concurrent.TimeUnit.MINUTES)).isTrue();
        assertThat(lint.exitValue()).as("spectral found errors:%n%s", report).isZero();
    }

    private static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (java.nio.file.Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
