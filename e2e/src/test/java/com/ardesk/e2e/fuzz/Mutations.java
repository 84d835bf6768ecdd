package com.ardesk.e2e.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

/**
 * The ways a valid request is broken, one per request. Each names what it did; those that send
 * input the contract forbids mark the draft so that an accepting 2xx, or a status other than the
 * contract's, becomes a finding of its own.
 */
public final class Mutations {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** A place in a JSON body with the schema that describes it. */
    record Slot(JsonNode container, String field, int index, JsonNode schema, boolean required) {
        void set(JsonNode value) {
            if (container instanceof ObjectNode o) {
                o.set(field, value);
            } else {
                ((ArrayNode) container).set(index, value);
            }
        }

        String name() {
            return field != null ? field : "[" + index + "]";
        }
    }

    /** A mutation: where it applies and what it does. */
    record Mutation(String name, Predicate<Draft> applies, BiConsumer<Draft, Random> apply) {
    }

    private final OpenApi api;
    private final Pools pools;
    private final List<Mutation> all = new ArrayList<>();

    public Mutations(OpenApi api, Pools pools, Map<String, String> otherPractice) {
        this.api = api;
        this.pools = pools;
        register(otherPractice);
    }

    /** The mutations that can change this draft. */
    public List<Mutation> applicable(Draft d) {
        return all.stream().filter(m -> m.applies().test(d)).toList();
    }

    private void add(String name, Predicate<Draft> applies, BiConsumer<Draft, Random> apply) {
        all.add(new Mutation(name, applies, (d, r) -> {
            d.mutation = name;
            apply.accept(d, r);
        }));
    }

    private static <T> T pick(List<T> values, Random random) {
        return values.get(random.nextInt(values.size()));
    }

    private static String pick(Random random, String... values) {
        return values[random.nextInt(values.length)];
    }

