package com.ardesk.e2e;

import com.ardesk.devstack.ArDeskSystem;
import com.ardesk.devstack.DevTokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * claims-service and followup-service age a claim by one rule (service-kit {@code AgingCalculator})
 * and one setting ({@code ardesk.aging.basis}): for each basis, a claim on every bucket edge shows the
 * same days and bucket in claims-service's claim view and, after its ClaimChanged crossed Kafka, in
 * followup-service's prep packet (docs/domain.md#aging).
 */
class AgingAgreementE2ETest {
    static final String PRACTICE = "P100";
    static final String ADMIN = DevTokens.token("admin-aging", List.of("admin"), List.of(PRACTICE));
    /** Days since the basis date on each side of every bucket edge, with the bucket docs/domain.md gives them. */
    static final Map<Integer, String> EDGES = edges();

    static Map<Integer, String> edges() {
        Map<Integer, String> edges = new LinkedHashMap<>();
        edges.put(0, "0-30");
        edges.put(30, "0-30");
        edges.put(31, "31-60");
        edges.put(60, "31-60");
        edges.put(61, "61-90");
        edges.put(90, "61-90");
        edges.put(91, "91-120");
        edges.put(120, "91-120");
        edges.put(121, "120+");
        return edges;
    }

    @ParameterizedTest
    @ValueSource(strings = {"FIRST_BILLED", "SERVICE_DATE"})
    void claimsAndFollowupPutEveryClaimInTheSameBucket(String basis) throws Exception {
        Path root = Path.of(System.getProperty("ardesk.root", "..")).toAbsolutePath().normalize();
        try (ArDeskSystem system = ArDeskSystem.start(root, root.resolve("e2e/target/system-aging-" + basis),
                ArDeskSystem.Ports.free(), List.of("claims-service", "followup-service"),
                Map.of("ardesk.aging.basis", basis), message -> System.out.println("[e2e aging] " + message))) {
            String claims = system.service("claims-service").url();
            String followup = system.service("followup-service").url();
            given().baseUri(claims).auth().oauth2(ADMIN).contentType(ContentType.JSON)
                    .body(Map.of("name", "Aging Payer", "phone", "+1-800-555-0142", "timelyFilingDays", 365,
                            "timelyFilingBasis", "SERVICE_DATE", "appealWindowDays", 90, "promiseGraceDays", 2,
                            "effectiveFrom", "2000-01-01"))
                    .put("/api/v1/payers/AGING-PAYER").then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));

            // the practice has no zone of its own: today is the default zone's
            LocalDate today = LocalDate.now(ZoneId.of("America/New_York"));
            Map<Integer, String> claimIds = new LinkedHashMap<>();
            for (int days : EDGES.keySet()) {
                claimIds.put(days, createClaim(claims, basis, today, days));
            }
            for (Map.Entry<Integer, String> claim : claimIds.entrySet()) {
                int days = claim.getKey();
                Response view = given().baseUri(claims).auth().oauth2(ADMIN).get("/api/v1/claims/" + claim.getValue());
                assertThat(view.statusCode()).isEqualTo(200);
                assertThat(view.jsonPath().getString("agingBasis")).isEqualTo(basis);
                assertThat(view.jsonPath().getLong("agingDays")).as("claims-service days, edge %d", days).isEqualTo(days);
                assertThat(view.jsonPath().getString("agingBucket")).as("claims-service bucket, edge %d", days)
                        .isEqualTo(EDGES.get(days));

                Response prep = prepPacket(followup, claim.getValue());
                assertThat(prep.jsonPath().getLong("claim.agingDays")).as("followup-service days, edge %d", days)
                        .isEqualTo(view.jsonPath().getLong("agingDays"));
                assertThat(prep.jsonPath().getString("claim.agingBucket")).as("followup-service bucket, edge %d", days)
                        .isEqualTo(view.jsonPath().getString("agingBucket"));
            }
        }
    }

    /**
     * followup-service's prep packet of the claim, once its ClaimChanged arrived: polled, with a deadline
     * sized for a loaded machine (a fresh consumer joins its group first).
     */
    static Response prepPacket(String followup, String claimId) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        Response last = given().baseUri(followup).auth().oauth2(ADMIN).get("/api/v1/prep/" + claimId);
        while (last.statusCode() != 200 && Instant.now().isBefore(deadline)) {
            Thread.sleep(250);
            last = given().baseUri(followup).auth().oauth2(ADMIN).get("/api/v1/prep/" + claimId);
        }
        assertThat(last.statusCode()).as("prep packet of %s; last answer: %s", claimId, last.asString()).isEqualTo(200);
        return last;
    }

    /**
     * A claim whose basis date lies {@code days} before today and whose other date differs, so the
     * wrong basis would give other days: billed 10 days after the service (or today, if sooner).
     */
    static String createClaim(String claims, String basis, LocalDate today, int days) {
        LocalDate basisDate = today.minusDays(days);
        LocalDate service = basis.equals("FIRST_BILLED") ? basisDate.minusDays(10) : basisDate;
        LocalDate billed = basis.equals("FIRST_BILLED") ? basisDate : min(basisDate.plusDays(10), today);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("practiceId", PRACTICE);
        body.put("externalClaimId", "AGING-" + basis + "-" + days + "-" + UUID.randomUUID());
        body.put("patient", Map.of("accountNumber", "ACC-AGING", "firstName", "Ann", "lastName", "Lee",
                "dateOfBirth", "1970-01-01"));
        body.put("payerId", "AGING-PAYER");
        body.put("providerNpi", "1234567893");
        body.put("serviceDateFrom", service.toString());
        body.put("serviceDateTo", service.toString());
        body.put("submittedOn", billed.toString());
        body.put("lines", List.of(Map.of("procedureCode", "99214", "units", 1, "chargeAmount", new BigDecimal("280.50"),
                "diagnosisCodes", List.of("E11.9"))));
        return given().baseUri(claims).auth().oauth2(ADMIN).contentType(ContentType.JSON).body(body)
                .post("/api/v1/claims").then().statusCode(201).extract().path("claimId");
    }

    static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
