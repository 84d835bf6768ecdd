package com.ardesk.gateway.routing;

import com.ardesk.gateway.support.Tokens;
import com.ardesk.gateway.support.WithStubUpstreams;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
@WithStubUpstreams
class ProxyRoutingTest {

    @ParameterizedTest
    @CsvSource({
            "/api/v1/claims/c-1, claims",
            "/api/v1/claims, claims",
            "/api/v1/payers/p-1, claims",
            "/api/v1/remittances, claims",
            "/api/v1/acknowledgments, claims",
            "/api/v1/claim-status, claims",
            "/api/v1/practices/P1/claims/E-1, claims",
            "/api/v1/reports/ar-aging, claims",
            "/api/v1/reports/kpis, claims",
            "/api/v1/calls/k-1, calls",
            "/api/v1/promises, calls",
            "/api/v1/payment-plans, calls",
            "/api/v1/call-scripts/match, calls",
            "/api/v1/reports/calls, calls",
            "/api/v1/worklists/me, followup",
            "/api/v1/followups, followup",
            "/api/v1/prep/c-1, followup",
            "/api/v1/timeline/c-1, followup"})
    void routesByPathPrefix(String path, String service) {
        given().header("Authorization", Tokens.bearer("supervisor"))
                .when().get(path + "?practiceId=P1")
                .then().statusCode(200)
                .header("X-Upstream", service)
                .body("service", org.hamcrest.Matchers.equalTo(service))
                .body("uri", org.hamcrest.Matchers.equalTo(path + "?practiceId=P1"));
    }

    @Test
    void unknownPathIsProblem404() {
        given().header("Authorization", Tokens.bearer("caller"))
                .when().get("/api/v1/nothing-here")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", org.hamcrest.Matchers.equalTo(404))
                .body("type", org.hamcrest.Matchers.equalTo("https://ardesk.dev/problems/not-found"));
    }

    @Test
    void prefixMatchesWholeSegmentsOnly() {
        given().header("Authorization", Tokens.bearer("caller"))
                .when().get("/api/v1/claimsx")
                .then().statusCode(404);
    }

    @Test
    void dotSegmentsCannotEscapeTheRoute() {
        given().header("Authorization", Tokens.bearer("caller"))
                .urlEncodingEnabled(false)
                .when().get("/api/v1/claims/../calls/k-1")
                .then().statusCode(200)
                .body("service", org.hamcrest.Matchers.equalTo("calls"))
                .body("uri", org.hamcrest.Matchers.equalTo("/api/v1/calls/k-1"));
    }

