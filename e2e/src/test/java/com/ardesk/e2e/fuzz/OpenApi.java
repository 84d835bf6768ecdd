package com.ardesk.e2e.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi31;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The gateway's merged OpenAPI 3.1 document as the fuzzer reads it: its operations, their
 * parameters and bodies with {@code $ref}s resolved, and a validator for each declared answer.
 * Answers are validated with networknt's OpenAPI 3.1 dialect against the schema at its place in
 * the document, so references between components resolve as any client's would.
 */
public final class OpenApi {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final String BASE = "https://ardesk.fuzz/openapi.json";
    private static final List<String> METHODS = List.of("get", "put", "post", "patch", "delete");

    /** A parameter of an operation, schema resolved. */
    public record Parameter(String name, String in, boolean required, JsonNode schema, JsonNode example) {
    }

    /** One operation; {@code bodies} maps each request media type to its resolved schema node. */
    public record Operation(String method, String path, String id, JsonNode node, List<Parameter> parameters,
                            Map<String, JsonNode> bodies, Map<String, JsonNode> bodyExamples, boolean bodyRequired) {
        public String label() {
            return method.toUpperCase() + " " + path;
        }

        public boolean hasPathParameters() {
            return parameters.stream().anyMatch(p -> p.in().equals("path"));
        }
    }

    /**
     * How an answer compares with its declaration: {@code finding} names what is wrong (null when
     * nothing is), {@code violations} the schema's complaints.
     */
    public record Verdict(String finding, List<String> violations) {
        static final Verdict OK = new Verdict(null, List.of());
    }

