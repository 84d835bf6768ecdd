package com.ardesk.e2e.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The defects issue 17 lists, kept as fixed regression cases that run before the random part: each
 * is one request (or one per operation or field) with the answer the contract prescribes, so a
 * defect that comes back fails the stage under its own name whatever the seed.
 */
public final class SeedCorpus {
    private static final Pattern ZERO_MONEY = Pattern.compile(
            "\"(totalAr|balance|\\w*Amount|\\w*[Tt]otal)\"\\s*:\\s*(0|\"0\")\\s*[,}]");
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private final Fuzzer fuzzer;
    private final Findings findings;
    private final String gateway;
    private final Map<String, String> services;

    /**
     * @param gateway  the target name of the gateway
     * @param services target names of each service called directly, by the path prefix it owns
     */
    public SeedCorpus(Fuzzer fuzzer, Findings findings, String gateway, Map<String, String> services) {
        this.fuzzer = fuzzer;
        this.findings = findings;
        this.gateway = gateway;
        this.services = services;
    }

    /** A claim every validation accepts: the fuzzer's seed data and the cases that need a fresh claim. */
    public static Map<String, Object> claimBody(String practice, String payerId) {
        String service = java.time.LocalDate.now().minusDays(40).toString();
        return Map.of("practiceId", practice, "externalClaimId", "FZ-SEED-" + UUID.randomUUID(),
                "patient", Map.of("accountNumber", "ACC-1", "firstName", "Ann", "lastName", "Lee", "dateOfBirth", "1970-01-01"),
                "payerId", payerId, "providerNpi", "1234567893", "serviceDateFrom", service, "serviceDateTo", service,
                "lines", List.of(Map.of("procedureCode", "99214", "units", 1, "chargeAmount", new BigDecimal("280.50"),
                        "diagnosisCodes", List.of("E11.9"))));
    }

    /** A new claim of practice A in SUBMITTED, or null (then reported) when it cannot be made. */
    private String freshClaim(String caseName) {
        Draft d = draft("post", "/api/v1/claims", Fuzzer.A, caseName);
        d.json = OpenApi.JSON_MAPPER().valueToTree(claimBody(Fuzzer.A, "FUZZ-PAYER"));
        RawHttp.Response created = fuzzer.exchange(gateway, d);
        String id = field(created, "claimId");
        if (id == null) {
            findings.add("regression", d.mutation, d.op.label(), gateway, d.toRequest(), created, "the case's claim could not be created");
        }
        return id;
    }

    private Draft draft(String method, String path, String practice, String caseName) {
        Draft d = fuzzer.valid(fuzzer.operation(method, path), practice);
        d.mutation = "corpus:" + caseName;
        return d;
    }

    /** Sends a case and, beyond the general checks, applies {@code extra} (null when satisfied). */
    private RawHttp.Response send(String target, Draft d, Function<RawHttp.Response, String> extra) {
        RawHttp.Response response = fuzzer.exchange(target, d);
        String why = extra == null ? null : extra.apply(response);
        if (why != null) {
            findings.add("regression", d.mutation, d.op.label(), target, d.toRequest(), response, why);
        }
        return response;
    }

    private RawHttp.Response send(Draft d) {
        return send(gateway, d, null);
    }

    private Optional<OpenApi.Operation> find(String method, String path) {
        return fuzzer.api().operations().stream().filter(o -> o.method().equals(method) && o.path().equals(path)).findFirst();
    }

