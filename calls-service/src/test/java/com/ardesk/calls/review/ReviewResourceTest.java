package com.ardesk.calls.review;

import com.ardesk.calls.claim.ClaimEventHandler;
import com.ardesk.calls.support.CallsInfra;
import com.ardesk.calls.support.Claims;
import com.ardesk.devstack.DevTokens;
import com.ardesk.devstack.TopicProbe;
import com.ardesk.events.EventJson;
import com.ardesk.events.Topics;
import com.ardesk.kit.consumer.EventConsumerRunner;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
@CallsInfra
class ReviewResourceTest {
    static final String CALLER = DevTokens.token("caller-1", List.of("caller"), List.of("P100"));
    static final String OTHER_CALLER = DevTokens.token("caller-2", List.of("caller"), List.of("P100"));
    static final String SUPERVISOR = DevTokens.token("super-1", List.of("supervisor"), List.of("P100"));
    static final String SUPERVISOR_B = DevTokens.token("super-b", List.of("supervisor"), List.of("P200"));
    static final String REVIEW = """
            {"score":4,"checklist":[{"item":"Captured the reference number","passed":true},
             {"item":"Asked for the check number","passed":false,"note":"missed"}],"feedback":"Good recap"}""";

    @Inject
    EventConsumerRunner runner;
    @Inject
    ClaimEventHandler handler;

    String loggedCall() {
        UUID claimId = UUID.randomUUID();
        runner.apply(handler, Claims.changed("P100", claimId, "AETNA", 1));
        return given().auth().oauth2(CALLER).contentType(ContentType.JSON).body(Map.of("practiceId", "P100", "payerId", "AETNA",
                        "claimIds", List.of(claimId), "startedAt", "2026-03-02T15:04:05Z", "durationSeconds", 300,
                        "outcome", "IN_PROCESS"))
                .post("/api/v1/calls").then().statusCode(201).extract().path("callId");
    }

    @Test
    void aSupervisorReviewsACallWhichEmitsOneCallReviewedAndTheCallerSeesIt() {
        String callId = loggedCall();
        String url = "/api/v1/calls/" + callId + "/reviews";
        String key = "rev-" + UUID.randomUUID();
        String reviewId = given().auth().oauth2(SUPERVISOR).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(REVIEW).post(url).then().statusCode(201)
                .body("score", equalTo(4)).body("callerId", equalTo("caller-1")).body("reviewerId", equalTo("super-1"))
                .body("checklist", hasSize(2)).extract().path("reviewId");
        given().auth().oauth2(SUPERVISOR).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(REVIEW).post(url).then().statusCode(201).body("reviewId", equalTo(reviewId));

        given().auth().oauth2(CALLER).get(url).then().statusCode(200)
                .body("$", hasSize(1)).body("[0].checklist[1].note", equalTo("missed"));
        given().auth().oauth2(OTHER_CALLER).get(url).then().statusCode(403);
        given().auth().oauth2(SUPERVISOR_B).get(url).then().statusCode(404);

        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        List<String> events = TopicProbe.read(bootstrap, Topics.CALLS,
                v -> EventJson.read(v).type().equals("CallReviewed") && v.contains(reviewId), 1,
                Duration.ofSeconds(30), Duration.ofSeconds(2));
        assertThat(events).hasSize(1);
        assertThat(EventJson.read(events.get(0)).payload().path("score").asInt()).isEqualTo(4);
    }

    @Test
    void onlySupervisorsReviewAndScoresAreOneToFive() {
        String callId = loggedCall();
        String url = "/api/v1/calls/" + callId + "/reviews";
        given().auth().oauth2(CALLER).contentType(ContentType.JSON).body(REVIEW).post(url).then().statusCode(403);
        given().auth().oauth2(SUPERVISOR).contentType(ContentType.JSON)
                .body("{\"score\":6,\"checklist\":[{\"passed\":true}]}").post(url).then().statusCode(400)
                .body("errors.field", hasItem("score")).body("errors.field", hasItem("checklist[0].item"));
        given().auth().oauth2(SUPERVISOR).contentType(ContentType.JSON).body(REVIEW)
                .post("/api/v1/calls/" + UUID.randomUUID() + "/reviews").then().statusCode(404);
    }
}
