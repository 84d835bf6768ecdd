package com.ardesk.claims.support;

import com.ardesk.devstack.DevTokens;
import io.restassured.http.ContentType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(Map.of("name", payerId, "phone", "+1-800-555-0100",
                        "timelyFilingDays", 365, "timelyFilingBasis", "SERVICE_DATE", "appealWindowDays", 120,
                        "promiseGraceDays", 5, "effectiveFrom", "2000-01-01"))
                .put("/api/v1/payers/" + payerId).then().statusCode(org.hamcrest.Matchers.anyOf(
                        org.hamcrest.Matchers.is(200), org.hamcrest.Matchers.is(201)));
    }

    /**
     * A valid claim: two lines, $185.00 + $95.50 = $280.50, serviced {@code daysAgo} days ago. A
     * mutable JSON tree (maps and lists), so a test changes one field by name ({@link #line}) instead
     * of rewriting text; REST Assured sends it as JSON. The second line's charge is a JSON string on
     * purpose: the API accepts money as a number or a decimal string.
     */
    public static Map<String, Object> claim(String practiceId, String externalId, String payerId, int daysAgo) {
        String service = today().minusDays(daysAgo).toString();
        return object("practiceId", practiceId, "externalClaimId", externalId,
                "patient", object("accountNumber", "ACC-" + externalId, "firstName", "Maria", "lastName", "Lopez",
                        "dateOfBirth", "1961-04-17"),
                "payerId", payerId, "providerNpi", "1234567893",
                "serviceDateFrom", service, "serviceDateTo", service, "submittedOn", service,
                "lines", new ArrayList<>(List.of(
                        object("procedureCode", "99214", "modifiers", List.of("25"), "units", 1,
                                "chargeAmount", new BigDecimal("185.00"), "diagnosisCodes", List.of("E11.9", "I10")),
                        object("procedureCode", "G0439", "modifiers", List.of(), "units", 1,
                                "chargeAmount", "95.50", "diagnosisCodes", List.of("Z00.00")))));
    }

    /** Line {@code index} of a {@link #claim}, to change its fields. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> line(Map<String, Object> claim, int index) {
        return ((List<Map<String, Object>>) claim.get("lines")).get(index);
    }

    /** A JSON object that keeps its field order and may be changed: name, value, name, value… */
    public static Map<String, Object> object(Object... namesAndValues) {
        Map<String, Object> object = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            object.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return object;
    }

    /** Creates a claim through the API and answers its id. */
    public static String create(String externalId, String payerId, int daysAgo) {
        return given().auth().oauth2(PM).contentType(ContentType.JSON).body(claim(PRACTICE, externalId, payerId, daysAgo))
                .post("/api/v1/claims").then().statusCode(201).extract().path("claimId");
    }
}
