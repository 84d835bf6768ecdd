package com.ardesk.claims.remit;

import com.ardesk.claims.support.ClaimsInfra;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static com.ardesk.claims.support.ClaimFixtures.*;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
@ClaimsInfra
class RemittanceResourceTest {
    @Test
    void an835PostsPaymentsDenialsAndPlbAndAReplayChangesNothing() {
        payer("MCR-R");
        String paid = create("RM-PAID", "MCR-R", 40);
        String denied = create("RM-DENY", "MCR-R", 40);
        String file = Sample835.file("RM", "EFT-835-0001");

        String remittanceId = given().auth().oauth2(PM).contentType("application/edi-x12").body(file.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/v1/remittances").then().statusCode(201)
                .body("replayed", equalTo(false))
                .body("remittances[0].traceNumber", equalTo("EFT-835-0001"))
                .body("remittances[0].claims.result", equalTo(java.util.List.of("posted", "denied", "unmatched")))
                .body("remittances[0].providerAdjustments", hasSize(1))
                .extract().path("remittances[0].remittanceId");

        given().auth().oauth2(CALLER).get("/api/v1/claims/" + paid).then()
                .body("status", equalTo("PAID")).body("paidAmount", equalTo(200.0f)).body("balance", equalTo(0.0f))
                .body("patientResponsibility", equalTo(30.5f)).body("payerClaimControlNumber", equalTo("PCN0001"))
                .body("payments[0].reference", equalTo("EFT-835-0001")).body("payments[0].source", equalTo("835"));
        given().auth().oauth2(CALLER).get("/api/v1/claims/" + denied).then()
                .body("status", equalTo("DENIED")).body("denials[0].category", equalTo("AUTHORIZATION"));

        given().auth().oauth2(PM).contentType("application/edi-x12").body(file.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/v1/remittances").then().statusCode(200).body("replayed", equalTo(true))
                .body("remittances[0].remittanceId", equalTo(remittanceId));
        given().auth().oauth2(CALLER).get("/api/v1/claims/" + paid).then().body("payments", hasSize(1));

        given().auth().oauth2(CALLER).get("/api/v1/remittances/" + remittanceId).then().statusCode(200)
                .body("practiceId", equalTo(PRACTICE));
        given().auth().oauth2(OUTSIDER).get("/api/v1/remittances/" + remittanceId).then().statusCode(404);
        given().auth().oauth2(CALLER).get("/api/v1/remittances").then().statusCode(200)
                .body("items.remittanceId", org.hamcrest.Matchers.hasItem(remittanceId));
    }

    @Test
    void aLargeRemittancePostsEveryClaimInOrder() {
        payer("MCR-R");
        String matched = create("BIG-PAID", "MCR-R", 40);
        StringBuilder clps = new StringBuilder("CLP*BIG-PAID*1*280.50*200.00*30.50*12*PCN0001*11*1~\nCAS*CO*45*50.00~\nCAS*PR*2*30.50~\n");
        for (int i = 0; i < 20_000; i++) {
            clps.append("CLP*BIG-").append(i).append("*1*100.00*80.00*0*12*B").append(i).append("~\nCAS*CO*45*20.00~\n");
        }
        String file = Sample835.file("BIG", "BIG-TRACE").replaceFirst("CLP\\*BIG-PAID[\\s\\S]*?(?=PLB\\*)", clps.toString());

        given().auth().oauth2(PM).contentType("application/edi-x12").body(file.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/v1/remittances").then().statusCode(201)
                .body("remittances[0].claims", hasSize(20_001))
                .body("remittances[0].claims[0].claimId", equalTo(matched))
                .body("remittances[0].claims[0].result", equalTo("posted"))
                .body("remittances[0].claims[1].patientControlNumber", equalTo("BIG-0"))
                .body("remittances[0].claims[20000].patientControlNumber", equalTo("BIG-19999"))
                .body("remittances[0].claims[20000].result", equalTo("unmatched"));
        given().auth().oauth2(CALLER).get("/api/v1/claims/" + matched).then()
                .body("status", equalTo("PAID")).body("payments", hasSize(1));
    }

    @Test
    void an835OverTheBodyLimitIsA413ProblemAndPostsNothing() {
        byte[] tooLarge = new byte[10 * 1024 * 1024 + 1];
        java.util.Arrays.fill(tooLarge, (byte) '~');
        given().auth().oauth2(PM).contentType("application/edi-x12").body(tooLarge)
                .post("/api/v1/remittances").then().statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo("https://ardesk.dev/problems/payload-too-large"))
                .body("detail", equalTo("the request body is larger than 10485760 bytes"))
                .body("requestId", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void aReversalTakesBackAnEarlierPayment() {
        payer("MCR-R");
        String id = create("RV-PAID", "MCR-R", 40);
        given().auth().oauth2(PM).contentType("application/edi-x12").body(Sample835.file("RV", "T-FIRST").getBytes())
                .post("/api/v1/remittances").then().statusCode(201);
        String reversal = Sample835.file("RV", "T-REVERSAL").replace("CLP*RV-PAID*1*280.50*200.00*30.50", "CLP*RV-PAID*22*-280.50*-200.00*-30.50")
                .replace("CAS*CO*45*50.00", "CAS*CO*45*-50.00").replace("CAS*PR*2*30.50", "CAS*PR*2*-30.50");
        given().auth().oauth2(PM).contentType("application/edi-x12").body(reversal.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/v1/remittances").then().statusCode(201).body("remittances[0].claims[0].result", equalTo("reversed"));
        given().auth().oauth2(CALLER).get("/api/v1/claims/" + id).then()
                .body("paidAmount", equalTo(0.0f)).body("balance", equalTo(280.5f)).body("status", equalTo("IN_PROCESS"));
    }

    @Test
    void notAn835Is400AndChangesNothing() {
        given().auth().oauth2(PM).contentType("application/edi-x12").body("ISA*garbage".getBytes())
                .post("/api/v1/remittances").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("body"));
        given().auth().oauth2(PM).contentType("application/edi-x12").body(new byte[0])
                .post("/api/v1/remittances").then().statusCode(400);
        given().auth().oauth2(CALLER).contentType("application/edi-x12").body(Sample835.file("RM", "X").getBytes())
                .post("/api/v1/remittances").then().statusCode(403);
        given().auth().oauth2(PM).contentType("application/edi-x12").queryParam("practiceId", OTHER_PRACTICE)
                .body(Sample835.file("RM", "X").getBytes()).post("/api/v1/remittances").then().statusCode(404);
    }
}