    public void run() {
        String a = Fuzzer.A;
        // ---- 500 for bad input: NUL in a body string, a query parameter and a path id
        Draft nulBody = draft("post", "/api/v1/claims", a, "nul-in-lastName");
        ((ObjectNode) nulBody.json.with("patient")).put("lastName", "A\u0000B");
        send(nulBody.expect(400));
        Draft nulQuery = draft("get", "/api/v1/claims", a, "nul-in-payerId-filter");
        nulQuery.query.clear();
        nulQuery.query.add(new String[] {"practiceId", a});
        nulQuery.query.add(new String[] {"payerId", "%00"});
        send(nulQuery.expect(400));
        Draft nulPath = draft("put", "/api/v1/payers/{payerId}", a, "nul-in-payer-path");
        if (find("get", "/api/v1/payers/{payerId}").isPresent()) {
            nulPath = draft("get", "/api/v1/payers/{payerId}", a, "nul-in-payer-path");
        }
        nulPath.path.put("payerId", "%00");
        send(nulPath.expect(400, 404));

        // ---- duplicated JSON keys on every operation with a JSON body
        for (OpenApi.Operation op : fuzzer.api().operations()) {
            if (op.bodies().containsKey("application/json")) {
                Draft d = fuzzer.valid(op, a);
                if (d.json instanceof ObjectNode object && object.size() > 0) {
                    String first = object.fieldNames().next();
                    d.rawBody = ("{\"" + first + "\":" + object.get(first) + "," + object.toString().substring(1))
                            .getBytes(StandardCharsets.UTF_8);
                    d.mutation = "corpus:duplicate-json-key";
                    d.mutationDetail = "\"" + first + "\" twice";
                    send(d.expect(400));
                }
            }
        }

        // ---- an unparseable Content-Type
        Draft contentType = draft("post", "/api/v1/claims", a, "content-type-a/b/c");
        contentType.contentType = "a/b/c";
        send(contentType.expect(400, 415));

        // ---- extreme dates in every date field of every JSON body (deniedOn, filedOn, paidOn,
        // promise.expectedOn, effectiveFrom among them)
        for (OpenApi.Operation op : fuzzer.api().operations()) {
            if (!op.bodies().containsKey("application/json")) {
                continue;
            }
            Draft probe = fuzzer.valid(op, a);
            for (String field : dateFields(probe.json, "")) {
                Draft d = fuzzer.valid(op, a);
                if (setPath(d.json, field, "-999999999-01-01")) {
                    d.mutation = "corpus:extreme-date";
                    d.mutationDetail = field + " = -999999999-01-01";
                    send(d.refuse());
                }
            }
        }

        // ---- two lines at the largest charge: the total overflows numeric(14,2)
        Draft overflow = draft("post", "/api/v1/claims", a, "two-lines-at-max-charge");
        ArrayNode lines = overflow.json.withArray("lines");
        if (!lines.isEmpty()) {
            ObjectNode line = (ObjectNode) lines.get(0);
            line.put("chargeAmount", new BigDecimal("999999999999.99"));
            lines.removeAll();
            lines.add(line);
            lines.add(line.deepCopy());
            send(overflow);
        }

        // ---- foreign cursors
        for (String path : List.of("/api/v1/call-scripts", "/api/v1/payers", "/api/v1/claims")) {
            find("get", path).ifPresent(op -> {
                Draft d = fuzzer.valid(op, a);
                d.mutation = "corpus:foreign-cursor";
                d.mutationDetail = "cursor=AAAA";
                d.query.removeIf(q -> q[0].equals("cursor"));
                d.query.add(new String[] {"cursor", "AAAA"});
                send(d.expect(400));
            });
        }

        // ---- answers that must be problems: 414, 431, the CORS refusal, broken percent-encoding
        Draft longUri = draft("get", "/api/v1/claims", a, "uri-over-4KB");
        longUri.query.add(new String[] {"x", "u".repeat(5_000)});
        send(longUri.expect(414));
        Draft bigHeader = draft("get", "/api/v1/claims", a, "64KB-header");
        bigHeader.setHeader("X-Fuzz", "h".repeat(65_536));
        send(bigHeader.expect(431));
        Draft cors = draft("get", "/api/v1/claims", a, "cors-refused");
        cors.method = "OPTIONS";
        cors.setHeader("Origin", "https://evil.example");
        cors.setHeader("Access-Control-Request-Method", "POST");
        send(cors.expect(403));
        for (boolean withRequestId : List.of(true, false)) {
            Draft percent = draft("get", "/api/v1/claims", a, "broken-percent-encoding" + (withRequestId ? "" : "-no-request-id"));
            percent.query.add(new String[] {"cursor", "%%%garbage"});
            if (!withRequestId) {
                percent.setHeader("X-Request-Id", null);
            }
            send(percent.expect(400));
        }
        // a chunked body over the limit, sent to a service directly: refused, not parsed
        Draft chunked = draft("post", "/api/v1/claims/batch", a, "chunked-over-limit-direct");
        chunked.chunked = true;
        chunked.json = null;
        chunked.rawBody = ("{\"claims\":[" + "{},".repeat(3_700_000) + "{}]}").getBytes(StandardCharsets.UTF_8);
        send(services.get("/api/v1/claims"), chunked.expect(413), null);

        // ---- wrong status: non-numeric limit/minBalance, denied=maybe
        for (String[] q : List.of(new String[] {"limit", "abc"}, new String[] {"minBalance", "abc"}, new String[] {"denied", "maybe"})) {
            Draft d = draft("get", "/api/v1/claims", a, "bad-" + q[0]);
            d.query.removeIf(x -> !x[0].equals("practiceId"));
            if (d.query.isEmpty()) {
                d.query.add(new String[] {"practiceId", a});
            }
            d.query.add(q);
            send(d.expect(400));
        }

        // ---- the PUT upsert honours If-Match: a stale ETag is 412
        Draft upsert = draft("put", "/api/v1/practices/{practiceId}/claims/{externalClaimId}", a, "upsert-stale-if-match");
        upsert.path.put("externalClaimId", "FZ-IFM-" + UUID.randomUUID());
        RawHttp.Response created = fuzzer.exchange(gateway, upsert);
        if (created.status() == 201 || created.status() == 200) {
            Draft stale = upsert.copy();
            stale.mutation = "corpus:upsert-stale-if-match";
            stale.setHeader("If-Match", "\"stale-etag\"");
            ((ObjectNode) stale.json.with("patient")).put("lastName", "Changed");
            send(stale.expect(412));
        }

        // ---- an impossible transition names both states
        String submitted = freshClaim("impossible-transition-names-both-states");
        if (submitted != null) {
            String id = submitted;
            Draft appeal = draft("post", "/api/v1/claims/{claimId}/appeals", a, "impossible-transition-names-both-states");
            appeal.path.put("claimId", id);
            send(gateway, appeal.expect(409), r -> {
                String detail = field(r, "detail");
                return detail != null && detail.contains("SUBMITTED") && detail.contains("APPEALED") ? null
                        : "the 409 must name the current state and the one asked for: " + detail;
            });
        }

        // ---- money zero is 0.00, not 0: reports of a practice with no data
        String empty = "P300";
        for (String path : List.of("/api/v1/reports/kpis", "/api/v1/reports/ar-aging")) {
            find("get", path).ifPresent(op -> {
                Draft d = fuzzer.valid(op, empty);
                d.mutation = "corpus:zero-money-has-two-decimals";
                send(gateway, d, r -> ZERO_MONEY.matcher(r.bodyText()).find()
                        ? "money zero written without two decimals: " + ZERO_MONEY.matcher(r.bodyText()).results()
                        .map(m -> m.group()).limit(3).toList() : null);
            });
        }

        // ---- malformed tokens: 401 at the gateway and in every service; two Authorization headers: 400
        Map<String, String> bad = Tokens.malformed(a);
        List<String> layers = new ArrayList<>(List.of(gateway));
        for (Map.Entry<String, String> service : services.entrySet()) {
            layers.add(service.getValue());
        }
        for (String layer : layers) {
            String path = layer.equals(gateway) ? "/api/v1/claims" : prefixOf(layer);
            OpenApi.Operation op = fuzzer.api().operations().stream().filter(o -> o.method().equals("get")
                    && o.path().equals(path)).findFirst().orElse(null);
            if (op == null) {
                continue;
            }
            for (String name : List.of("no-sub", "iat-next-year", "groups-as-string", "no-practices")) {
                Draft d = fuzzer.valid(op, a);
                d.mutation = "corpus:token-" + name;
                d.setHeader("Authorization", bad.get(name));
                send(layer, d.expect(401), null);
            }
            Draft two = fuzzer.valid(op, a);
            two.mutation = "corpus:two-authorization-headers";
            two.headers.add(new RawHttp.Header("Authorization", "Bearer " + Tokens.valid(Fuzzer.B)));
            send(layer, two.expect(400), null);
            // writes with a token without sub were a 500
            find("post", "/api/v1/claims").filter(x -> layer.equals(gateway) || path.startsWith("/api/v1/claims")).ifPresent(post -> {
                Draft write = fuzzer.valid(post, a);
                write.mutation = "corpus:token-no-sub-write";
                write.setHeader("Authorization", bad.get("no-sub"));
                send(layer, write.expect(401), null);
            });
        }

        // ---- payers are written by admin only
        Draft payer = draft("put", "/api/v1/payers/{payerId}", a, "payer-write-needs-admin");
        payer.path.put("payerId", "FUZZ-PAYER");
        payer.setHeader("Authorization", "Bearer " + com.ardesk.devstack.DevTokens.token("fuzz-pm", List.of("integration"), List.of(a)));
        send(payer.expect(403));

        // ---- contract shapes: the denial answers the denial; payers carry their terms at the top
        String toDeny = freshClaim("denial-answers-the-denial");
        if (toDeny != null) {
            String id = toDeny;
            Draft denial = draft("post", "/api/v1/claims/{claimId}/denials", a, "denial-answers-the-denial");
            denial.path.put("claimId", id);
            // every field the service requires, whether or not the document marks it required
            denial.json = OpenApi.JSON_MAPPER().valueToTree(Map.of("groupCode", "CO", "reasonCode", "197",
                    "amount", new BigDecimal("280.50"), "deniedOn", java.time.LocalDate.now().minusDays(1).toString()));
            send(gateway, denial.expect(201), r -> {
                JsonNode body = json(r);
                List<String> missing = new ArrayList<>();
                for (String f : List.of("category", "appealDeadline")) {
                    if (body == null || !body.has(f)) {
                        missing.add(f);
                    }
                }
                if (r.header("Location").isEmpty()) {
                    missing.add("Location header");
                }
                if (body != null && body.has("lines")) {
                    missing.add("(answers the whole claim)");
                }
                return missing.isEmpty() ? null : "the denial answer lacks " + missing;
            });
        }
        find("get", "/api/v1/payers").ifPresent(op -> {
            Draft d = fuzzer.valid(op, a);
            d.query.clear();
            d.mutation = "corpus:payers-carry-their-terms";
            send(gateway, d, r -> {
                JsonNode items = Optional.ofNullable(json(r)).map(j -> j.path("items")).orElse(null);
                if (items == null || !items.isArray() || items.isEmpty()) {
                    return "no payers listed";
                }
                JsonNode first = items.get(0);
                return first.has("timelyFilingDays") && first.has("appealWindowDays") ? null
                        : "a payer lacks top-level timelyFilingDays/appealWindowDays: fields " + fieldNames(first);
            });
        });

        // ---- the prep packet holds the payment history and the script itself
        fuzzer.pools().pick(a, "claimId", fuzzer.random()).ifPresent(claimId -> find("get", "/api/v1/prep/{claimId}").ifPresent(op -> {
            Draft d = fuzzer.valid(op, a);
            d.path.put("claimId", claimId);
            d.mutation = "corpus:prep-holds-payments-and-script";
            send(gateway, d, r -> {
                JsonNode body = json(r);
                if (r.status() != 200 || body == null) {
                    return null;
                }
                boolean payments = fieldNames(body).stream().anyMatch(f -> f.toLowerCase().contains("payment") && body.get(f).isArray());
                boolean script = fieldNames(body).stream().anyMatch(f -> f.toLowerCase().contains("script") && body.get(f).isObject());
                return payments && script ? null : "prep lacks " + (payments ? "" : "a payment history array ")
                        + (script ? "" : "a call script object ") + "; fields " + fieldNames(body);
            });
        }));

        // ---- metrics are not public at the gateway
        Draft metrics = draft("get", "/api/v1/claims", a, "metrics-not-public");
        metrics.rawTarget = "/q/metrics";
        metrics.method = "GET";
        metrics.checkSchema = false;
        metrics.setHeader("Authorization", null);
        send(gateway, metrics, r -> r.status() == 200 ? "/q/metrics answers 200 without a token at the gateway" : null);
    }