    private void register(Map<String, String> others) {
        Predicate<Draft> jsonBody = d -> d.json != null && d.json.isObject();

        // ---- body
        add("body.wrong-type", d -> jsonBody.test(d) && !slots(d).isEmpty(), (d, r) -> {
            Slot s = pick(slots(d), r);
            String type = Inputs.type(s.schema());
            JsonNode value = switch (type) {
                case "string" -> r.nextBoolean() ? NODES.objectNode().put("x", 1) : NODES.arrayNode().add("x");
                case "integer", "number" -> NODES.textNode(pick(r, "abc", "1,5", "12 EUR"));
                case "boolean" -> NODES.textNode("maybe");
                case "array" -> NODES.textNode("x");
                default -> NODES.numberNode(42);
            };
            s.set(value);
            d.mutationDetail = s.name() + " (" + type + ") := " + value;
            d.refuse();
        });
        add("body.missing-required", d -> jsonBody.test(d) && slots(d).stream().anyMatch(Slot::required), (d, r) -> {
            Slot s = pick(slots(d).stream().filter(Slot::required).toList(), r);
            ((ObjectNode) s.container()).remove(s.field());
            d.mutationDetail = "without " + s.name();
            d.refuse();
        });
        add("body.null-required", d -> jsonBody.test(d) && slots(d).stream().anyMatch(Slot::required), (d, r) -> {
            Slot s = pick(slots(d).stream().filter(Slot::required).toList(), r);
            s.set(NODES.nullNode());
            d.mutationDetail = s.name() + " := null";
            d.refuse();
        });
        add("body.extra-field", jsonBody, (d, r) -> {
            ((ObjectNode) d.json).put("fuzzUnknownField", "x");
            d.mutationDetail = "fuzzUnknownField";
        });
        add("body.nul-char", d -> jsonBody.test(d) && !stringSlots(d).isEmpty(), (d, r) -> {
            Slot s = pick(stringSlots(d), r);
            s.set(NODES.textNode(pick(r, "A\u0000B", "\u0000", "x\u0000")));
            d.mutationDetail = s.name() + " with U+0000";
            d.refuse();
        });
        add("body.long-string", d -> jsonBody.test(d) && !stringSlots(d).isEmpty(), (d, r) -> {
            Slot s = pick(stringSlots(d), r);
            s.set(NODES.textNode("L".repeat(20_000)));
            d.mutationDetail = s.name() + " of 20,000 chars";
            if (s.schema().has("maxLength")) {
                d.refuse();
            }
        });
        add("body.unicode", d -> jsonBody.test(d) && !stringSlots(d).isEmpty(), (d, r) -> {
            Slot s = pick(stringSlots(d), r);
            s.set(NODES.textNode(pick(r, "\uD83D\uDE00 \u202Eevil", "\uD800", "\t\n\r", "'; DROP TABLE claim;--", "<script>")));
            d.mutationDetail = s.name() + " := " + s.container().get(s.field() != null ? s.field() : "");
        });
        add("body.huge-number", d -> jsonBody.test(d) && !numberSlots(d).isEmpty(), (d, r) -> {
            Slot s = pick(numberSlots(d), r);
            String number = pick(r, "1e400", "99999999999999999999999999999.99", "1234567890123.45", "9223372036854775808",
                    "2147483648", "-1", "-0.01", "0", "1.001", "-99999999999999999999");
            d.rawBody = replaceSlot(d, s, number);
            d.mutationDetail = s.name() + " := " + number;
        });
        add("body.extreme-date", d -> jsonBody.test(d) && !dateSlots(d).isEmpty(), (d, r) -> {
            Slot s = pick(dateSlots(d), r);
            boolean dateTime = "date-time".equals(s.schema().path("format").asText());
            String value = dateTime
                    ? pick(r, "-999999999-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z", "2024-02-30T00:00:00Z", "2024-01-01T25:00:00Z")
                    : pick(r, "-999999999-01-01", "+999999999-12-31", "2024-02-30", "0000-00-00", "20240101");
            s.set(NODES.textNode(value));
            d.mutationDetail = s.name() + " := " + value;
            d.refuse();
        });
        add("body.bad-enum", d -> jsonBody.test(d) && !enumSlots(d).isEmpty(), (d, r) -> {
            Slot s = pick(enumSlots(d), r);
            String value = pick(r, "NOT_A_VALUE", "", s.schema().path("enum").get(0).asText().toLowerCase() + "x");
            s.set(NODES.textNode(value));
            d.mutationDetail = s.name() + " := \"" + value + "\"";
            d.refuse();
        });
        add("body.duplicate-key", d -> jsonBody.test(d) && d.json.size() > 0, (d, r) -> {
            String first = d.json.fieldNames().next();
            String rest = d.json.toString().substring(1);
            JsonNode other = d.json.get(first).isTextual() ? NODES.textNode("b") : NODES.numberNode(2);
            d.rawBody = ("{\"" + first + "\":" + other + "," + rest).getBytes(StandardCharsets.UTF_8);
            d.mutationDetail = "\"" + first + "\" twice";
            d.refuse().expect(400);
        });
        add("body.not-json", d -> !d.op.bodies().isEmpty(), (d, r) -> {
            String body = pick(r, "{not json", "{\"a\":", "[]", "null", "\"text\"", "42", "{\"a\":1}}");
            d.rawBody = body.getBytes(StandardCharsets.UTF_8);
            d.json = null;
            if (d.contentType == null) {
                d.contentType = "application/json";
            }
            d.mutationDetail = body;
            // no body at all is fine where the body is optional; anything else here is no valid JSON object
            if (!body.equals("null") || d.op.bodyRequired()) {
                d.refuse();
            }
        });
        add("body.empty", d -> d.op.bodyRequired(), (d, r) -> {
            d.rawBody = new byte[0];
            d.json = null;
            d.mutationDetail = "no body";
            d.refuse();
        });
        add("body.deep-nesting", d -> !d.op.bodies().isEmpty(), (d, r) -> {
            int depth = pick(List.of(600, 2_000, 20_000), r);
            d.rawBody = ("{\"a\":" + "[".repeat(depth) + "]".repeat(depth) + "}").getBytes(StandardCharsets.UTF_8);
            d.json = null;
            d.contentType = "application/json";
            d.mutationDetail = "arrays nested " + depth + " deep";
            // within Jackson's nesting limit (1,000) an unknown field's value is skipped
            if (depth > 1_000) {
                d.refuse();
            }
        });
        add("body.bad-utf8", d -> jsonBody.test(d) && !stringSlots(d).isEmpty(), (d, r) -> {
            Slot s = pick(stringSlots(d), r);
            s.set(NODES.textNode("@@BAD@@"));
            byte[] json = d.json.toString().getBytes(StandardCharsets.UTF_8);
            String text = new String(json, StandardCharsets.ISO_8859_1).replace("@@BAD@@", "\u00C3\u0028\u00FF");
            d.rawBody = text.getBytes(StandardCharsets.ISO_8859_1);
            d.mutationDetail = s.name() + " with bytes C3 28 FF";
            d.refuse();
        });

        // ---- query
        add("query.wrong-type", d -> !typedQuery(d).isEmpty(), (d, r) -> {
            OpenApi.Parameter p = pick(typedQuery(d), r);
            String type = Inputs.type(p.schema());
            String value = p.schema().has("enum") ? "NOPE" : switch (type) {
                case "integer", "number" -> pick(r, "abc", "1e3x", "");
                case "boolean" -> "maybe";
                default -> pick(r, "notadate", "2024-13-45", "yesterday");
            };
            setQuery(d, p.name(), Draft.encode(value));
            d.mutationDetail = p.name() + "=" + value;
            if (!value.isEmpty()) {
                d.expect(400);
            }
        });
        add("query.nul", d -> d.op.parameters().stream().anyMatch(p -> p.in().equals("query")), (d, r) -> {
            OpenApi.Parameter p = pick(queryParams(d), r);
            setQuery(d, p.name(), pick(r, "%00", "A%00B"));
            d.mutationDetail = p.name() + " with %00";
            d.refuse();
        });
        add("query.bad-percent", d -> true, (d, r) -> {
            String value = pick(r, "%%%garbage", "%zz", "%E0%A4%A", "%", "%C0%AF");
            String name = queryParams(d).isEmpty() ? "fuzz" : pick(queryParams(d), r).name();
            setQuery(d, name, value);
            d.mutationDetail = name + "=" + value;
            if (r.nextBoolean()) {
                d.setHeader("X-Request-Id", null);
                d.mutationDetail += " without X-Request-Id";
            }
            if (!value.equals("%C0%AF")) {
                d.expect(400);
            }
        });
        add("query.foreign-cursor", d -> hasQuery(d, "cursor"), (d, r) -> {
            String cursor = pick(r, "AAAA", "!!!!", "pool", "pool", Base64.getUrlEncoder().withoutPadding()
                    .encodeToString("a\u001fb\u001fc\u001fd\u001fe".getBytes(StandardCharsets.UTF_8)),
                    Base64.getUrlEncoder().withoutPadding().encodeToString("2024-01-01\u001fnot-a-uuid".getBytes(StandardCharsets.UTF_8)));
            if (cursor.equals("pool")) {
                cursor = pools.cursor(r).orElse("AAAA");
            } else {
                d.refuse();
            }
            setQuery(d, "cursor", Draft.encode(cursor));
            d.mutationDetail = "cursor=" + cursor;
        });
        add("query.limit-bounds", d -> hasQuery(d, "limit"), (d, r) -> {
            String limit = pick(r, "-1", "0", "501", "99999999999999999999", "1.5", "abc");
            setQuery(d, "limit", limit);
            d.mutationDetail = "limit=" + limit;
            d.expect(400);
        });
        add("query.extreme-date", d -> queryParams(d).stream().anyMatch(p -> p.schema().path("format").asText().startsWith("date")), (d, r) -> {
            OpenApi.Parameter p = pick(queryParams(d).stream().filter(q -> q.schema().path("format").asText().startsWith("date")).toList(), r);
            String value = pick(r, "-999999999-01-01", "+999999999-12-31", "0000-01-01");
            setQuery(d, p.name(), Draft.encode(value));
            d.mutationDetail = p.name() + "=" + value;
        });
        add("query.duplicate", d -> !queryParams(d).isEmpty(), (d, r) -> {
            OpenApi.Parameter p = pick(queryParams(d), r);
            d.query.add(new String[] {p.name(), "dup"});
            d.query.add(new String[] {p.name(), "dup2"});
            d.mutationDetail = p.name() + " twice";
        });
        add("query.missing-required", d -> queryParams(d).stream().anyMatch(OpenApi.Parameter::required), (d, r) -> {
            OpenApi.Parameter p = pick(queryParams(d).stream().filter(OpenApi.Parameter::required).toList(), r);
            d.query.removeIf(q -> q[0].equals(p.name()));
            d.mutationDetail = "without " + p.name();
            d.expect(400);
        });

        // ---- path
        add("path.garbage", d -> d.op.hasPathParameters(), (d, r) -> {
            String name = pick(new ArrayList<>(d.path.keySet()), r);
            boolean uuid = d.op.parameters().stream().anyMatch(p -> p.name().equals(name) && "uuid".equals(p.schema().path("format").asText()));
            // an external id may be any short text: only values no parameter accepts, and for ids
            // with a format, values that break it
            String value = uuid
                    ? pick(r, "%00", "A%00B", "not-a-uuid", "%2E%2E", "a%2Fb", "%E2%82%AC", "-1", "x".repeat(3_000), "%%%",
                    "00000000-0000-0000-0000-000000000000")
                    : pick(r, "%00", "A%00B", "%2E%2E", "a%2Fb", "%E2%82%AC", "x".repeat(3_000), "%%%");
            d.path.put(name, value);
            d.mutationDetail = name + "=" + (value.length() > 40 ? value.length() + " chars" : value);
            d.refuse();
        });
        add("path.unknown-id", d -> d.op.method().equals("get") && uuidPath(d) != null, (d, r) -> {
            String name = uuidPath(d);
            d.path.put(name, UUID.randomUUID().toString());
            d.mutationDetail = name + " = a random UUID";
            d.expect(404);
        });

        // ---- headers
        add("header.content-type", d -> !d.op.bodies().isEmpty(), (d, r) -> {
            String type = pick(r, "a/b/c", "text/plain", "application/xml", "", "none", "application/json; charset=ebcdic",
                    "application/x-www-form-urlencoded", "multipart/form-data; boundary=x");
            d.contentType = type.equals("none") ? null : type;
            d.mutationDetail = "Content-Type: " + type;
            if (!type.isEmpty() && !type.equals("none")) {
                d.refuse();
            }
        });
        add("header.stale-if-match", d -> d.op.method().equals("put"), (d, r) -> {
            String etag = pick(r, "\"stale-etag\"", "W/\"0\"", "garbage");
            d.setHeader("If-Match", etag);
            d.mutationDetail = "If-Match: " + etag;
            d.refuse();
        });
        add("header.idempotency-key", d -> d.op.method().equals("post"), (d, r) -> {
            String key = pick(r, "k".repeat(5_000), "", " ", "\u00e9\u00e8");
            d.setHeader("Idempotency-Key", key);
            d.mutationDetail = "Idempotency-Key of " + key.length() + " chars";
        });
        add("header.accept", d -> true, (d, r) -> {
            String accept = pick(r, "application/xml", "text/html", "*/*;q=abc", "application/problem+json");
            d.setHeader("Accept", accept);
            d.mutationDetail = "Accept: " + accept;
        });
        add("header.foreign-origin", d -> true, (d, r) -> {
            d.setHeader("Origin", "https://evil.example");
            if (r.nextBoolean()) {
                d.method = "OPTIONS";
                d.setHeader("Access-Control-Request-Method", d.op.method().toUpperCase());
                d.json = null;
                d.rawBody = null;
                d.contentType = null;
                d.mutationDetail = "CORS preflight from https://evil.example";
            } else {
                d.mutationDetail = "Origin: https://evil.example";
            }
        });

        // ---- tokens: every malformed one is a 401, on every layer
        for (String bad : List.of("none", "garbage", "basic-scheme", "empty-bearer", "expired", "wrong-issuer",
                "wrong-audience", "no-sub", "iat-next-year", "groups-as-string", "no-practices", "bad-signature", "alg-none")) {
            add("auth." + bad, d -> true, (d, r) -> {
                d.setHeader("Authorization", bad.equals("none") ? null : Tokens.malformed(d.practice).get(bad));
                d.mutationDetail = bad.equals("none") ? "no Authorization header" : "token: " + bad;
                d.expect(401);
            });
        }
        add("auth.two-headers", d -> true, (d, r) -> {
            d.headers.add(new RawHttp.Header("Authorization", "Bearer " + Tokens.valid(d.practice)));
            d.mutationDetail = "two Authorization headers";
            d.expect(400);
        });
        add("auth.caller-only", d -> true, (d, r) -> {
            d.setHeader("Authorization", "Bearer " + Tokens.callerOnly(d.practice));
            d.mutationDetail = "a caller's token";
        });

        // ---- tenancy: the other practice's token on this practice's ids
        add("tenancy.other-practice", d -> true, (d, r) -> {
            String other = others.get(d.practice);
            d.actor = other;
            d.setHeader("Authorization", "Bearer " + Tokens.valid(other));
            d.mutationDetail = "token of " + other + " on " + d.practice + "'s data";
            if (d.path.values().stream().anyMatch(v -> pools.ownedBy(d.practice).contains(v))) {
                // a read is 404; a write may fail its body checks first, but must not succeed
                if (d.op.method().equals("get")) {
                    d.expect(404);
                } else {
                    d.refuse();
                }
            }
        });

        // ---- transport
        add("transport.huge-uri", d -> true, (d, r) -> {
            d.query.add(new String[] {"fuzz", "u".repeat(pick(List.of(5_000, 9_000), r))});
            d.mutationDetail = "request-target over 4 KB";
            d.refuse();
        });
        add("transport.huge-header", d -> true, (d, r) -> {
            d.setHeader("X-Fuzz", "h".repeat(65_536));
            d.mutationDetail = "a 64 KB header";
            d.refuse();
        });
        add("transport.chunked", d -> d.json != null, (d, r) -> {
            d.chunked = true;
            d.mutationDetail = "chunked body";
        });
        add("method.unsupported", d -> true, (d, r) -> {
            // no path of the document declares PATCH, TRACE or FOO
            d.method = pick(r, "PATCH", "TRACE", "FOO");
            d.mutationDetail = d.method + " " + d.op.path();
            d.refuse();
        });
    }

