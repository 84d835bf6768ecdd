package com.ardesk.e2e.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * Valid input from a schema, as a client that read the document would send it: the documented
 * example first, then the schema's own constraints. Names that point at data (practiceId, claimId,
 * payerId, ...) take the acting practice and ids the {@link Pools} learned, so a request gets past
 * the lookups to the code behind them.
 */
public final class Inputs {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private final OpenApi api;
    private final Pools pools;
    private final Random random;

    public Inputs(OpenApi api, Pools pools, Random random) {
        this.api = api;
        this.pools = pools;
        this.random = random;
    }

    /** A valid value for a field or parameter named {@code name} (may be null) of {@code practice}. */
    public JsonNode value(JsonNode rawSchema, String name, String practice, int depth) {
        JsonNode schema = api.resolve(rawSchema);
        JsonNode known = known(name, practice, schema);
        if (known != null) {
            return known;
        }
        if (schema.has("const")) {
            return schema.get("const").deepCopy();
        }
        if (schema.has("example")) {
            return withKnown(schema.get("example").deepCopy(), practice);
        }
        if (schema.path("examples").isArray() && schema.get("examples").size() > 0) {
            return withKnown(schema.get("examples").get(0).deepCopy(), practice);
        }
        if (schema.path("enum").isArray() && schema.get("enum").size() > 0) {
            JsonNode values = schema.get("enum");
            return values.get(random.nextInt(values.size())).deepCopy();
        }
        for (String combinator : new String[] {"allOf", "oneOf", "anyOf"}) {
            if (schema.path(combinator).isArray() && schema.get(combinator).size() > 0) {
                if (combinator.equals("allOf")) {
                    ObjectNode merged = NODES.objectNode();
                    for (JsonNode part : schema.get("allOf")) {
                        JsonNode v = value(part, name, practice, depth);
                        if (v.isObject()) {
                            merged.setAll((ObjectNode) v);
                        } else {
                            return v;
                        }
                    }
                    return merged;
                }
                for (JsonNode option : schema.get(combinator)) {
                    if (!"null".equals(api.resolve(option).path("type").asText())) {
                        return value(option, name, practice, depth);
                    }
                }
            }
        }
        return switch (type(schema)) {
            case "object" -> object(schema, practice, depth);
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                int n = Math.max(1, schema.path("minItems").asInt(1));
                String itemName = name != null && name.endsWith("s") ? name.substring(0, name.length() - 1) : name;
                for (int i = 0; i < n; i++) {
                    array.add(value(schema.path("items"), itemName, practice, depth + 1));
                }
                yield array;
            }
            case "integer" -> NODES.numberNode(Math.max(schema.path("minimum").asLong(1), 1)
                    + (schema.has("maximum") ? 0 : random.nextInt(5)));
            case "number" -> NODES.numberNode(new BigDecimal("10.00").max(
                    new BigDecimal(schema.path("minimum").asText("0")).add(new BigDecimal("0.01"))));
            case "boolean" -> NODES.booleanNode(random.nextBoolean());
            case "null" -> NODES.nullNode();
            default -> NODES.textNode(string(schema, name));
        };
    }

    /** The JSON type of a schema; a 3.1 type list (["string","null"]) gives its non-null member. */
    public static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!"null".equals(t.asText())) {
                    return t.asText();
                }
            }
            return "null";
        }
        if (type.isTextual()) {
            return type.asText();
        }
        if (schema.has("properties")) {
            return "object";
        }
        if (schema.has("items")) {
            return "array";
        }
        return "string";
    }

    private ObjectNode object(JsonNode schema, String practice, int depth) {
        ObjectNode object = NODES.objectNode();
        Set<String> required = new java.util.HashSet<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        JsonNode properties = schema.path("properties");
        for (Iterator<String> it = properties.fieldNames(); it.hasNext(); ) {
            String property = it.next();
            JsonNode propertySchema = api.resolve(properties.get(property));
            if (propertySchema.path("readOnly").asBoolean(false)) {
                continue;
            }
            // optional fields often, not always: both shapes are valid input
            if (required.contains(property) || depth < 3 && random.nextInt(10) < 7) {
                object.set(property, value(propertySchema, property, practice, depth + 1));
            }
        }
        return object;
    }

    /** A documented example with its practice and ids replaced by the acting practice's own. */
    public JsonNode withKnown(JsonNode example, String practice) {
        if (example instanceof ObjectNode object) {
            for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
                String field = it.next();
                JsonNode child = object.get(field);
                JsonNode known = child.isValueNode() ? known(field, practice, NODES.objectNode().put("type", "string")) : null;
                if (known != null) {
                    object.set(field, known);
                } else if (field.endsWith("Ids") && child.isArray()) {
                    ArrayNode ids = NODES.arrayNode();
                    String single = field.substring(0, field.length() - 1);
                    child.forEach(id -> ids.add(pools.pick(practice, single, random).<JsonNode>map(NODES::textNode).orElse(id)));
                    object.set(field, ids);
                } else {
                    withKnown(child, practice);
                }
            }
        } else if (example instanceof ArrayNode array) {
            array.forEach(item -> withKnown(item, practice));
        }
        return example;
    }

    /** Ids and names that must refer to existing data of the acting practice to get anywhere. */
    private JsonNode known(String name, String practice, JsonNode schema) {
        if (name == null) {
            return null;
        }
        if (name.equals("practiceId")) {
            return NODES.textNode(practice);
        }
        if (name.equals("externalClaimId")) {
            return NODES.textNode("FZ-" + Long.toHexString(random.nextLong()));
        }
        if (name.endsWith("Id") && !"array".equals(type(schema))) {
            return pools.pick(practice, name, random).<JsonNode>map(NODES::textNode).orElse(null);
        }
        return null;
    }

    private String string(JsonNode schema, String name) {
        String format = schema.path("format").asText("");
        LocalDate today = LocalDate.now();
        return switch (format) {
            case "date" -> today.minusDays(random.nextInt(30) + 1).toString();
            case "date-time" -> Instant.now().minus(random.nextInt(600) + 60, ChronoUnit.SECONDS).truncatedTo(ChronoUnit.SECONDS).toString();
            case "uuid" -> UUID.randomUUID().toString();
            case "email" -> "fuzz@example.com";
            case "uri" -> "https://example.com/fuzz";
            default -> {
                if (name != null && name.toLowerCase().contains("npi")) {
                    yield "1234567893";
                }
                int min = schema.path("minLength").asInt(1);
                int max = schema.path("maxLength").asInt(Math.max(min, 12));
                StringBuilder s = new StringBuilder("Fz");
                while (s.length() < min) {
                    s.append('x');
                }
                yield s.length() > max ? s.substring(0, max) : s.toString();
            }
        };
    }
}
