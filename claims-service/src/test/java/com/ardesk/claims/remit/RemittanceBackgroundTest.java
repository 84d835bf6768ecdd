package com.ardesk.claims.remit;

import com.ardesk.claims.support.ClaimsInfra;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.ardesk.claims.support.ClaimFixtures.*;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;

/**
 * Files over the threshold (1,000 CLPs): 202 with a Location, posted in the background chunk by
 * chunk (200 per chunk in the test profile), each claim exactly once, even when the instance that
 * began a file died half-way. No assertion on durations: the polls wait, boundedly, for a state.
 */
@QuarkusTest
@ClaimsInfra
class RemittanceBackgroundTest {
    private static final int CLPS = 1101;
    /** CLP positions (0-based) that match a claim: both ends, both sides of chunk boundaries. */
    private static final List<Integer> MATCHED = List.of(0, 199, 200, 555, 999, 1100);

    @Inject
    AgroalDataSource dataSource;
    @Inject
    RemittanceJobs jobs;
    @Inject
    EntityManager em;

    /**
     * One 835 transaction of {@code clps} claims {@code prefix}-0 ... each paying 200.00 of 280.50
     * (CO-45 50.00, PR-2 30.50), balanced: BPR02 = 200.00 × clps.
     */
    static String file(String prefix, String trace, int clps) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < clps; i++) {
            body.append("CLP*").append(prefix).append('-').append(i).append("*1*280.50*200.00*30.50*12*PCN").append(i)
                    .append("~\nCAS*CO*45*50.00~\nCAS*PR*2*30.50~\n");
        }
        String payment = new BigDecimal("200.00").multiply(BigDecimal.valueOf(clps)).toPlainString();
        return Sample835.isa('*', ':', '~') + "\n"
                + "GS*HP*5010TEST*ARDESK*20261120*1200*101*X*005010X221A1~\n"
                + "ST*835*0001~\n"
                + "BPR*I*" + payment + "*C*ACH*CCP*01*999999999*DA*123456*1512345678**01*999988880*DA*98765*20261120~\n"
                + "TRN*1*" + trace + "*1512345678~\nDTM*405*20261119~\nN1*PR*MEDICARE PART B~\nN3*PO BOX 1~\n"
                + "N4*CITY*ST*12345~\nREF*2U*MCR-R~\nN1*PE*TEST CLINIC*XX*1234567893~\nLX*1~\n"
                + body
                + "SE*" + (10 + 3 * clps + 1) + "*0001~\nGE*1*101~\nIEA*1*000000101~\n";
    }

    static Response post(String file) {
        return given().auth().oauth2(PM).contentType("application/edi-x12").body(file.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/remittances");
    }

    /** The matched claims, by their CLP position. */
    static Map<Integer, String> claims(String prefix) {
        payer("MCR-R");
        Map<Integer, String> ids = new LinkedHashMap<>();
        MATCHED.forEach(i -> ids.put(i, create(prefix + "-" + i, "MCR-R", 40)));
        return ids;
    }

    /**
     * GETs the remittance until it is POSTED or FAILED (bounded), checking each progress answer on
     * the way: a state of the lifecycle, never more processed than total.
     */
    static ExtractableResponse<Response> awaitFinished(String location) throws InterruptedException {
        Instant giveUp = Instant.now().plus(Duration.ofMinutes(5));
        while (true) {
            ExtractableResponse<Response> r = given().auth().oauth2(CALLER).get(location).then().statusCode(200).extract();
            String status = r.path("status");
            assertThat(status).isIn("RECEIVED", "PROCESSING", "POSTED", "FAILED");
            assertThat((Integer) r.path("processed")).isBetween(0, CLPS);
            assertThat((Integer) r.path("total")).isEqualTo(CLPS);
            if ("POSTED".equals(status) || "FAILED".equals(status)) {
                return r;
            }
            assertThat(r.<List<?>>path("claims")).isEmpty();
            assertThat(Instant.now()).as("remittance %s still %s", location, status).isBefore(giveUp);
            Thread.sleep(200);
        }
    }

    /** Every matched claim paid exactly once: 200.00 paid, 30.50 patient responsibility, balance 0, PAID. */
    static void assertPaidExactlyOnce(Map<Integer, String> claims) {
        claims.values().forEach(id -> {
            var claim = given().auth().oauth2(CALLER).get("/api/v1/claims/" + id).then().statusCode(200)
                    .body("status", equalTo("PAID")).body("payments", hasSize(1)).extract().jsonPath();
            assertThat(new BigDecimal(claim.getString("paidAmount"))).isEqualByComparingTo("200.00");
            assertThat(new BigDecimal(claim.getString("patientResponsibility"))).isEqualByComparingTo("30.50");
            assertThat(new BigDecimal(claim.getString("balance"))).isEqualByComparingTo("0.00");
        });
    }

    /** The results of a posted remittance: CLPs in file order, the matched ones posted, the rest unmatched. */
    static void assertResults(ExtractableResponse<Response> posted, Map<Integer, String> claims) {
        assertThat((String) posted.path("status")).isEqualTo("POSTED");
        assertThat((Integer) posted.path("processed")).isEqualTo(CLPS);
        List<String> numbers = posted.path("claims.patientControlNumber");
        List<String> results = posted.path("claims.result");
        List<String> claimIds = posted.path("claims.claimId");
        assertThat(numbers).hasSize(CLPS);
        for (int i = 0; i < CLPS; i++) {
            assertThat(numbers.get(i)).endsWith("-" + i);
            assertThat(results.get(i)).isEqualTo(claims.containsKey(i) ? "posted" : "unmatched");
            assertThat(claimIds.get(i)).isEqualTo(claims.get(i));
        }
        assertThat(posted.<List<?>>path("flags")).isEmpty();
    }

    long count(String sql, Object... params) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void aFileOverTheThresholdIsAccepted202AndPostedInTheBackgroundAndAReplayAnswersIt() throws Exception {
        Map<Integer, String> claims = claims("BG");
        String file = file("BG", "BG-TRACE-1", CLPS);

        ExtractableResponse<Response> accepted = post(file).then().statusCode(202)
                .header("Location", matchesPattern("^.*/api/v1/remittances/[0-9a-f-]{36}$"))
                .body("replayed", equalTo(false))
                .body("remittances", hasSize(1))
                .body("remittances[0].practiceId", equalTo(PRACTICE))
                .body("remittances[0].traceNumber", equalTo("BG-TRACE-1"))
                .body("remittances[0].total", equalTo(CLPS))
                .body("remittances[0].claims", empty())
                .extract();
        String location = accepted.header("Location");
        String id = accepted.path("remittances[0].remittanceId");
        assertThat(location).endsWith("/api/v1/remittances/" + id);

        assertResults(awaitFinished(location), claims);
        assertPaidExactlyOnce(claims);
        assertThat(count("select count(*) from remittance_pending_claim where remittance_id = ?", UUID.fromString(id))).isZero();
        for (String claimId : claims.values()) {
            assertThat(count("select count(*) from outbox_event where aggregateid = ? and type = 'ClaimPaymentPosted'", claimId)).isEqualTo(1);
            assertThat(count("select count(*) from outbox_event where aggregateid = ? and type = 'ClaimChanged'", claimId)).isGreaterThan(1);
        }

        // the same payment again, in a new envelope: the remittance it made, no second job
        post(file.replace("000000101", "000000777").replace("*101*", "*777*").replace("GE*1*101", "GE*1*777"))
                .then().statusCode(200)
                .header("Location", equalTo(location))
                .body("replayed", equalTo(true))
                .body("remittances[0].remittanceId", equalTo(id))
                .body("remittances[0].status", equalTo("POSTED"))
                .body("remittances[0].processed", equalTo(CLPS));
        assertThat(count("select count(*) from remittance where trace_number = 'BG-TRACE-1'")).isEqualTo(1);
        assertPaidExactlyOnce(claims);
    }

    @Test
    void anInvalidFileOverTheThresholdIsA400BeforeAnythingIsStored() throws Exception {
        String file = file("BAD", "BAD-TRACE-1", CLPS);
        // the SE count is checked at the very end of the file: the whole file is read before anything is stored
        String broken = file.replace("SE*" + (10 + 3 * CLPS + 1) + "*0001", "SE*" + (10 + 3 * CLPS) + "*0001");

        post(broken).then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("body"))
                .body("errors[0].message", containsString("SE01"));
        post(file.substring(0, file.length() / 2)).then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("body"));
        assertThat(count("select count(*) from remittance where trace_number = 'BAD-TRACE-1'")).isZero();
        assertThat(count("""
                select count(*) from remittance_pending_claim p where not exists (
                  select 1 from remittance r where r.remittance_id = p.remittance_id and r.status in ('RECEIVED', 'PROCESSING'))""")).isZero();
    }

    @Test
    void aFileOverTheThresholdNeedsOnePracticeToPostTo() {
        given().auth().oauth2(RemittanceResourceTest.PM_BOTH).contentType("application/edi-x12")
                .body(file("TWO", "TWO-TRACE-1", CLPS).getBytes(StandardCharsets.UTF_8)).post("/api/v1/remittances")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("practiceId"));
    }

    @Test
    void aJobLeftHalfDoneByACrashedInstanceIsFinishedExactlyOnce() throws Exception {
        Map<Integer, String> claims = claims("CR");
        Path spooled = Files.createTempFile("crash-", ".835");
        try {
            Files.writeString(spooled, file("CR", "CR-TRACE-1", CLPS));
            Remittance835.Read read;
            try (InputStream in = Files.newInputStream(spooled)) {
                read = Remittance835.stream(in, (transaction, claim) -> { });
            }
            // accepted by an instance that leased it in the same transaction, so this instance's runner cannot take it
            UUID id = QuarkusTransaction.requiringNew().call(() -> {
                UUID accepted = jobs.accept(spooled, read, PRACTICE, "pm-sync").remittances().get(0).remittanceId();
                em.createNativeQuery("""
                        update remittance set status = 'PROCESSING', lease_owner = 'crashed-pod',
                          lease_until = clock_timestamp() + interval '1 hour' where remittance_id = ?1""")
                        .setParameter(1, accepted).executeUpdate();
                return accepted;
            });
            // it committed one chunk, then died (kill -9: nothing else of it ran)
            assertThat(jobs.chunk(id, "crashed-pod", 200, Duration.ofHours(1))).isTrue();
            assertThat(count("select processed_claims from remittance where remittance_id = ?", id)).isEqualTo(200);
            assertThat(count("select count(*) from remittance_pending_claim where remittance_id = ?", id)).isEqualTo(CLPS - 200);
            given().auth().oauth2(CALLER).get("/api/v1/claims/" + claims.get(0)).then().body("payments", hasSize(1));
            given().auth().oauth2(CALLER).get("/api/v1/claims/" + claims.get(200)).then().body("payments", empty());

            // its lease is never renewed: once expired, a live runner takes the job over
            try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                    "update remittance set lease_until = clock_timestamp() - interval '1 second' where remittance_id = ?")) {
                s.setObject(1, id);
                s.executeUpdate();
            }
            assertResults(awaitFinished("/api/v1/remittances/" + id), claims);
            assertPaidExactlyOnce(claims);
            assertThat(count("select count(*) from remittance_claim where remittance_id = ?", id)).isEqualTo(CLPS);
            assertThat(count("select count(*) from payment where remittance_id = ?", id)).isEqualTo(MATCHED.size());
            // the dead instance, were it to come back, finds the job is no longer its own
            assertThat(jobs.chunk(id, "crashed-pod", 200, Duration.ofHours(1))).isFalse();
        } finally {
            Files.deleteIfExists(spooled);
        }
    }
}
