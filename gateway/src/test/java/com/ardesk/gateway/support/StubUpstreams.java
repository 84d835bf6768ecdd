package com.ardesk.gateway.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Three real HTTP servers on random ports standing in for claims-, calls- and followup-service.
 * Each echoes what reached it (method, URI, headers, body size and SHA-256) and has a few special
 * paths: {@code .../download?bytes=N} streams N bytes, {@code .../slow} stays silent for 30 s (well past the gateway's test idle timeout),
 * {@code .../hangup} closes the connection without answering,
 * {@code ?status=N} answers that status, {@code /q/openapi} serves a small document, and
 * {@code /__stub/down?ms=N} stops listening for N ms (connections are refused meanwhile).
 */
public class StubUpstreams implements QuarkusTestResourceLifecycleManager {
    private static final List<String> NAMES = List.of("claims", "calls", "followup");
    private Vertx vertx;
    private final Map<String, HttpServer> servers = new ConcurrentHashMap<>();
    private final Map<String, Integer> ports = new ConcurrentHashMap<>();

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        Map<String, String> config = new HashMap<>();
        for (String name : NAMES) {
            int port = listen(name, 0);
            ports.put(name, port);
            config.put("ardesk.gateway.upstreams." + name, "http://127.0.0.1:" + port);
            config.put("stub.direct." + name, "http://127.0.0.1:" + port);
        }
        return config;
    }

    @Override
    public void stop() {
        if (vertx != null) {
            await(vertx.close().toCompletionStage().toCompletableFuture());
        }
    }

    private int listen(String name, int port) {
        HttpServer started = await(bind(name, port).toCompletionStage().toCompletableFuture());
        return started.actualPort();
    }

    private io.vertx.core.Future<HttpServer> bind(String name, int port) {
        return vertx.createHttpServer()
                .requestHandler(request -> handle(name, request))
                .listen(port, "127.0.0.1")
                .onSuccess(server -> servers.put(name, server));
    }

    private void handle(String name, HttpServerRequest request) {
        HttpServerResponse response = request.response();
        String path = request.path();
        if (path.equals("/__stub/down")) {
            long ms = Long.parseLong(request.getParam("ms", "1000"));
            response.end("down for " + ms + " ms").onComplete(done -> {
                HttpServer server = servers.remove(name);
                server.close().onComplete(closed -> vertx.setTimer(ms, t -> bind(name, ports.get(name))));
            });
            return;
        }
        if (path.equals("/q/openapi")) {
            response.putHeader("Content-Type", "application/json").end(openApi(name).encode());
            return;
        }
        if (path.endsWith("/hangup")) {
            request.connection().close();
            return;
        }
        if (path.endsWith("/slow")) {
            vertx.setTimer(30_000, t -> {
                if (!response.closed()) {
                    response.end("late");
                }
            });
            return;
        }
        if (path.endsWith("/download")) {
            long bytes = Long.parseLong(request.getParam("bytes", "0"));
            response.setChunked(true).putHeader("Content-Type", "application/octet-stream")
                    .putHeader("X-Upstream", name);
            stream(response, bytes);
            return;
        }
        MessageDigest sha = sha256();
        long[] size = {0};
        request.handler(chunk -> {
            size[0] += chunk.length();
            sha.update(chunk.getBytes());
        });
        request.endHandler(v -> {
            JsonObject headers = new JsonObject();
            request.headers().forEach(h -> headers.put(h.getKey().toLowerCase(), h.getValue()));
            JsonObject echo = new JsonObject()
                    .put("service", name)
                    .put("method", request.method().name())
                    .put("uri", request.uri())
                    .put("headers", headers)
                    .put("bodyBytes", size[0])
                    .put("sha256", HexFormat.of().formatHex(sha.digest()));
            int status = Integer.parseInt(request.getParam("status", "200"));
            String requestId = request.getHeader("X-Request-Id");
            if (requestId != null) {
                response.putHeader("X-Request-Id", requestId);
            }
            if (request.getParam("created") != null) {
                response.putHeader("Location", "http://" + request.authority() + "/api/v1/claims/" + request.getParam("created"));
            }
            if (request.getParam("cache") != null) {
                response.putHeader("Cache-Control", request.getParam("cache") + ", max-age=60");
            }
            if (request.getHeader("Origin") != null) {
                response.putHeader("Access-Control-Allow-Origin", "*");
            }
            response.setStatusCode(status)
                    .putHeader("Content-Type", "application/json")
                    .putHeader("X-Upstream", name)
                    .putHeader("Keep-Alive", "timeout=5")
                    .putHeader("Connection", "keep-alive, X-Secret-Hop")
                    .putHeader("X-Secret-Hop", "must not pass")
                    .end(echo.encode());
        });
    }

    private void stream(HttpServerResponse response, long remaining) {
        Buffer chunk = Buffer.buffer(new byte[64 * 1024]);
        long left = remaining;
        while (left > 0 && !response.writeQueueFull()) {
            int n = (int) Math.min(chunk.length(), left);
            response.write(n == chunk.length() ? chunk : chunk.getBuffer(0, n));
            left -= n;
        }
        if (left == 0) {
            response.end();
            return;
        }
        long rest = left;
        response.drainHandler(v -> stream(response, rest));
    }

    /** A small document that is itself lint-clean, so any lint finding on the merge is the gateway's. */
    private static JsonObject openApi(String name) {
        String prefix = switch (name) {
            case "claims" -> "/api/v1/claims";
            case "calls" -> "/api/v1/calls";
            default -> "/api/v1/followups";
        };
        JsonObject problem = new JsonObject().put("description", "Bad input")
                .put("content", new JsonObject().put("application/problem+json", new JsonObject()
                        .put("schema", new JsonObject().put("$ref", "#/components/schemas/Problem"))));
        JsonObject op = new JsonObject()
                .put("operationId", "list-" + name)
                .put("summary", "List " + name)
                .put("description", "Lists " + name + ".")
                .put("tags", new JsonArray().add(name))
                .put("security", new JsonArray().add(new JsonObject().put("SecurityScheme", new JsonArray())))
                .put("responses", new JsonObject()
                        .put("200", new JsonObject()
                                .put("description", "OK")
                                .put("content", new JsonObject().put("application/json", new JsonObject()
                                        .put("schema", new JsonObject().put("$ref", "#/components/schemas/Item")))))
                        .put("400", problem));
        JsonObject id = new JsonObject().put("type", "string").put("format", "uuid").put("maxLength", 36);
        return new JsonObject()
                .put("openapi", "3.1.0")
                .put("info", new JsonObject().put("title", name).put("version", "1.0"))
                .put("tags", new JsonArray().add(new JsonObject().put("name", name).put("description", name)))
                .put("paths", new JsonObject()
                        .put(prefix, new JsonObject().put("get", op))
                        .put("/internal/" + name, new JsonObject().put("get", new JsonObject()
                                .put("responses", new JsonObject().put("200", new JsonObject().put("description", "OK"))))))
                .put("components", new JsonObject()
                        .put("schemas", new JsonObject()
                                .put("Item", new JsonObject().put("type", "object").put("additionalProperties", false)
                                        .put("properties", new JsonObject().put(name + "Id", id)))
                                .put("Problem", new JsonObject().put("type", "object").put("additionalProperties", false)
                                        .put("properties", new JsonObject().put("requestId", id))))
                        .put("securitySchemes", new JsonObject().put("SecurityScheme", new JsonObject()
                                .put("type", "http").put("scheme", "bearer").put("bearerFormat", "JWT"))));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T await(java.util.concurrent.CompletableFuture<T> future) {
        try {
            return future.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("stub upstream failed", e);
        }
    }
}
