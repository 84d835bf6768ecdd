package com.ardesk.claims.support;

import com.ardesk.devstack.DevTokens;
import io.restassured.http.ContentType;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static io.restassured.RestAssured.given;

/** Tokens and request bodies the claims tests share. */
public final class ClaimFixtures {
    public static final String PRACTICE = "P100";
    public static final String OTHER_PRACTICE = "P900";
    public static final String ADMIN = DevTokens.token("admin-1", List.of("admin"), List.of(PRACTICE));
    public static final String PM = DevTokens.token("pm-sync", List.of("integration"), List.of(PRACTICE));
    public static final String CALLER = DevTokens.token("caller-1", List.of("caller"), List.of(PRACTICE));
    public static final String SUPERVISOR = DevTokens.token("sup-1", List.of("supervisor"), List.of(PRACTICE));
    public static final String OUTSIDER = DevTokens.token("caller-9", List.of("caller", "integration"), List.of(OTHER_PRACTICE));

    private ClaimFixtures() {
    }

    public static LocalDate today() {
        return LocalDate.now(ZoneId.of("America/New_York"));
    }

    /** Medicare-like payer: 365 days timely filing, 120-day appeal window. */
    public static void payer(String payerId) {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("""
                {"name":"%s","phone":"+1-800-555-0100","timelyFilingDays":365,"timelyFilingBasis":"SERVICE_DATE",
                 "appealWindowDays":120,"promiseGraceDays":5,"effectiveFrom":"2000-01-01"}""".formatted(payerId))
                .put("/api/v1/payers/" + payerId).then().statusCode(org.hamcrest.Matchers.anyOf(
                        org.hamcrest.Matchers.is(200), org.hamcrest.Matchers.is(201)));
    }

    /** A valid claim: two lines, $185.00 + $95.50 = $280.50, serviced {@code daysAgo} days ago. */
    public static String claim(String practiceId, String externalId, String payerId, int daysAgo) {
        LocalDate service = today().minusDays(daysAgo);
        return """
                {"practiceId":"%s","externalClaimId":"%s",
                 "patient":{"accountNumber":"ACC-%s","firstName":"Maria","lastName":"Lopez","dateOfBirth":"1961-04-17"},
                 "payerId":"%s","providerNpi":"1234567893","serviceDateFrom":"%s","serviceDateTo":"%s","submittedOn":"%s",
                 "lines":[{"procedureCode":"99214","modifiers":["25"],"units":1,"chargeAmount":185.00,"diagnosisCodes":["E11.9","I10"]},
                          {"procedureCode":"G0439","modifiers":[],"units":1,"chargeAmount":"95.50","diagnosisCodes":["Z00.00"]}]}"""
                .formatted(practiceId, externalId, externalId, payerId, service, service, service);
    }

    /** Creates a claim through the API and answers its id. */
    public static String create(String externalId, String payerId, int daysAgo) {
        return given().auth().oauth2(PM).contentType(ContentType.JSON).body(claim(PRACTICE, externalId, payerId, daysAgo))
                .post("/api/v1/claims").then().statusCode(201).extract().path("claimId");
    }
}
