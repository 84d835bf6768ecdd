package com.ardesk.claims.contract;

import com.ardesk.claims.support.ClaimsInfra;
import com.ardesk.devstack.DevTokens;
import io.quarkus.test.junit.QuarkusTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.ardesk.claims.support.ClaimFixtures.*;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

/**
 * One contract test per class of bad input the service-kit refuses at its root (issue 17): each is a
 * problem+json with the request id, the right status, type and field, never a 500.
 */
@QuarkusTest
@ClaimsInfra
class InputHardeningTest {
    private static final String PROBLEM = "application/problem+json";
    private static final String VALIDATION = "https://ardesk.dev/problems/validation";

    private static ValidatableResponse problem(ValidatableResponse response, int status, String type) {
        return response.statusCode(status).contentType(PROBLEM).header("X-Request-Id", notNullValue())
                .body("type", equalTo(type)).body("status", equalTo(status));
    }

    private static Map<String, Object> claimBody() {
        return claim(PRACTICE, "H-1", "MCR-H", 10);
    }

    @Test
    void nulInAJsonStringIs400NamingTheField() {
        Map<String, Object> body = claimBody();
        Map<String, Object> patient = new HashMap<>((Map<String, Object>) body.get("patient"));
        patient.put("lastName", "A\u0000B");
        body.put("patient", patient);
        problem(given().auth().oauth2(PM).contentType(ContentType.JSON).body(body).post("/api/v1/claims").then(), 400, VALIDATION)
                .body("errors[0].field", equalTo("patient.lastName"));
    }

    @Test
    void nulInAQueryParameterOrPathIdIs400NamingIt() {
        problem(given().urlEncodingEnabled(false).auth().oauth2(CALLER).get("/api/v1/claims?practiceId=P100&payerId=%00")
                .then(), 400, VALIDATION).body("errors[0].field", equalTo("payerId"));
        problem(given().urlEncodingEnabled(false).auth().oauth2(CALLER).get("/api/v1/payers/%00").then(), 400, VALIDATION)
                .body("errors[0].field", equalTo("path"));
    }

