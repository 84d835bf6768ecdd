package com.ardesk.e2e.faults;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * A client of the gateway as a PM system or a front end uses it, recording every exchange in the
 * scenario's {@link Traffic}. {@link #untilDone} is the well-behaved client of the issue: it resends
 * the same request with the same Idempotency-Key while the answer says "try again".
 */
final class Api {
    static final ObjectMapper JSON = new ObjectMapper();
    /** Long enough for a 100-claim batch on a busy 2-core machine; a hung request counts as no answer. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    /** No client waits longer than this for one write, whatever the answers. */
    static final Duration HARD_LIMIT = Duration.ofMinutes(5);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .version(HttpClient.Version.HTTP_1_1).build();

    record Answer(int status, String body, String problemType, String retryAfter) {
        boolean ok() {
            return status >= 200 && status < 300;
        }

        JsonNode json() {
            try {
                return body == null || body.isEmpty() ? MissingNode.getInstance() : JSON.readTree(body);
            } catch (JsonProcessingException e) {
                return MissingNode.getInstance();
            }
        }

        /**
         * What a client retries: no answer, any 5xx, 429, and 409 idempotency-in-progress (the first
         * request with the key is, as far as the service knows, still running).
         */
        /** The service is not there: nothing answered, or the gateway could not reach it. */
        boolean unavailable() {
            return status == Traffic.NO_ANSWER || status == 502 || status == 503 || status == 504;
        }

        boolean retryable() {
            return status == Traffic.NO_ANSWER || status >= 500 || status == 429
                    || (status == 409 && "idempotency-in-progress".equals(problemType));
        }
    }

    private final String baseUrl;
    private final Traffic traffic;

    Api(String baseUrl, Traffic traffic) {
        this.baseUrl = baseUrl;
        this.traffic = traffic;
    }

    Traffic traffic() {
        return traffic;
    }

    /** Sends once; {@code route} names the request in the report (e.g. "POST /claims/{id}/denials"). */
    Answer send(String method, String path, String token, Object body, String idempotencyKey, String route) {
        return sendAsync(method, path, token, body, idempotencyKey, route).join();
    }

    CompletableFuture<Answer> sendAsync(String method, String path, String token, Object body, String idempotencyKey,
                                        String route) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + token).header("Accept", "application/json");
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        if (body != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(write(body)));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        Instant sent = Instant.now();
        return HTTP.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString()).handle((response, failure) -> {
            Answer answer = failure != null
                    ? new Answer(Traffic.NO_ANSWER, failure.toString(), null, null)
                    : new Answer(response.statusCode(), response.body(), problemType(response),
                    response.headers().firstValue("Retry-After").orElse(null));
            traffic.record(new Traffic.Exchange(route, answer.status(), sent, Instant.now(), answer.problemType()));
            return answer;
        });
    }

    /**
     * Sends the same request (same body, same Idempotency-Key) until the answer is final, backing
     * off as Retry-After says (else 250 ms doubling to 2 s). The client waits out an unavailable
     * service (no answer, 502, 503, 504) for up to {@link #HARD_LIMIT}, and any other "try again"
     * (409 in progress, 429, 500) for {@code giveUpAfter} after the service last was unavailable, so
     * a slow restart on a busy machine does not eat the time a recovering service has to answer.
     * Returns the last answer: a retryable one means the client gave up.
     */
    Answer untilDone(String method, String path, String token, Object body, String idempotencyKey, String route,
                     Duration giveUpAfter) {
        Instant hardLimit = Instant.now().plus(HARD_LIMIT);
        Instant deadline = Instant.now().plus(giveUpAfter);
        long backoff = 250;
        while (true) {
            Answer answer = send(method, path, token, body, idempotencyKey, route);
            if (answer.unavailable()) {
                deadline = Instant.now().plus(giveUpAfter);
            }
            if (!answer.retryable() || Instant.now().isAfter(deadline) || Instant.now().isAfter(hardLimit)) {
                return answer;
            }
            long wait = backoff;
            if (answer.retryAfter() != null && answer.retryAfter().matches("\\d{1,3}")) {
                wait = Math.min(5_000, Long.parseLong(answer.retryAfter()) * 1000);
            }
            pause(wait);
            backoff = Math.min(2_000, backoff * 2);
        }
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String problemType(HttpResponse<String> response) {
        if (!response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
            return null;
        }
        try {
            String type = JSON.readTree(response.body()).path("type").asText("");
            // "https://ardesk.example/problems/idempotency-in-progress" → its last segment
            return type.isEmpty() ? null : type.substring(type.lastIndexOf('/') + 1);
        } catch (IOException e) {
            return "unreadable-problem";
        }
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write request body", e);
        }
    }
}