    private final JsonNode doc;
    private final List<Operation> operations = new ArrayList<>();
    private final JsonSchemaFactory factory;
    private final SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true).build();
    private final Map<String, JsonSchema> schemas = new HashMap<>();
    /** Where each declared answer's schema sits in the validator's copy of the document. */
    private final Map<String, String> answerSchemas = new HashMap<>();

    public OpenApi(String document) throws Exception {
        this.doc = JSON.readTree(document);
        JsonNode paths = doc.path("paths");
        for (Iterator<String> it = paths.fieldNames(); it.hasNext(); ) {
            String path = it.next();
            JsonNode item = paths.get(path);
            for (String method : METHODS) {
                if (item.has(method)) {
                    operations.add(operation(method, path, item, item.get(method)));
                }
            }
        }
        operations.sort(Comparator.comparing(Operation::path).thenComparing(Operation::method));
        // inline answer schemas are copied under components/schemas: a JSON pointer through a path
        // with braces is no valid URI fragment, a component name is, and $refs resolve the same.
        // Equal schemas share one copy: the validator loads the document once per location, and
        // hundreds of answers declare the same {"$ref": ".../Problem"}
        ObjectNode copy = doc.deepCopy();
        ObjectNode components = copy.with("components").with("schemas");
        Map<JsonNode, String> copied = new HashMap<>();
        for (Operation op : operations) {
            JsonNode responses = op.node().path("responses");
            for (Iterator<String> it = responses.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                JsonNode content = resolve(responses.get(key)).path("content");
                for (Iterator<String> media = content.fieldNames(); media.hasNext(); ) {
                    String mediaType = media.next();
                    if (content.get(mediaType).has("schema")) {
                        JsonNode schema = content.get(mediaType).get("schema");
                        String name = copied.computeIfAbsent(schema, s -> {
                            String n = "FuzzAnswer" + copied.size();
                            components.set(n, s.deepCopy());
                            return n;
                        });
                        answerSchemas.put(op.label() + " " + key + " " + mediaType, BASE + "#/components/schemas/" + name);
                    }
                }
            }
        }
        String validated = JSON.writeValueAsString(copy);
        this.factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012, b -> b
                .metaSchema(OpenApi31.getInstance())
                .defaultMetaSchemaIri(OpenApi31.getInstance().getIri())
                .schemaLoaders(loaders -> loaders.schemas(Map.of(BASE, validated))));
    }

    /** The mapper the fuzzer reads and writes JSON with. */
    public static ObjectMapper JSON_MAPPER() {
        return JSON;
    }

    public List<Operation> operations() {
        return operations;
    }

    public JsonNode document() {
        return doc;
    }

    private Operation operation(String method, String path, JsonNode item, JsonNode op) {
        List<Parameter> parameters = new ArrayList<>();
        List<JsonNode> declared = new ArrayList<>();
        item.path("parameters").forEach(declared::add);
        op.path("parameters").forEach(declared::add);
        for (JsonNode raw : declared) {
            JsonNode p = resolve(raw);
            JsonNode schema = resolve(p.path("schema"));
            JsonNode example = p.has("example") ? p.get("example") : firstExample(p.path("examples"));
            parameters.removeIf(existing -> existing.name().equals(p.path("name").asText())
                    && existing.in().equals(p.path("in").asText()));
            parameters.add(new Parameter(p.path("name").asText(), p.path("in").asText(),
                    p.path("required").asBoolean(false), schema, example));
        }
        Map<String, JsonNode> bodies = new java.util.LinkedHashMap<>();
        Map<String, JsonNode> examples = new java.util.LinkedHashMap<>();
        JsonNode requestBody = resolve(op.path("requestBody"));
        JsonNode content = requestBody.path("content");
        for (Iterator<String> it = content.fieldNames(); it.hasNext(); ) {
            String mediaType = it.next();
            JsonNode media = content.get(mediaType);
            bodies.put(mediaType, resolve(media.path("schema")));
            JsonNode example = media.has("example") ? media.get("example") : firstExample(media.path("examples"));
            if (example != null) {
                examples.put(mediaType, example);
            }
        }
        String id = op.path("operationId").asText(method + " " + path);
        return new Operation(method, path, id, op, List.copyOf(parameters), bodies, examples,
                requestBody.path("required").asBoolean(false));
    }

    private JsonNode firstExample(JsonNode examples) {
        if (examples.isObject() && examples.size() > 0) {
            JsonNode first = resolve(examples.elements().next());
            return first.has("value") ? first.get("value") : null;
        }
        if (examples.isArray() && examples.size() > 0) {
            return examples.get(0);
        }
        return null;
    }

    /** Follows {@code $ref}s inside the document until a node without one. */
    public JsonNode resolve(JsonNode node) {
        int hops = 0;
        while (node != null && node.has("$ref") && hops++ < 20) {
            String ref = node.get("$ref").asText();
            if (!ref.startsWith("#")) {
                return node;
            }
            JsonNode target = doc.at(ref.substring(1));
            if (target.isMissingNode()) {
                return node;
            }
            // a $ref with siblings (3.1 allows it): the siblings add to the target
            if (node.size() > 1 && target.isObject()) {
                ObjectNode merged = ((ObjectNode) target).deepCopy();
                node.fields().forEachRemaining(e -> {
                    if (!e.getKey().equals("$ref")) {
                        merged.set(e.getKey(), e.getValue());
                    }
                });
                target = merged;
            }
            node = target;
        }
        return node == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : node;
    }

    /**
     * Compares an answer with the operation's declaration: the status (or its {@code 4XX} range, or
     * {@code default}), the media type, and a JSON body against the declared schema.
     */
    public Verdict check(Operation op, int status, String mediaType, String body) {
        JsonNode responses = op.node().path("responses");
        String key = String.valueOf(status);
        if (!responses.has(key)) {
            key = (status / 100) + "XX";
        }
        if (!responses.has(key)) {
            key = "default";
        }
        if (!responses.has(key)) {
            return new Verdict("undeclared status", List.of());
        }
        JsonNode content = resolve(responses.get(key)).path("content");
        if (content.isMissingNode() || content.size() == 0) {
            return body.isEmpty() ? Verdict.OK : new Verdict("body not declared", List.of());
        }
        Optional<String> declared = matchMediaType(content, mediaType);
        if (declared.isEmpty()) {
            return new Verdict("undeclared media type", List.of());
        }
        String location = answerSchemas.get(op.label() + " " + key + " " + declared.get());
        if (!mediaType.contains("json") || location == null) {
            return Verdict.OK;
        }
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (Exception e) {
            return new Verdict("breaks its schema", List.of("body is not JSON: " + e.getMessage()));
        }
        if (json == null || json.isMissingNode()) {
            return new Verdict("breaks its schema", List.of("empty body"));
        }
        JsonSchema schema = schemas.computeIfAbsent(location, l -> factory.getSchema(SchemaLocation.of(l), config));
        List<String> errors = schema.validate(json).stream().map(ValidationMessage::getMessage).sorted().toList();
        return errors.isEmpty() ? Verdict.OK : new Verdict("breaks its schema", errors);
    }

    private static Optional<String> matchMediaType(JsonNode content, String mediaType) {
        if (content.has(mediaType)) {
            return Optional.of(mediaType);
        }
        String range = mediaType.contains("/") ? mediaType.substring(0, mediaType.indexOf('/')) + "/*" : "";
        if (content.has(range)) {
            return Optional.of(range);
        }
        return content.has("*/*") ? Optional.of("*/*") : Optional.empty();
    }
}
