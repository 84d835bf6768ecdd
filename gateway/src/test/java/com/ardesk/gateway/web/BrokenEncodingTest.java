package com.ardesk.gateway.web;

import com.ardesk.gateway.support.Tokens;
import com.ardesk.gateway.support.WithStubUpstreams;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A URI with a broken percent-encoding, or a character that must be encoded, was refused by Quarkus
 * with an empty 400 before any filter of the gateway ran (issue 17): it is now a problem naming the
 * parameter or the path, with the request id.
 */
@QuarkusTest
@WithStubUpstreams
class BrokenEncodingTest {

    /** HTTP clients refuse to build these URIs, so the request line is written to a socket as given. */
    private static String raw(String target, String requestId) throws Exception {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(30_000);
            String head = "GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nAuthorization: "
                    + Tokens.bearer("caller") + "\r\n" + (requestId == null ? "" : "X-Request-Id: " + requestId + "\r\n") + "\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String header(String answer, String name) {
        Matcher m = Pattern.compile("(?im)^" + name + ": *(\\S+)").matcher(answer);
        return m.find() ? m.group(1) : null;
    }

    @Test
    void aBrokenQueryIs400NamingTheParameterWithTheRequestId() throws Exception {
        String answer = raw("/api/v1/claims?practiceId=P100&cursor=%%%garbage", "pct-7");
        assertThat(answer).startsWith("HTTP/1.1 400");
        assertThat(header(answer, "content-type")).startsWith("application/problem+json");
        assertThat(header(answer, "x-request-id")).isEqualTo("pct-7");
        assertThat(answer).contains("\"requestId\":\"pct-7\"", "\"field\":\"cursor\"", "has a broken percent-encoding",
                "\"type\":\"https://ardesk.dev/problems/validation\"");
    }

    @Test
    void aBrokenPathOrAnUnencodedCharacterIs400NamingIt() throws Exception {
        String path = raw("/api/v1/claims/%%%garbage", null);
        assertThat(path).startsWith("HTTP/1.1 400");
        assertThat(header(path, "content-type")).startsWith("application/problem+json");
        assertThat(header(path, "x-request-id")).isNotBlank();
        assertThat(path).contains("\"field\":\"path\"", "has a broken percent-encoding");

        String brace = raw("/api/v1/claims?practiceId=P100&payerId=a{b}", null);
        assertThat(brace).startsWith("HTTP/1.1 400");
        assertThat(brace).contains("\"field\":\"payerId\"", "must be percent-encoded");
    }
}
