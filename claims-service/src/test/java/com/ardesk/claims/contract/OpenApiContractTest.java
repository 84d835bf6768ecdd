package com.ardesk.claims.contract;

import com.ardesk.claims.support.ClaimsInfra;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service's OpenAPI document says what the service answers (issue 17, found by the fuzz stage):
 * every error answer has its problem+json body, every operation declares the 400 a malformed request
 * gets, fields that can be null say so, and the operations fixed with it declare what they take.
 */
@QuarkusTest
@ClaimsInfra
class OpenApiContractTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private JsonNode doc;

    @BeforeEach
    void readDocument() throws Exception {
        doc = JSON.readTree(given().get("/q/openapi?format=json").then().statusCode(200).extract().asString());
    }

    private JsonNode operation(String path, String method) {
        JsonNode op = doc.path("paths").path(path).path(method);
        assertThat(op.isObject()).as("%s %s in the document", method, path).isTrue();
        return op;
    }

    private List<Map.Entry<String, JsonNode>> operations() {
        List<Map.Entry<String, JsonNode>> all = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (op.getValue().has("responses")) {
                    all.add(Map.entry(op.getKey().toUpperCase() + " " + path.getKey(), op.getValue()));
                }
            }
        }
        return all;
    }

    @Test
    void everyErrorAnswerIsAProblemAndEveryOperationDeclaresItsBadRequest() {
        assertThat(doc.at("/components/schemas/Problem/required").toString()).contains("type", "title", "status");
        assertThat(doc.at("/components/schemas/Problem/properties/errors/items/$ref").asText())
                .isEqualTo("#/components/schemas/FieldError");
        List<Map.Entry<String, JsonNode>> operations = operations();
        assertThat(operations).hasSizeGreaterThan(20);
        for (Map.Entry<String, JsonNode> op : operations) {
            JsonNode responses = op.getValue().path("responses");
            assertThat(responses.has("400")).as("%s declares 400", op.getKey()).isTrue();
            for (Iterator<Map.Entry<String, JsonNode>> it = responses.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> response = it.next();
                if (response.getKey().startsWith("4") || response.getKey().startsWith("5")) {
                    assertThat(response.getValue().at("/content/application~1problem+json/schema/$ref").asText())
                            .as("%s %s body", op.getKey(), response.getKey()).isEqualTo("#/components/schemas/Problem");
                }
            }
        }
        // a path id names a resource another practice may own: 404 is declared even where the annotations forgot it
        assertThat(operation("/api/v1/practices/{practiceId}/payer-terms/{payerId}", "get").path("responses").has("404")).isTrue();
    }

    @Test
    void fieldsThatMayBeNullSayNullAndRequiredOnesDoNot() {
        JsonNode claim = doc.at("/components/schemas/ClaimView/properties");
        assertThat(claim.path("appealDeadline").path("type").toString()).contains("\"null\"");
        JsonNode denial = doc.at("/components/schemas/DenialView/properties");
        assertThat(denial.path("appealDeadline").path("type").toString()).contains("\"null\"");
        // an optional object given by reference becomes "that or null"
        JsonNode inForce = doc.at("/components/schemas/PayerTermsView/properties/inForce");
        assertThat(inForce.path("anyOf").toString()).contains("#/components/schemas/RuleTerms", "\"null\"");
        // required stays non-null: a problem's type, a field error's field
        assertThat(doc.at("/components/schemas/Problem/properties/type/type").toString()).doesNotContain("null");
        assertThat(doc.at("/components/schemas/FieldError/properties/field/type").toString()).doesNotContain("null");
    }

    @Test
    void payerTermsPutDeclaresIfMatchAnd412AndBothSuccessesHaveABody() {
        JsonNode put = operation("/api/v1/practices/{practiceId}/payer-terms/{payerId}", "put");
        List<String> headers = new ArrayList<>();
        put.path("parameters").forEach(p -> {
            if (p.path("in").asText().equals("header")) {
                headers.add(p.path("name").asText());
            }
        });
        assertThat(headers).contains("If-Match");
        assertThat(put.path("responses").has("412")).isTrue();
        for (String status : List.of("200", "201")) {
            assertThat(put.at("/responses/" + status + "/content/application~1json/schema/$ref").asText())
                    .endsWith("/PayerTermsView");
            assertThat(put.at("/responses/" + status + "/headers").has("ETag")).isTrue();
        }
    }

    @Test
    void anAppealsBodyIsOptionalAsEveryFieldHasADefault() {
        JsonNode post = operation("/api/v1/claims/{claimId}/appeals", "post");
        assertThat(post.path("requestBody").path("required").asBoolean(false)).isFalse();
    }
}