    @Test
    void headersPassBothWaysAndHopByHopHeadersAreDropped() {
        String token = Tokens.bearer("caller");
        Response response = given()
                .header("Authorization", token)
                .header("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
                .header("tracestate", "ardesk=1")
                .header("Idempotency-Key", "k-123")
                .header("If-Match", "\"v1\"")
                .header("X-Request-Id", "req-abc.1")
                .header("Connection", "keep-alive, X-Drop-Me")
                .header("X-Drop-Me", "secret")
                .header("Proxy-Authorization", "Basic Zm9vOmJhcg==")
                .header("TE", "trailers")
                .contentType("application/json")
                .body("{\"a\":1}")
                .when().post("/api/v1/calls?status=201")
                .then().statusCode(201)
                .header("X-Request-Id", "req-abc.1")
                .extract().response();

        assertThat(response.path("headers.authorization").toString()).isEqualTo(token);
        assertThat(response.path("headers.traceparent").toString())
                .isEqualTo("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        assertThat(response.path("headers.tracestate").toString()).isEqualTo("ardesk=1");
        assertThat(response.path("headers.idempotency-key").toString()).isEqualTo("k-123");
        assertThat(response.path("headers.if-match").toString()).isEqualTo("\"v1\"");
        assertThat(response.path("headers.x-request-id").toString()).isEqualTo("req-abc.1");
        assertThat(response.path("headers.content-type").toString()).isEqualTo("application/json");
        assertThat(response.path("headers.x-forwarded-for").toString()).isNotBlank();
        assertThat(response.<Object>path("headers.x-drop-me")).isNull();
        assertThat(response.<Object>path("headers.proxy-authorization")).isNull();
        assertThat(response.<Object>path("headers.te")).isNull();
        assertThat(response.<Integer>path("bodyBytes")).isEqualTo(7);

        assertThat(response.headers().getValues("X-Request-Id")).containsExactly("req-abc.1");
        assertThat(response.header("X-Upstream")).isEqualTo("calls");
        assertThat(response.header("Keep-Alive")).isNull();
        assertThat(response.header("X-Secret-Hop")).isNull();
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.header("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void locationNamesTheGatewayNotTheService() {
        String location = given().header("Authorization", Tokens.bearer("caller"))
                .contentType("application/json").body("{}")
                .when().post("/api/v1/claims?status=201&created=c-42")
                .then().statusCode(201)
                .extract().header("Location");
        assertThat(location).matches("http://localhost:\\d+/api/v1/claims/c-42")
                .doesNotContain(ConfigProvider.getConfig().getValue("stub.direct.claims", String.class));
    }

    @Test
    void servicesCacheControlIsKept() {
        given().header("Authorization", Tokens.bearer("caller"))
                .when().get("/api/v1/payers?cache=private")
                .then().statusCode(200)
                .header("Cache-Control", "private, max-age=60");
    }

    @Test
    void forwardedForNamesTheClientOnce() {
        given().header("Authorization", Tokens.bearer("caller"))
                .header("X-Forwarded-For", "203.0.113.50")
                .when().get("/api/v1/payers")
                .then().statusCode(200)
                .body("headers.x-forwarded-for", org.hamcrest.Matchers.equalTo("203.0.113.50, 127.0.0.1"));
    }

    @Test
    void upstreamStatusPassesThrough() {
        given().header("Authorization", Tokens.bearer("caller"))
                .when().get("/api/v1/promises?status=409")
                .then().statusCode(409)
                .header("X-Upstream", "calls");
    }

    @Test
    void requestIdIsGeneratedWhenMissingAndForwarded() {
        Response response = given().header("Authorization", Tokens.bearer("caller"))
                .when().get("/api/v1/timeline/c-9")
                .then().statusCode(200).extract().response();
        String id = response.header("X-Request-Id");
        assertThat(id).isNotBlank();
        assertThat(response.path("headers.x-request-id").toString()).isEqualTo(id);
    }

    @Test
    void insaneRequestIdIsReplaced() {
        String id = given().header("Authorization", Tokens.bearer("caller"))
                .header("X-Request-Id", "bad id with spaces")
                .when().get("/api/v1/timeline/c-9")
                .then().statusCode(200).extract().header("X-Request-Id");
        assertThat(id).isNotEqualTo("bad id with spaces").matches("[0-9a-f-]{36}");
    }

    @Test
    void twentyMegabyteUploadStreamsThrough() throws Exception {
        byte[] body = new byte[20 * 1024 * 1024];
        new Random(42).nextBytes(body);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));

        given().header("Authorization", Tokens.bearer("integration"))
                .contentType("application/json")
                .body(body)
                .when().post("/api/v1/claims/batch")
                .then().statusCode(200)
                .body("bodyBytes", org.hamcrest.Matchers.equalTo(body.length))
                .body("sha256", org.hamcrest.Matchers.equalTo(sha));
    }

    @Test
    void an835UploadTakesTheStreamedLimitNotTheBulkOne() throws Exception {
        // the test profile gives 835s 2 MiB: more than the default 1 MiB, less than the bulk 32 MiB
        byte[] body = new byte[(int) (1.5 * 1024 * 1024)];
        new Random(7).nextBytes(body);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        given().header("Authorization", Tokens.bearer("integration"))
                .contentType("application/edi-x12")
                .body(body)
                .when().post("/api/v1/remittances")
                .then().statusCode(200)
                .body("bodyBytes", org.hamcrest.Matchers.equalTo(body.length))
                .body("sha256", org.hamcrest.Matchers.equalTo(sha));

        given().header("Authorization", Tokens.bearer("integration"))
                .contentType("application/edi-x12")
                .body(new byte[2097153])
                .when().post("/api/v1/remittances")
                .then().statusCode(413)
                .contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.equalTo("the request body is larger than 2097152 bytes"));
    }

    @Test
    void twentyMegabyteDownloadStreamsThrough() throws Exception {
        long bytes = 20L * 1024 * 1024;
        InputStream in = given().header("Authorization", Tokens.bearer("caller"))
                .when().get("/api/v1/reports/ar-aging/download?bytes=" + bytes)
                .then().statusCode(200).header("X-Upstream", "claims")
                .extract().asInputStream();
        long total = 0;
        byte[] buffer = new byte[65536];
        for (int n; (n = in.read(buffer)) > 0; ) {
            total += n;
        }
        assertThat(total).isEqualTo(bytes);
    }

    @Test
    void ordinaryRoutesRefuseLargeBodies() {
        given().header("Authorization", Tokens.bearer("caller"))
                .contentType("application/json")
                .body(new byte[65537])
                .when().post("/api/v1/calls")
                .then().statusCode(413)
                .contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.equalTo("https://ardesk.dev/problems/payload-too-large"));
    }
}
