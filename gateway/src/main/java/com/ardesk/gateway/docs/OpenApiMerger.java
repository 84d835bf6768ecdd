package com.ardesk.gateway.docs;

import com.ardesk.gateway.routing.RouteTable;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Merges the services' OpenAPI documents into the one the gateway publishes: only paths the
 * gateway routes to that service are kept, component names that clash with different content are
 * prefixed with the service's name (and their references rewritten), every operation is secured
 * by one bearer scheme, and the answers the gateway itself may give are declared on each operation.
 */
public final class OpenApiMerger {
    public static final String SCHEME = "bearer";
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final List<String> GATEWAY_ANSWERS = List.of("401", "403", "429", "500", "502", "503", "504");

    private OpenApiMerger() {
    }

    /**
     * @param documents  each service's document by upstream name (services that did not answer are absent)
     * @param missing    services whose document could not be fetched, named in the description
     * @param serverUrl  the public base URL of the gateway
     * @param environment local, staging or production
     */
    public static JsonObject merge(Map<String, JsonObject> documents, List<String> missing, String serverUrl,
                                   String environment) {
        JsonObject paths = new JsonObject();
        JsonObject components = new JsonObject();
        Map<String, JsonObject> tags = new LinkedHashMap<>();

        for (Map.Entry<String, JsonObject> entry : new java.util.TreeMap<>(documents).entrySet()) {
            String upstream = entry.getKey();
            JsonObject doc = entry.getValue().copy();
            JsonObject own = doc.getJsonObject("components", new JsonObject());
            own.remove("securitySchemes");
            Map<String, String> renames = renamesFor(upstream, own, components);
            if (!renames.isEmpty()) {
                doc = (JsonObject) rewriteRefs(doc, renames);
                own = doc.getJsonObject("components", new JsonObject());
                own.remove("securitySchemes");
            }
            for (String section : own.fieldNames()) {
                JsonObject target = components.getJsonObject(section);
                if (target == null) {
                    target = new JsonObject();
                    components.put(section, target);
                }
                JsonObject items = own.getJsonObject(section);
                for (String name : items.fieldNames()) {
                    String merged = renames.getOrDefault(ref(section, name), ref(section, name));
                    target.put(merged.substring(merged.lastIndexOf('/') + 1), items.getValue(name));
                }
            }
            JsonObject docPaths = doc.getJsonObject("paths", new JsonObject());
            for (String path : docPaths.fieldNames()) {
                if (RouteTable.upstreamFor(path).filter(upstream::equals).isPresent()) {
                    paths.put(path, secure(path, docPaths.getJsonObject(path)));
                }
            }
            JsonArray docTags = doc.getJsonArray("tags", new JsonArray());
            for (int i = 0; i < docTags.size(); i++) {
                JsonObject tag = docTags.getJsonObject(i);
                tags.putIfAbsent(tag.getString("name"), tag);
            }
        }

        JsonObject schemes = new JsonObject().put(SCHEME, new JsonObject()
                .put("type", "http")
                .put("scheme", "bearer")
                .put("bearerFormat", "JWT")
                .put("description", "A JWT (RS256) from the AR Desk identity provider, validated as RFC8725 recommends: "
                        + "fixed algorithm, issuer, audience and expiry checked. Claims: sub, groups (roles), practices."));
        components.put("securitySchemes", schemes);
        JsonObject responses = components.getJsonObject("responses", new JsonObject());
        gatewayResponses().forEach(responses::put);
        for (String name : responses.fieldNames()) {
            addGatewayHeaders(name.replaceAll("\\D", ""), responses.getJsonObject(name));
        }
        components.put("responses", responses);
        JsonObject headers = components.getJsonObject("headers", new JsonObject());
        gatewayHeaders().forEach(headers::put);
        components.put("headers", headers);
        JsonObject schemas = components.getJsonObject("schemas", new JsonObject());
        schemas.put("GatewayProblem", problemSchema());
        components.put("schemas", schemas);

        String description = "One API over AR Desk's claims, calls and follow-up services. Every answer carries "
                + "X-Request-Id; errors are application/problem+json.";
        if (!missing.isEmpty()) {
            description += " Not included right now (the service did not answer): "
                    + String.join(", ", missing.stream().map(RouteTable::serviceName).toList()) + ".";
        }
        JsonArray tagList = new JsonArray();
        tags.values().forEach(tagList::add);
        return new JsonObject()
                .put("openapi", "3.1.0")
                .put("info", new JsonObject()
                        .put("title", "AR Desk API")
                        .put("version", "1.0")
                        .put("description", description)
                        .put("contact", new JsonObject().put("name", "AR Desk").put("url", "https://ardesk.dev"))
                        .put("license", new JsonObject().put("name", "Proprietary").put("identifier", "LicenseRef-Proprietary")))
                .put("servers", new JsonArray().add(new JsonObject().put("url", serverUrl)
                        .put("description", "AR Desk gateway, " + environment + " environment").put("x-internal", false)))
                .put("security", new JsonArray().add(new JsonObject().put(SCHEME, new JsonArray())))
                .put("tags", tagList)
                .put("paths", paths)
                .put("components", components);
    }

