package com.ardesk.claims.status;

import com.ardesk.claims.support.ClaimsInfra;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import static com.ardesk.claims.support.ClaimFixtures.*;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@ClaimsInfra
class ClaimStatusResourceTest {
    @Inject
    AgroalDataSource dataSource;

    static ValidatableResponse post(String path, String token, String file) {
        return given().auth().oauth2(token).contentType("application/edi-x12").body(file.getBytes(StandardCharsets.UTF_8))
                .post(path).then();
    }

    /** The ClaimStatusChanged payloads the claim's outbox holds, oldest first. */
    List<String> statusEvents(String claimId) throws Exception {
        List<String> payloads = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select payload::text from outbox_event where aggregateid = ? and type = 'ClaimStatusChanged' order by seq")) {
            s.setString(1, claimId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    payloads.add(rs.getString(1));
                }
            }
        }
        return payloads;
    }

    @Test
    void a277caAcceptsAndRejectsClaimsAndARejectionCarriesItsStcCodes() throws Exception {
        payer("MCR-R");
        String accepted = create("CA-ACC", "MCR-R", 20);
        String rejected = create("CA-REJ", "MCR-R", 20);
        String file = Sample277.acknowledgment("20261120", new String[]{"CA-ACC", "A2:20", "WQ"},
                new String[]{"CA-REJ", "A3:21:85", "U"}, new String[]{"CA-NOBODY", "A1:19", "WQ"});

        post("/api/v1/acknowledgments", PM, file).statusCode(200)
                .body("claims.trace", equalTo(List.of("BATCH-1", "CA-ACC", "CA-REJ", "CA-NOBODY")))
                .body("claims.result", equalTo(List.of("unmatched", "updated", "updated", "unmatched")))
                .body("claims[1].claimId", equalTo(accepted)).body("claims[1].claimStatus", equalTo("IN_PROCESS"))
                .body("claims[2].claimId", equalTo(rejected)).body("claims[2].claimStatus", equalTo("SUBMITTED"))
                .body("claims[2].statusCodes", equalTo(List.of("A3:21:85"))).body("claims[2].effectiveOn", equalTo("2026-11-20"));

        given().auth().oauth2(CALLER).get("/api/v1/claims/" + accepted).then().body("status", equalTo("IN_PROCESS"));
        given().auth().oauth2(CALLER).get("/api/v1/claims/" + rejected).then().body("status", equalTo("SUBMITTED"));
        assertThat(statusEvents(rejected)).singleElement().asString()
                .contains("\"rejected\":true", "\"source\":\"277CA\"", "\"statusCategory\":\"A3\"", "A3:21:85");
        assertThat(statusEvents(accepted)).singleElement().asString().contains("\"rejected\":false", "\"toStatus\":\"IN_PROCESS\"");

        // the same acknowledgment again changes nothing and emits nothing
        post("/api/v1/acknowledgments", PM, file).statusCode(200)
                .body("claims.result", equalTo(List.of("unmatched", "unchanged", "unchanged", "unmatched")));
        assertThat(statusEvents(rejected)).hasSize(1);

        // another practice's integration client cannot touch these claims
        post("/api/v1/acknowledgments", OUTSIDER, Sample277.acknowledgment("20261121", new String[]{"CA-REJ", "A3:21", "U"}))
                .statusCode(200).body("claims[1].result", equalTo("unmatched"));
    }

    @Test
    void a277StatusResponseKeepsThePayerStatusAndMovesPendingClaims() throws Exception {
        payer("MCR-R");
        String pending = create("ABCXYZ1", "MCR-R", 20);
        String finalized = create("ABCXYZ2", "MCR-R", 20);
        String file = Sample277.resource("277/claim-level-status.277").replace("SE*36*0001", "SE*38*0001");

        post("/api/v1/claim-status", PM, file).statusCode(200)
                .body("claims.trace", equalTo(List.of("ABCXYZ1", "ABCXYZ2", "ABCXYC3")))
                .body("claims.result", equalTo(List.of("updated", "updated", "unmatched")))
                .body("claims.statusCategory", equalTo(List.of("P3", "F0", "F2")))
                .body("claims[0].claimStatus", equalTo("IN_PROCESS"))
                .body("claims[1].claimStatus", equalTo("SUBMITTED"));
        assertThat(statusEvents(pending)).singleElement().asString().contains("\"source\":\"277\"", "P3:317");
        assertThat(statusEvents(finalized)).singleElement().asString().contains("\"statusCategory\":\"F0\"", "2005-09-15");
        post("/api/v1/claim-status", PM, file).statusCode(200)
                .body("claims.result", equalTo(List.of("unchanged", "unchanged", "unmatched")));
    }

    @Test
    void unreadableFilesAre400ProblemsNamingTheSegmentAndChangeNothing() throws Exception {
        payer("MCR-R");
        String id = create("CA-BAD", "MCR-R", 20);
        String file = Sample277.acknowledgment("20261120", new String[]{"CA-BAD", "A3:21", "U"});
        post("/api/v1/acknowledgments", PM, file.replace("SE*", "SE*9")).statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("body")).body("errors[0].message", containsString("SE01"));
        post("/api/v1/claim-status", PM, Sample277.resource("277/claim-level-status.277")).statusCode(400)
                .body("errors[0].message", containsString("segment 40 SE01"));
        post("/api/v1/acknowledgments", PM, file.replace("ST*277", "ST*835")).statusCode(400)
                .body("errors[0].message", containsString("ST01"));
        given().auth().oauth2(PM).contentType("application/edi-x12").body(new byte[0]).post("/api/v1/claim-status")
                .then().statusCode(400).body("errors[0].field", equalTo("body"));
        post("/api/v1/acknowledgments", CALLER, file).statusCode(403);
        post("/api/v1/claim-status", CALLER, file).statusCode(403);
        assertThat(statusEvents(id)).isEmpty();
    }
}