    /**
     * Sends a request line as given: HTTP clients refuse to build these URIs, so the bytes are written
     * to a socket. Answers the status, the X-Request-Id header and the body.
     */
    private static String[] raw(String target, String requestId) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(30_000);
            String head = "GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nAuthorization: Bearer " + CALLER
                    + "\r\n" + (requestId == null ? "" : "X-Request-Id: " + requestId + "\r\n") + "\r\n";
            socket.getOutputStream().write(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            String status = answer.substring(9, 12);
            java.util.regex.Matcher id = java.util.regex.Pattern.compile("(?im)^x-request-id: *(\\S+)").matcher(answer);
            java.util.regex.Matcher type = java.util.regex.Pattern.compile("(?im)^content-type: *(\\S+)").matcher(answer);
            return new String[] {status, id.find() ? id.group(1) : null, type.find() ? type.group(1) : null,
                    answer.substring(answer.indexOf("\r\n\r\n") + 4)};
        }
    }

    @Test
    void aBrokenPercentEncodingIs400NamingTheParameterOrThePathWithTheRequestId() throws Exception {
        // Quarkus used to refuse these with an empty 400 before any filter ran (UriValidationSwitch)
        String[] query = raw("/api/v1/claims?practiceId=P100&cursor=%%%garbage", "pct-1");
        assertThat(query[0]).isEqualTo("400");
        assertThat(query[1]).isEqualTo("pct-1");
        assertThat(query[2]).startsWith(PROBLEM);
        Map<?, ?> body = new ObjectMapper().readValue(query[3], Map.class);
        assertThat(body.get("requestId")).isEqualTo("pct-1");
        assertThat(body.get("errors").toString()).contains("field=cursor", "message=has a broken percent-encoding");

        for (String path : List.of("/api/v1/claims/%%%garbage", "/api/v1/payers/%zz?limit=%")) {
            String[] answer = raw(path, null);
            assertThat(answer[0]).as(path).isEqualTo("400");
            assertThat(answer[1]).as(path).isNotBlank();
            assertThat(answer[2]).as(path).startsWith(PROBLEM);
            assertThat(answer[3]).as(path).contains("\"field\":\"path\"", "has a broken percent-encoding");
        }
        // a character java.net.URI refuses unencoded: the same check, the same kind of answer
        String[] brace = raw("/api/v1/claims?practiceId=P100&payerId=a{b}", null);
        assertThat(brace[0]).isEqualTo("400");
        assertThat(brace[3]).contains("\"field\":\"payerId\"", "must be percent-encoded");
    }

    @Test
    void aKeyGivenTwiceIs400NamingTheKey() {
        // a duplicated key cannot be built from a map: the raw text is the point of this test
        problem(given().auth().oauth2(PM).contentType(ContentType.JSON).body("{\"practiceId\":\"P100\",\"practiceId\":\"P101\"}")
                .post("/api/v1/claims").then(), 400, VALIDATION).body("errors[0].field", equalTo("practiceId"));
    }

    @Test
    void textAfterTheJsonDocumentIs400() throws Exception {
        // a valid claim followed by a stray brace: the raw text is the point of this test
        String body = new ObjectMapper().writeValueAsString(claimBody()) + "}";
        problem(given().auth().oauth2(PM).contentType(ContentType.JSON).body(body).post("/api/v1/claims").then(), 400, VALIDATION);
    }

    @Test
    void anUnparseableContentTypeIs415() {
        problem(given().config(RestAssured.config().encoderConfig(EncoderConfig.encoderConfig()
                        .encodeContentTypeAs("a/b/c", ContentType.TEXT)))
                .auth().oauth2(PM).contentType("a/b/c").body("{}").post("/api/v1/claims").then(),
                415, "https://ardesk.dev/problems/unsupported-media-type");
    }

    @Test
    void jsonInACharsetOtherThanUtf8Is415NamingContentType() throws Exception {
        // bytes, so the client sends them as they are instead of encoding them in the named charset
        problem(given().config(RestAssured.config().encoderConfig(EncoderConfig.encoderConfig()
                        .appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                .auth().oauth2(PM).header("Content-Type", "application/json; charset=ebcdic")
                .body(new ObjectMapper().writeValueAsBytes(claimBody())).post("/api/v1/claims").then(),
                415, "https://ardesk.dev/problems/unsupported-media-type").body("errors.field", hasItem("Content-Type"));
    }

    @Test
    void aDateOutsideTheSaneYearsIs400NamingTheField() {
        for (String date : List.of("-999999999-01-01", "1899-12-31", "2200-01-01")) {
            Map<String, Object> body = claimBody();
            body.put("serviceDateFrom", date);
            problem(given().auth().oauth2(PM).contentType(ContentType.JSON).body(body).post("/api/v1/claims").then(),
                    400, VALIDATION).body("errors.field", hasItem("serviceDateFrom"));
        }
        problem(given().auth().oauth2(CALLER).queryParam("practiceId", "P100").queryParam("asOf", "-999999999-01-01")
                .get("/api/v1/reports/ar-aging").then(), 400, VALIDATION);
    }

    @Test
    void linesWhoseTotalOverflowsAreRefusedNamingLines() {
        Map<String, Object> body = claimBody();
        List<Map<String, Object>> lines = (List<Map<String, Object>>) body.get("lines");
        List<Map<String, Object>> atMaximum = lines.stream().map(l -> {
            Map<String, Object> line = new HashMap<>(l);
            line.put("chargeAmount", new BigDecimal("999999999999.99"));
            return line;
        }).toList();
        body.put("lines", atMaximum);
        problem(given().auth().oauth2(PM).contentType(ContentType.JSON).body(body).post("/api/v1/claims").then(),
                400, VALIDATION).body("errors[0].field", equalTo("lines"));
    }

    @Test
    void aQueryValueOfTheWrongTypeIs400NamingTheParameter() {
        problem(given().auth().oauth2(CALLER).queryParam("limit", "ten").get("/api/v1/payers").then(), 400, VALIDATION)
                .body("errors[0].field", equalTo("limit"));
        problem(given().auth().oauth2(CALLER).queryParam("practiceId", "P100").queryParam("minBalance", "lots")
                .get("/api/v1/claims").then(), 400, VALIDATION).body("errors[0].field", equalTo("minBalance"));
        problem(given().auth().oauth2(CALLER).queryParam("practiceId", "P100").queryParam("denied", "maybe")
                .get("/api/v1/claims").then(), 400, VALIDATION).body("errors[0].field", equalTo("denied"));
    }

    @Test
    void aForeignCursorIs400NamingCursor() {
        for (String cursor : List.of("AAAA", "x", "MTIzNDU")) {
            problem(given().auth().oauth2(CALLER).queryParam("cursor", cursor).get("/api/v1/payers").then(), 400, VALIDATION)
                    .body("errors[0].field", equalTo("cursor"));
        }
    }

    @Test
    void anOverlongUriIs414AndOverlargeHeadersAre431() {
        problem(given().auth().oauth2(CALLER).queryParam("practiceId", "P".repeat(5000)).get("/api/v1/claims").then(),
                414, "https://ardesk.dev/problems/uri-too-long");
        problem(given().auth().oauth2(CALLER).header("X-Padding", "x".repeat(64 * 1024)).get("/api/v1/payers").then(),
                431, "https://ardesk.dev/problems/headers-too-large");
    }

    @Test
    void aChunkedBodyOverTheLimitIs413Problem() throws Exception {
        byte[] chunk = new byte[1024 * 1024];
        java.util.Arrays.fill(chunk, (byte) ' ');
        List<InputStream> parts = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            parts.add(new ByteArrayInputStream(chunk));
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/api/v1/claims/batch"))
                .header("Authorization", "Bearer " + PM).header("Content-Type", "application/json")
                .timeout(Duration.ofMinutes(2))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new SequenceInputStream(Collections.enumeration(parts))))
                .build();
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(PROBLEM);
        assertThat(response.body()).contains("https://ardesk.dev/problems/payload-too-large");
    }

    @Test
    void malformedTokensAre401() throws Exception {
        JwtClaims noSubject = DevTokens.claims("x", List.of("caller"), List.of(PRACTICE), DevTokens.ISSUER, Duration.ofHours(1));
        noSubject.unsetClaim("sub");
        JwtClaims future = DevTokens.claims("ann", List.of("caller"), List.of(PRACTICE), DevTokens.ISSUER, Duration.ofHours(1));
        future.setIssuedAt(NumericDate.fromSeconds(System.currentTimeMillis() / 1000 + 365L * 86400));
        JwtClaims groupsString = DevTokens.claims("ann", List.of("caller"), List.of(PRACTICE), DevTokens.ISSUER, Duration.ofHours(1));
        groupsString.setClaim("groups", "admin");
        JwtClaims noPractices = DevTokens.claims("ann", List.of("caller"), List.of(PRACTICE), DevTokens.ISSUER, Duration.ofHours(1));
        noPractices.unsetClaim("practices");
        for (JwtClaims claims : List.of(noSubject, future, groupsString, noPractices)) {
            problem(given().auth().oauth2(DevTokens.sign(claims)).get("/api/v1/payers").then(), 401,
                    "https://ardesk.dev/problems/unauthenticated");
        }
    }

    @Test
    void twoAuthorizationHeadersAre400() {
        problem(given().header("Authorization", "Bearer " + CALLER).header("Authorization", "Bearer " + ADMIN)
                .get("/api/v1/payers").then(), 400, VALIDATION).body("errors[0].field", equalTo("Authorization"));
    }
}