    /** Names in this document that already exist in the merged components with other content. */
    private static Map<String, String> renamesFor(String upstream, JsonObject own, JsonObject merged) {
        Map<String, String> renames = new HashMap<>();
        for (String section : own.fieldNames()) {
            JsonObject existing = merged.getJsonObject(section);
            if (existing == null) {
                continue;
            }
            JsonObject items = own.getJsonObject(section);
            for (String name : items.fieldNames()) {
                Object theirs = existing.getValue(name);
                if (theirs != null && !theirs.equals(items.getValue(name))) {
                    renames.put(ref(section, name), ref(section, upstream + "_" + name));
                }
            }
        }
        return renames;
    }

    private static String ref(String section, String name) {
        return "#/components/" + section + "/" + name;
    }

    private static Object rewriteRefs(Object node, Map<String, String> renames) {
        if (node instanceof JsonObject object) {
            JsonObject copy = new JsonObject();
            for (String key : object.fieldNames()) {
                Object value = object.getValue(key);
                if ("$ref".equals(key) && value instanceof String ref && renames.containsKey(ref)) {
                    copy.put(key, renames.get(ref));
                } else {
                    copy.put(key, rewriteRefs(value, renames));
                }
            }
            return copy;
        }
        if (node instanceof JsonArray array) {
            JsonArray copy = new JsonArray();
            array.forEach(item -> copy.add(rewriteRefs(item, renames)));
            return copy;
        }
        return node;
    }

    /** Each operation goes through the gateway: bearer-secured, and it may answer 401/403/429/502/503/504. */
    private static JsonObject secure(String path, JsonObject pathItem) {
        JsonObject copy = pathItem.copy();
        for (String method : copy.fieldNames()) {
            if (!METHODS.contains(method)) {
                continue;
            }
            JsonObject operation = copy.getJsonObject(method);
            operation.put("security", new JsonArray().add(new JsonObject().put(SCHEME, new JsonArray())));
            JsonObject responses = operation.getJsonObject("responses");
            if (responses == null) {
                responses = new JsonObject();
                operation.put("responses", responses);
            }
            for (String status : GATEWAY_ANSWERS) {
                if (!responses.containsKey(status)) {
                    responses.put(status, new JsonObject().put("$ref", "#/components/responses/Gateway" + status));
                }
            }
            if (!operation.containsKey("operationId")) {
                operation.put("operationId", operationId(method, path));
            }
            for (String status : responses.fieldNames()) {
                addGatewayHeaders(status, responses.getJsonObject(status));
            }
        }
        return copy;
    }

    /** A stable id for operations a service left unnamed: {@code get /api/v1/claims/{claimId}} → getClaimsByClaimId. */
    static String operationId(String method, String path) {
        StringBuilder id = new StringBuilder(method);
        for (String segment : path.replaceFirst("^/api/v\\d+/", "").split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            boolean parameter = segment.startsWith("{");
            String word = segment.replaceAll("[{}]", "");
            if (parameter) {
                id.append("By");
            }
            for (String part : word.split("[-_.]")) {
                if (!part.isEmpty()) {
                    id.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
                }
            }
        }
        return id.toString();
    }

