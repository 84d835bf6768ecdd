package com.ardesk.claims.remit;

import com.ardesk.claims.support.ClaimsInfra;
import com.ardesk.devstack.DevTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.ardesk.claims.support.ClaimFixtures.*;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
@ClaimsInfra
class RemittanceResourceTest {
    /** The integration client of the other practice. */
    static final String PM_OTHER = DevTokens.token("pm-sync-9", List.of("integration"), List.of(OTHER_PRACTICE));
    static final String ADMIN_BOTH = DevTokens.token("admin-both", List.of("admin"), List.of(PRACTICE, OTHER_PRACTICE));
    static final String PM_BOTH = DevTokens.token("pm-sync-both", List.of("integration"), List.of(PRACTICE, OTHER_PRACTICE));

    @Inject
    AgroalDataSource dataSource;

    static ValidatableResponse post(String token, String file) {
        return given().auth().oauth2(token).contentType("application/edi-x12").body(file.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/remittances").then();
    }

    /** A claim of one $amount line, created by {@code token} in {@code practice}. */
    static String claim(String token, String practice, String externalId, String payerId, String amount) {
        String service = today().minusDays(30).toString();
        Map<String, Object> body = Map.of("practiceId", practice, "externalClaimId", externalId,
                "patient", Map.of("accountNumber", "ACC-" + externalId, "firstName", "Maria", "lastName", "Lopez", "dateOfBirth", "1961-04-17"),
                "payerId", payerId, "providerNpi", "1234567893", "serviceDateFrom", service, "serviceDateTo", service, "submittedOn", service,
                "lines", List.of(Map.of("procedureCode", "99214", "modifiers", List.of(), "units", 1, "chargeAmount", new BigDecimal(amount),
                        "diagnosisCodes", List.of("E11.9"))));
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/api/v1/claims").then().statusCode(201)
                .extract().path("claimId");
    }

    static BigDecimal money(String claimId, String field) {
        return new BigDecimal(given().auth().oauth2(ADMIN_BOTH).get("/api/v1/claims/" + claimId).then().extract().jsonPath().getString(field));
    }

    List<String> eventTypes(String claimId) throws Exception {
        List<String> types = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select type from outbox_event where aggregateid = ? order by seq")) {
            s.setString(1, claimId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    types.add(rs.getString(1));
                }
            }
        }
        return types;
    }

    @Test
    void an835PostsPaymentsDenialsAndPlbAndAReplayChangesNothing() throws Exception {
        payer("MCR-R");
        String paid = create("RM-PAID", "MCR-R", 40);
        String denied = create("RM-DENY", "MCR-R", 40);
        String file = Sample835.file("RM", "EFT-835-0001");

        String remittanceId = post(PM, file).statusCode(201)
                .body("replayed", equalTo(false))
                .body("remittances[0].practiceId", equalTo(PRACTICE))
                .body("remittances[0].traceNumber", equalTo("EFT-835-0001"))
                .body("remittances[0].claims.result", equalTo(List.of("posted", "denied", "unmatched")))
                .body("remittances[0].claims.needsReview", equalTo(List.of(false, false, false)))
                .body("remittances[0].providerAdjustments", hasSize(1))
                .body("remittances[0].flags", empty())
                .extract().path("remittances[0].remittanceId");

        given().auth().oauth2(CALLER).get("/api/v1/claims/" + paid).then()
                .body("status", equalTo("PAID")).body("payerClaimControlNumber", equalTo("PCN0001"))
                .body("payments[0].reference", equalTo("EFT-835-0001")).body("payments[0].source", equalTo("835"));
        assertThat(money(paid, "paidAmount")).isEqualByComparingTo("200.00");
        assertThat(money(paid, "balance")).isEqualByComparingTo("0.00");
        assertThat(money(paid, "patientResponsibility")).isEqualByComparingTo("30.50");
        assertThat(eventTypes(paid)).contains("ClaimPaymentPosted", "ClaimChanged");
        given().auth().oauth2(CALLER).get("/api/v1/claims/" + denied).then()
                .body("status", equalTo("DENIED")).body("denials[0].category", equalTo("AUTHORIZATION"));
        assertThat(eventTypes(denied)).contains("ClaimDenied", "ClaimChanged");

        post(PM, file).statusCode(200).body("replayed", equalTo(true))
                .body("remittances[0].remittanceId", equalTo(remittanceId));
        given().auth().oauth2(CALLER).get("/api/v1/claims/" + paid).then().body("payments", hasSize(1));

        given().auth().oauth2(CALLER).get("/api/v1/remittances/" + remittanceId).then().statusCode(200)
                .body("practiceId", equalTo(PRACTICE)).body("claims", hasSize(3));
        given().auth().oauth2(OUTSIDER).get("/api/v1/remittances/" + remittanceId).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(CALLER).get("/api/v1/remittances").then().statusCode(200)
                .body("items.remittanceId", hasItem(remittanceId));
        given().auth().oauth2(CALLER).get("/api/v1/remittances/not-a-uuid").then().statusCode(404);
    }

    @Test
    void theSamePaymentReSentWithCrlfOrNewControlNumbersIsAReplay() {
        payer("MCR-R");
        String paid = create("RS-PAID", "MCR-R", 40);
        String file = Sample835.file("RS", "EFT-RESEND");
        post(PM, file).statusCode(201);

        post(PM, file.replace("\n", "\r\n")).statusCode(200).body("replayed", equalTo(true));
        String newEnvelope = file.replace("000000101", "000000555").replace("*101*X*", "*555*X*").replace("GE*1*101", "GE*1*555")
                .replace("ST*835*0001", "ST*835*7777").replace("SE*21*0001", "SE*21*7777");
        post(PM, newEnvelope).statusCode(200).body("replayed", equalTo(true));

        given().auth().oauth2(CALLER).get("/api/v1/claims/" + paid).then().body("payments", hasSize(1));
        assertThat(money(paid, "paidAmount")).isEqualByComparingTo("200.00");
    }

    @Test
    void aReplayAnswersOnlyThePracticesOwnResult() {
        payer("MCR-R");
        String mine = create("XT-PAID", "MCR-R", 40);
        String theirs = claim(PM_OTHER, OTHER_PRACTICE, "XT-PAID", "MCR-R", "280.50");
        String file = Sample835.file("XT", "EFT-CROSS");

        String first = post(PM, file).statusCode(201).extract().path("remittances[0].remittanceId");
        post(PM_OTHER, file).statusCode(201).body("replayed", equalTo(false))
                .body("remittances[0].practiceId", equalTo(OTHER_PRACTICE))
                .body("remittances[0].remittanceId", org.hamcrest.Matchers.not(equalTo(first)))
                .body("remittances[0].claims[0].claimId", equalTo(theirs))
                .body("remittances[0].claims[0].result", equalTo("posted"));

        assertThat(money(mine, "paidAmount")).isEqualByComparingTo("200.00");
        assertThat(money(theirs, "paidAmount")).isEqualByComparingTo("200.00");
        given().auth().oauth2(PM_OTHER).get("/api/v1/remittances/" + first).then().statusCode(404);
    }

    @Test
    void aTokenOfSeveralPracticesPostsToThePracticeTheClaimsMatchOrMustSayWhich() {
        payer("MCR-R");
        String theirs = claim(PM_OTHER, OTHER_PRACTICE, "MP-PAID", "MCR-R", "280.50");
        post(PM_BOTH, Sample835.file("MP", "EFT-MULTI")).statusCode(201)
                .body("remittances[0].practiceId", equalTo(OTHER_PRACTICE))
                .body("remittances[0].claims[0].claimId", equalTo(theirs));

        post(PM_BOTH, Sample835.file("NOBODY", "EFT-NOBODY")).statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("practiceId"));
        given().auth().oauth2(ADMIN).get("/api/v1/remittances").then().body("items.traceNumber", org.hamcrest.Matchers.not(hasItem("EFT-NOBODY")));
    }

    @Test
    void twoTransactionsSharingATraceNumberBothPost() {
        payer("MCR-R");
        String a = create("TW-PAID", "MCR-R", 40);
        String b = create("TW-OTHER", "MCR-R", 40);
        String file = Sample835.file("TW", "EFT-SHARED");
        int st = file.indexOf("ST*835");
        int ge = file.indexOf("GE*1*101");
        String second = file.substring(st, ge).replace("ST*835*0001", "ST*835*0002").replace("SE*21*0001", "SE*21*0002")
                .replace("TW-PAID", "TW-OTHER");
        String two = file.substring(0, ge) + second + "GE*2*101" + file.substring(ge + "GE*1*101".length());

        post(PM, two).statusCode(201).body("remittances", hasSize(2))
                .body("remittances.traceNumber", equalTo(List.of("EFT-SHARED", "EFT-SHARED")))
                .body("remittances[0].claims[0].claimId", equalTo(a))
                .body("remittances[1].claims[0].claimId", equalTo(b));
        assertThat(money(a, "paidAmount")).isEqualByComparingTo("200.00");
        assertThat(money(b, "paidAmount")).isEqualByComparingTo("200.00");
    }

    @Test
    void aSecondaryPaymentWithOa23IsPaidNotDenied() {
        payer("SEC-1");
        String id = claim(PM, PRACTICE, "OA-SEC", "SEC-1", "800.00");
        String file = Sample835.file("OA", "EFT-OA23").replace("REF*2U*MCR-R", "REF*2U*SEC-1")
                .replace("CLP*OA-PAID*1*280.50*200.00*30.50*12*PCN0001*11*1~\nCAS*CO*45*50.00~\nCAS*PR*2*30.50",
                        "CLP*OA-SEC*2*800.00*100.00*0*12*PCN0009~\nCAS*OA*23*700.00");
        post(PM, file.replace("SE*21", "SE*20").replace("BPR*I*450.00", "BPR*I*350.00")).statusCode(201)
                .body("remittances[0].claims[0].result", equalTo("posted"))
                .body("remittances[0].flags", empty());

        given().auth().oauth2(CALLER).get("/api/v1/claims/" + id).then().body("status", equalTo("PAID")).body("denials", empty());
        assertThat(money(id, "balance")).isEqualByComparingTo("0.00");
        assertThat(money(id, "paidAmount")).isEqualByComparingTo("100.00");
    }

    @Test
    void aDeniedClaimWithACarcOutsideTheTableIsDeniedAsOther() {
        payer("MCR-R");
        String id = create("DN-DENY", "MCR-R", 40);
        post(PM, Sample835.file("DN", "EFT-DN119").replace("CAS*CO*197*280.50", "CAS*CO*119*280.50")).statusCode(201)
                .body("remittances[0].claims[1].result", equalTo("denied"));
        given().auth().oauth2(CALLER).get("/api/v1/claims/" + id).then().body("status", equalTo("DENIED"))
                .body("denials[0].category", equalTo("OTHER")).body("denials[0].reasonCode", equalTo("119"));
    }

    @Test
    void thePublicSecondaryPaymentSamplePostsEachClaimExactly() {
        payer("SEC-2");
        String first = claim(PM, PRACTICE, "L0004828311", "SEC-2", "10323.64");
        String second = claim(PM, PRACTICE, "0001000053", "SEC-2", "751.50");

        post(PM, Sample835.resource("835/secondary-payment.835")).statusCode(201)
                .body("remittances[0].claims.result", equalTo(List.of("posted", "posted")))
                .body("remittances[0].flags.code", equalTo(List.of("PAYER_MISMATCH", "PAYER_MISMATCH")));

        given().auth().oauth2(CALLER).get("/api/v1/claims/" + first).then().body("status", equalTo("PAID"));
        assertThat(money(first, "paidAmount")).isEqualByComparingTo("912.00");
        assertThat(money(first, "adjustmentAmount")).isEqualByComparingTo("9411.64");
        assertThat(money(first, "balance")).isEqualByComparingTo("0.00");
        given().auth().oauth2(CALLER).get("/api/v1/claims/" + second).then().body("status", equalTo("PAID"));
        assertThat(money(second, "paidAmount")).isEqualByComparingTo("310.00");
        assertThat(money(second, "patientResponsibility")).isEqualByComparingTo("220.00");
        assertThat(money(second, "adjustmentAmount")).isEqualByComparingTo("221.50");
    }

    @Test
    void thePublicManagedCareSamplePostsWithItsUnreadableBpr16Flagged() {
        payer("RUSHMORE");
        String first = claim(PM, PRACTICE, "5554555444", "RUSHMORE", "800.00");

        post(PM, Sample835.resource("835/managed-care.835")).statusCode(201)
                .body("remittances[0].paymentDate", org.hamcrest.Matchers.nullValue())
                // the sample names its payer only as "RUSHMORE LIFE": the claim's payer id differs, which is flagged
                .body("remittances[0].flags.code", equalTo(List.of("READ_WARNING", "PAYER_MISMATCH")))
                .body("remittances[0].flags[0].detail", containsString("BPR16"))
                .body("remittances[0].claims.result", equalTo(List.of("posted", "unmatched")));
        assertThat(money(first, "paidAmount")).isEqualByComparingTo("450.00");
        assertThat(money(first, "patientResponsibility")).isEqualByComparingTo("300.00");
    }

    @Test
    void unbalancedAndPayerMismatchAreFlagged() {
        payer("MCR-R");
        payer("OTHER-P");
        String id = claim(PM, PRACTICE, "FL-PAID", "OTHER-P", "280.50");
        post(PM, Sample835.file("FL", "EFT-FLAGS").replace("BPR*I*450.00", "BPR*I*999.00")).statusCode(201)
                .body("remittances[0].flags.code", equalTo(List.of("UNBALANCED", "PAYER_MISMATCH")))
                .body("remittances[0].claims[0].claimId", equalTo(id))
                .body("remittances[0].claims[0].needsReview", equalTo(true));
    }

    @Test
    void aReversalTakesBackAnEarlierPayment() {
        payer("MCR-R");
        String id = create("RV-PAID", "MCR-R", 40);
        post(PM, Sample835.file("RV", "T-FIRST")).statusCode(201);
        String reversal = Sample835.file("RV", "T-REVERSAL").replace("CLP*RV-PAID*1*280.50*200.00*30.50", "CLP*RV-PAID*22*-280.50*-200.00*-30.50")
                .replace("CAS*CO*45*50.00", "CAS*CO*45*-50.00").replace("CAS*PR*2*30.50", "CAS*PR*2*-30.50");
        post(PM, reversal).statusCode(201).body("remittances[0].claims[0].result", equalTo("reversed"));
        given().auth().oauth2(CALLER).get("/api/v1/claims/" + id).then().body("status", equalTo("IN_PROCESS"));
        assertThat(money(id, "paidAmount")).isEqualByComparingTo("0.00");
        assertThat(money(id, "balance")).isEqualByComparingTo("280.50");

        // a second reversal of the same payment has nothing left to reverse
        post(PM, reversal.replace("T-REVERSAL", "T-REVERSAL-2")).statusCode(201)
                .body("remittances[0].claims[0].result", equalTo("rejected"))
                .body("remittances[0].claims[0].needsReview", equalTo(true))
                .body("remittances[0].flags.code", hasItem("REVERSAL_WITHOUT_ORIGINAL"));
        assertThat(money(id, "paidAmount")).isEqualByComparingTo("0.00");
    }

    @Test
    void aReversalWithoutAnEarlierPaymentGoesNowhereNegative() {
        payer("MCR-R");
        String id = create("RN-PAID", "MCR-R", 40);
        String reversal = Sample835.file("RN", "T-ORPHAN").replace("CLP*RN-PAID*1*280.50*200.00*30.50", "CLP*RN-PAID*22*-280.50*-200.00*-30.50")
                .replace("CAS*CO*45*50.00", "CAS*CO*45*-50.00").replace("CAS*PR*2*30.50", "CAS*PR*2*-30.50");
        post(PM, reversal).statusCode(201)
                .body("remittances[0].claims[0].result", equalTo("rejected"))
                .body("remittances[0].claims[0].needsReview", equalTo(true))
                .body("remittances[0].flags.code", hasItem("REVERSAL_WITHOUT_ORIGINAL"));
        assertThat(money(id, "paidAmount")).isEqualByComparingTo("0.00");
        assertThat(money(id, "patientResponsibility")).isEqualByComparingTo("0.00");
        given().auth().oauth2(CALLER).get("/api/v1/claims/" + id).then().body("payments", empty());
    }

    @Test
    void oneClaimIdForDifferentPatientsIsFlaggedAndOnlyTheClaimsPatientIsPosted() {
        payer("MCR-R");
        String id = create("DP-PAID", "MCR-R", 40);
        String file = Sample835.file("DP", "EFT-DUP").replace("NM1*QC*1*LEE*ANN", "NM1*QC*1*LOPEZ*MARIA")
                .replace("CLP*DP-NONE*1*100.00*100.00*0*12*PCN0003", "CLP*DP-PAID*1*100.00*100.00*0*12*PCN0003~\nNM1*QC*1*DOE*JOHN")
                .replace("SE*21", "SE*22");
        post(PM, file).statusCode(201)
                .body("remittances[0].claims.result", equalTo(List.of("posted", "unmatched", "rejected")))
                .body("remittances[0].claims[2].needsReview", equalTo(true))
                .body("remittances[0].flags.code", hasItem("DUPLICATE_CLAIM_ID"));
        assertThat(money(id, "paidAmount")).isEqualByComparingTo("200.00");
    }

    @Test
    void envelopeErrorsAre400ProblemsNamingSegmentAndElementAndPostNothing() {
        payer("MCR-R");
        String id = create("EV-PAID", "MCR-R", 40);
        String file = Sample835.file("EV", "EFT-ENV");
        post(PM, file.replace("SE*21*0001", "SE*25*0001")).statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("body")).body("errors[0].message", containsString("segment 23 SE01"));
        post(PM, file.replace("SE*21*0001", "SE*21*0002")).statusCode(400)
                .body("errors[0].message", containsString("segment 23 SE02"));
        post(PM, file.replace("IEA*1*000000101", "IEA*1*000000999")).statusCode(400)
                .body("errors[0].message", containsString("IEA02"));
        post(PM, file.substring(0, file.indexOf("PLB"))).statusCode(400)
                .body("errors[0].message", containsString("truncated"));
        given().auth().oauth2(CALLER).get("/api/v1/claims/" + id).then().body("payments", empty());
    }

    @Test
    void anAmountBeyondNumeric14x2Is422NamingTheSegment() {
        payer("MCR-R");
        String id = create("OV-PAID", "MCR-R", 40);
        post(PM, Sample835.file("OV", "EFT-OVER").replace("CLP*OV-PAID*1*280.50*200.00", "CLP*OV-PAID*1*1000000000000.00*200.00"))
                .statusCode(422).contentType("application/problem+json")
                .body("errors[0].message", containsString("segment 13 CLP03"));
        post(PM, Sample835.file("OV", "EFT-OVER").replace("CAS*CO*45*50.00", "CAS*CO*45*50.005"))
                .statusCode(422).body("errors[0].message", containsString("segment 14 CAS03"));
        given().auth().oauth2(CALLER).get("/api/v1/claims/" + id).then().body("payments", empty());
    }

    @Test
    void lenientWhereTheMeaningIsUnambiguous() {
        payer("MCR-R");
        String id = create("LN-PAID", "MCR-R", 40);
        String file = Sample835.file("LN", "EFT-LENIENT");
        String unpadded = file.replace("ISA*00*          *00*          *ZZ*5010TEST       *ZZ*ARDESK         *", "ISA*00**00**ZZ*5010TEST*ZZ*ARDESK*");
        post(PM, "\uFEFFSFTP transfer log line\r\n\r\n" + unpadded.replace("~\n", "~\n\n")).statusCode(201)
                .body("remittances[0].claims[0].result", equalTo("posted"))
                .body("remittances[0].flags.code", equalTo(List.of("READ_WARNING", "READ_WARNING")));
        assertThat(money(id, "paidAmount")).isEqualByComparingTo("200.00");
    }

    @Test
    void an835OverTheBodyLimitIsA413ProblemAndPostsNothing() {
        // the test profile's limit is 12M (512M by default); Content-Length says it before any byte is read
        byte[] tooLarge = new byte[12 * 1024 * 1024 + 1];
        java.util.Arrays.fill(tooLarge, (byte) '~');
        given().auth().oauth2(PM).contentType("application/edi-x12").body(tooLarge)
                .post("/api/v1/remittances").then().statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo("https://ardesk.dev/problems/payload-too-large"))
                .body("detail", equalTo("the request body is larger than 12582912 bytes"))
                .body("requestId", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void notAn835Is400AndChangesNothing() {
        post(PM, "ISA*garbage").statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("body"));
        given().auth().oauth2(PM).contentType("application/edi-x12").body(new byte[0])
                .post("/api/v1/remittances").then().statusCode(400).body("errors[0].field", equalTo("body"));
        post(PM, Sample835.file("RM", "X").replace("ST*835", "ST*837")).statusCode(400)
                .body("errors[0].message", containsString("segment 3 ST01"));
        post(CALLER, Sample835.file("RM", "X")).statusCode(403);
        given().auth().oauth2(PM).contentType("application/edi-x12").queryParam("practiceId", OTHER_PRACTICE)
                .body(Sample835.file("RM", "X").getBytes(StandardCharsets.UTF_8)).post("/api/v1/remittances").then().statusCode(404);
    }
}