    private String prefixOf(String layer) {
        return services.entrySet().stream().filter(e -> e.getValue().equals(layer)).map(Map.Entry::getKey).findFirst().orElseThrow();
    }

    /** Dotted paths of every field in a body holding an ISO date or timestamp. */
    private static List<String> dateFields(JsonNode node, String prefix) {
        List<String> fields = new ArrayList<>();
        if (node instanceof ObjectNode object) {
            for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                JsonNode v = object.get(f);
                if (v.isTextual() && ISO_DATE.matcher(v.asText()).lookingAt()) {
                    fields.add(prefix + f);
                } else if (v.isObject()) {
                    fields.addAll(dateFields(v, prefix + f + "."));
                }
            }
        }
        return fields;
    }

    private static boolean setPath(JsonNode root, String dotted, String value) {
        String[] parts = dotted.split("\\.");
        JsonNode node = root;
        for (int i = 0; i < parts.length - 1; i++) {
            node = node == null ? null : node.get(parts[i]);
        }
        if (node instanceof ObjectNode object && object.has(parts[parts.length - 1])) {
            boolean dateTime = object.get(parts[parts.length - 1]).asText().contains("T");
            object.put(parts[parts.length - 1], dateTime ? value + "T00:00:00Z" : value);
            return true;
        }
        return false;
    }

    private static JsonNode json(RawHttp.Response r) {
        try {
            return OpenApi.JSON.readTree(r.body());
        } catch (Exception e) {
            return null;
        }
    }

    private static String field(RawHttp.Response r, String name) {
        JsonNode body = json(r);
        return body == null || !body.path(name).isTextual() ? null : body.get(name).asText();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
