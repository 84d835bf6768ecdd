package com.ardesk.gateway.docs;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class OpenApiMergerTest {

    private static JsonObject doc(String path, String schemaName, JsonObject schema) {
        return new JsonObject()
                .put("openapi", "3.1.0")
                .put("paths", new JsonObject().put(path, new JsonObject().put("get", new JsonObject()
                        .put("responses", new JsonObject().put("200", new JsonObject()
                                .put("description", "OK")
                                .put("content", new JsonObject().put("application/json", new JsonObject()
                                        .put("schema", new JsonObject().put("$ref", "#/components/schemas/" + schemaName)))))))))
                .put("components", new JsonObject().put("schemas", new JsonObject().put(schemaName, schema)));
    }

    @Test
    void clashingSchemaNamesArePrefixedAndReferencesFollow() {
        JsonObject calls = doc("/api/v1/calls", "View", new JsonObject().put("type", "object").put("title", "call"));
        JsonObject claims = doc("/api/v1/claims", "View", new JsonObject().put("type", "object").put("title", "claim"));

        JsonObject merged = OpenApiMerger.merge(Map.of("calls", calls, "claims", claims), List.of(), "/", "local");

        JsonObject schemas = merged.getJsonObject("components").getJsonObject("schemas");
        assertThat(schemas.getJsonObject("View").getString("title")).isEqualTo("call");
        assertThat(schemas.getJsonObject("claims_View").getString("title")).isEqualTo("claim");
        assertThat(merged.getJsonObject("paths").getJsonObject("/api/v1/claims").getJsonObject("get")
                .getJsonObject("responses").getJsonObject("200").getJsonObject("content")
                .getJsonObject("application/json").getJsonObject("schema").getString("$ref"))
                .isEqualTo("#/components/schemas/claims_View");
    }

    @Test
    void identicalSchemasAreKeptOnce() {
        JsonObject same = new JsonObject().put("type", "object");
        JsonObject merged = OpenApiMerger.merge(Map.of(
                "calls", doc("/api/v1/calls", "Problem", same),
                "claims", doc("/api/v1/claims", "Problem", same)), List.of(), "/", "local");
        assertThat(merged.getJsonObject("components").getJsonObject("schemas").fieldNames())
                .contains("Problem").doesNotContain("claims_Problem", "calls_Problem");
    }

    @Test
    void pathsAnotherServiceOwnsAreDropped() {
        JsonObject merged = OpenApiMerger.merge(Map.of(
                "calls", doc("/api/v1/claims", "X", new JsonObject())), List.of("claims"), "/", "local");
        assertThat(merged.getJsonObject("paths").fieldNames()).isEmpty();
        assertThat(merged.getJsonObject("info").getString("description")).contains("claims-service");
    }

    @Test
    void unnamedOperationsGetStableIds() {
        assertThat(OpenApiMerger.operationId("get", "/api/v1/claims/{claimId}/write-off"))
                .isEqualTo("getClaimsByClaimIdWriteOff");
        assertThat(OpenApiMerger.operationId("post", "/api/v1/worklists/me/next")).isEqualTo("postWorklistsMeNext");
    }

    @Test
    void everyAnswerDeclaresTheGatewayHeaders() {
        JsonObject merged = OpenApiMerger.merge(Map.of("calls",
                doc("/api/v1/calls", "X", new JsonObject())), List.of(), "/", "local");
        JsonObject ok = merged.getJsonObject("paths").getJsonObject("/api/v1/calls").getJsonObject("get")
                .getJsonObject("responses").getJsonObject("200");
        assertThat(ok.getJsonObject("headers").fieldNames())
                .contains("X-Request-Id", "RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset");
        assertThat(merged.getJsonObject("components").getJsonObject("responses").getJsonObject("Gateway429")
                .getJsonObject("headers").fieldNames()).contains("Retry-After", "RateLimit-Remaining");
    }
}