    /**
     * Headers the gateway puts on the answers it passes on: the request id and CORS always, the
     * rate-limit state on 2xx and 4xx. Responses given by reference get them where they are defined.
     */
    private static void addGatewayHeaders(String status, JsonObject response) {
        if (response == null || response.containsKey("$ref")) {
            return;
        }
        JsonObject headers = response.getJsonObject("headers");
        if (headers == null) {
            headers = new JsonObject();
            response.put("headers", headers);
        }
        headers.put("X-Request-Id", new JsonObject().put("$ref", "#/components/headers/X-Request-Id"));
        headers.put("Access-Control-Allow-Origin",
                new JsonObject().put("$ref", "#/components/headers/Access-Control-Allow-Origin"));
        if (status.startsWith("2") || status.startsWith("4")) {
            for (String name : List.of("RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset")) {
                headers.put(name, new JsonObject().put("$ref", "#/components/headers/" + name));
            }
        }
    }

    private static Map<String, JsonObject> gatewayResponses() {
        Map<String, JsonObject> responses = new LinkedHashMap<>();
        responses.put("Gateway401", problemResponse("Missing, expired or invalid bearer token.", false));
        responses.put("Gateway403", problemResponse("The token's roles do not allow this request.", false));
        responses.put("Gateway429", problemResponse("Rate limit reached; retry after the Retry-After seconds.", true));
        responses.put("Gateway500", problemResponse("Unexpected error; the body carries only the request id.", false));
        responses.put("Gateway502", problemResponse("The owning service gave no usable answer.", false));
        responses.put("Gateway503", problemResponse(
                "The owning service is unavailable, or closed the connection before answering; retry after Retry-After.", true));
        responses.put("Gateway504", problemResponse("The owning service did not answer in time.", false));
        return responses;
    }

    private static JsonObject problemResponse(String description, boolean retryAfter) {
        JsonObject headers = new JsonObject();
        if (retryAfter) {
            headers.put("Retry-After", header("Seconds until a retry may succeed.", "integer"));
        }
        return new JsonObject()
                .put("description", description)
                .put("headers", headers)
                .put("content", new JsonObject().put("application/problem+json", new JsonObject()
                        .put("schema", new JsonObject().put("$ref", "#/components/schemas/GatewayProblem"))));
    }

    private static Map<String, JsonObject> gatewayHeaders() {
        Map<String, JsonObject> headers = new LinkedHashMap<>();
        headers.put("X-Request-Id", header("The request's id: the caller's X-Request-Id if it sent one, else generated.", "string"));
        headers.put("Access-Control-Allow-Origin", new JsonObject()
                .put("description", "Present when the request came from an allowed browser origin.")
                .put("schema", new JsonObject().put("type", "string").put("format", "uri").put("maxLength", 2048)));
        headers.put("RateLimit-Limit", header("Requests allowed per minute for this caller.", "integer"));
        headers.put("RateLimit-Remaining", header("Requests left in the current minute.", "integer"));
        headers.put("RateLimit-Reset", header("Seconds until the allowance is full again.", "integer"));
        return headers;
    }

    private static JsonObject header(String description, String type) {
        JsonObject schema = new JsonObject().put("type", type);
        if ("string".equals(type)) {
            schema.put("maxLength", 128).put("pattern", "^[A-Za-z0-9._:-]+$");
        } else {
            schema.put("format", "int64").put("minimum", 0).put("maximum", 86400);
        }
        return new JsonObject().put("description", description).put("schema", schema);
    }

    private static JsonObject problemSchema() {
        JsonObject string = new JsonObject().put("type", "string").put("maxLength", 2048);
        return new JsonObject()
                .put("type", "object")
                .put("description", "RFC 9457 problem details.")
                .put("additionalProperties", false)
                .put("required", new JsonArray().add("type").add("title").add("status"))
                .put("properties", new JsonObject()
                        .put("type", string.copy().put("format", "uri"))
                        .put("title", string.copy())
                        .put("status", new JsonObject().put("type", "integer").put("format", "int32")
                                .put("minimum", 400).put("maximum", 599))
                        .put("detail", string.copy())
                        .put("instance", string.copy().put("format", "uri-reference"))
                        .put("requestId", string.copy().put("maxLength", 128).put("pattern", "^[A-Za-z0-9._:-]+$")))
                .put("examples", new JsonArray().add(new JsonObject()
                        .put("type", "https://ardesk.dev/problems/rate-limited")
                        .put("title", "Too Many Requests")
                        .put("status", 429)
                        .put("detail", "too many requests for this user; retry in 12 s")
                        .put("instance", "/api/v1/claims")
                        .put("requestId", "3f1c2a9e-7d7b-4d8e-9a51-0b6d2f9e4c11")));
    }
}