    // ---- helpers over the draft

    private List<Slot> slots(Draft d) {
        List<Slot> slots = new ArrayList<>();
        JsonNode schema = d.op.bodies().getOrDefault("application/json", d.op.bodies().values().stream().findFirst().orElse(null));
        collect(d.json, schema, slots, 0);
        return slots;
    }

    private void collect(JsonNode node, JsonNode rawSchema, List<Slot> slots, int depth) {
        if (rawSchema == null || depth > 6) {
            return;
        }
        JsonNode schema = effective(api.resolve(rawSchema));
        if (node instanceof ObjectNode object) {
            java.util.Set<String> required = new java.util.HashSet<>();
            schema.path("required").forEach(x -> required.add(x.asText()));
            for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
                String field = it.next();
                JsonNode fieldSchema = effective(api.resolve(schema.path("properties").path(field)));
                slots.add(new Slot(object, field, -1, fieldSchema, required.contains(field)));
                collect(object.get(field), fieldSchema, slots, depth + 1);
            }
        } else if (node instanceof ArrayNode array) {
            JsonNode items = effective(api.resolve(schema.path("items")));
            for (int i = 0; i < array.size(); i++) {
                slots.add(new Slot(array, null, i, items, false));
                collect(array.get(i), items, slots, depth + 1);
            }
        }
    }

    /** The alternative that describes a value: a nullable oneOf/anyOf gives its non-null member. */
    private JsonNode effective(JsonNode schema) {
        for (String combinator : new String[] {"oneOf", "anyOf", "allOf"}) {
            if (schema.path(combinator).isArray()) {
                for (JsonNode option : schema.get(combinator)) {
                    JsonNode o = api.resolve(option);
                    if (!"null".equals(o.path("type").asText())) {
                        return o;
                    }
                }
            }
        }
        return schema;
    }

    private List<Slot> stringSlots(Draft d) {
        return slots(d).stream().filter(s -> s.container().isObject() || s.container().isArray())
                .filter(s -> "string".equals(Inputs.type(s.schema())) && !s.schema().has("enum")
                        && !s.schema().path("format").asText().startsWith("date")).toList();
    }

    private List<Slot> numberSlots(Draft d) {
        return slots(d).stream().filter(s -> s.field() != null)
                .filter(s -> List.of("integer", "number").contains(Inputs.type(s.schema()))).toList();
    }

    private List<Slot> dateSlots(Draft d) {
        return slots(d).stream().filter(s -> s.schema().path("format").asText().startsWith("date")).toList();
    }

    private List<Slot> enumSlots(Draft d) {
        return slots(d).stream().filter(s -> s.schema().path("enum").isArray() && s.schema().get("enum").size() > 0).toList();
    }

    /** The body with one field's value written as raw JSON text (a number beyond what Jackson would write). */
    private static byte[] replaceSlot(Draft d, Slot s, String rawNumber) {
        s.set(NODES.rawValueNode(new com.fasterxml.jackson.databind.util.RawValue(rawNumber)));
        return d.json.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static List<OpenApi.Parameter> queryParams(Draft d) {
        return d.op.parameters().stream().filter(p -> p.in().equals("query")).toList();
    }

    private static boolean hasQuery(Draft d, String name) {
        return queryParams(d).stream().anyMatch(p -> p.name().equals(name));
    }

    private static List<OpenApi.Parameter> typedQuery(Draft d) {
        return queryParams(d).stream().filter(p -> p.schema().has("enum")
                || List.of("integer", "number", "boolean").contains(Inputs.type(p.schema()))
                || p.schema().path("format").asText().startsWith("date")).toList();
    }

    private static void setQuery(Draft d, String name, String rawValue) {
        d.query.removeIf(q -> q[0].equals(name));
        d.query.add(new String[] {name, rawValue});
    }

    private static String uuidPath(Draft d) {
        return d.op.parameters().stream().filter(p -> p.in().equals("path") && "uuid".equals(p.schema().path("format").asText()))
                .map(OpenApi.Parameter::name).findFirst().orElse(null);
    }
}
