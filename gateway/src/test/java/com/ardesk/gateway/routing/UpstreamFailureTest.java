package com.ardesk.gateway.routing;

import com.ardesk.gateway.support.Tokens;
import com.ardesk.gateway.support.WithStubUpstreams;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.time.Instant;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** The test profile gives services 1 s of silence, and opens a breaker after 4 calls with half failing. */
@QuarkusTest
@WithStubUpstreams
class UpstreamFailureTest {

    @Test
    void silentServiceIs504NamingIt() {
        given().header("Authorization", Tokens.bearer("caller"))
                .when().get("/api/v1/timeline/slow")
                .then().statusCode(504)
                .contentType("application/problem+json")
                .body("type", equalTo("https://ardesk.dev/problems/service-timeout"))
                .body("detail", containsString("followup-service"))
                .body("requestId", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void serviceHangingUpBeforeAnsweringIs503NamingIt() {
        // what a client sees when a restarting service closes the keep-alive connection its request is on
        given().header("Authorization", Tokens.bearer("caller"))
                .when().get("/api/v1/claims/hangup")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "1")
                .body("type", equalTo("https://ardesk.dev/problems/service-unavailable"))
                .body("detail", equalTo("claims-service closed the connection before answering"));
    }

    @Test
    void downServiceIs503ThenTheBreakerOpensThenItRecovers() throws Exception {
        String direct = ConfigProvider.getConfig().getValue("stub.direct.calls", String.class);
        given().when().post(direct + "/__stub/down?ms=3000").then().statusCode(200);
        awaitRefusing(URI.create(direct));

        Response first = get("/api/v1/calls/k-1");
        assertThat(first.statusCode()).isEqualTo(503);
        assertThat(first.contentType()).startsWith("application/problem+json");
        assertThat(first.<String>path("detail")).contains("calls-service");
        assertThat(first.header("Retry-After")).isNotBlank();

        boolean opened = false;
        for (int i = 0; i < 10 && !opened; i++) {
            Response r = get("/api/v1/calls/k-1");
            assertThat(r.statusCode()).isEqualTo(503);
            opened = r.<String>path("detail").contains("paused");
        }
        assertThat(opened).as("breaker opened").isTrue();

        // other services are unaffected
        assertThat(get("/api/v1/claims").statusCode()).isEqualTo(200);

        int status = 0;
        // the breaker waits 1 s (test profile) before it lets a trial call through; the bound is for a busy machine
        Instant deadline = Instant.now().plusSeconds(60);
        while (status != 200 && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
            status = get("/api/v1/calls/k-1").statusCode();
            assertThat(status).isIn(200, 503);
        }
        assertThat(status).as("recovered after the service came back").isEqualTo(200);
    }

    /**
     * The stub answers "down" before its server has closed; until it refuses connections, the
     * gateway could still reuse a pooled connection that the closing server then cuts, which is
     * the hang-up case, not the refused connection this test is about.
     */
    private static void awaitRefusing(URI stub) throws Exception {
        for (int i = 0; i < 200; i++) {
            try (Socket probe = new Socket(stub.getHost(), stub.getPort())) {
                Thread.sleep(10);
            } catch (ConnectException refused) {
                return;
            }
        }
        throw new AssertionError("the stub at " + stub + " still accepts connections");
    }

    @Test
    void upstreamErrorsAreAnswersNotFailures() {
        for (int i = 0; i < 6; i++) {
            assertThat(get("/api/v1/prep/c-1?status=500").statusCode()).isEqualTo(500);
        }
        assertThat(get("/api/v1/prep/c-1").statusCode()).isEqualTo(200);
    }

    @Test
    void chunkedBodiesOverTheLimitAre413AndDoNotTripTheBreaker() {
        byte[] body = new byte[200_000];
        for (int i = 0; i < 6; i++) {
            given().header("Authorization", Tokens.bearer("caller"))
                    .contentType("application/json")
                    .body(new java.io.ByteArrayInputStream(body))
                    .when().post("/api/v1/worklists/me/next")
                    .then().statusCode(413)
                    .contentType("application/problem+json");
        }
        assertThat(get("/api/v1/worklists/me").statusCode()).isEqualTo(200);
    }

    private static Response get(String path) {
        return given().header("Authorization", Tokens.bearer("caller")).when().get(path)
                .then().extract().response();
    }
}
