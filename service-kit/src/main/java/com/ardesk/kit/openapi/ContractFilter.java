package com.ardesk.kit.openapi;

import com.ardesk.kit.problem.Problem;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Puts into every service's OpenAPI document, in one place, what holds for every operation and that
 * endpoint annotations would otherwise have to repeat (and did forget):
 * <ul>
 *   <li>every 4xx/5xx answer is {@code application/problem+json} with the {@code Problem} schema
 *   (the kit's {@link Problem} and {@code FieldError} records, written out here);</li>
 *   <li>every operation may answer 400: the request guard refuses a malformed request (broken
 *   percent-encoding, NUL character, two Authorization headers) whatever the operation;</li>
 *   <li>every operation that names a resource or a practice (a path parameter, or a
 *   {@code practiceId} query parameter) may answer 404: another practice's resource is not found;</li>
 *   <li>a field that is not required may be null: records are written with all their fields, so an
 *   absent value is written {@code null}, and a request may send null for what it may leave out.</li>
 * </ul>
 * Registered by {@code mp.openapi.filter} in the kit's microprofile-config.properties.
 */
public class ContractFilter implements OASFilter {
    static final String PROBLEM = "Problem";
    static final String FIELD_ERROR = "FieldError";
    private static final String PROBLEM_REF = "#/components/schemas/" + PROBLEM;
    private static final Set<String> METHODS_WITHOUT_BODY = Set.of("GET", "HEAD", "DELETE", "OPTIONS");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents();
        if (components == null) {
            components = OASFactory.createComponents();
            openAPI.setComponents(components);
        }
        components.addSchema(FIELD_ERROR, fieldError());
        components.addSchema(PROBLEM, problem());
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            for (PathItem item : openAPI.getPaths().getPathItems().values()) {
                if (item.getOperations() == null) {
                    continue;
                }
                for (Map.Entry<PathItem.HttpMethod, Operation> entry : item.getOperations().entrySet()) {
                    declareErrors(item, entry.getKey().name(), entry.getValue());
                }
            }
        }
        Set<Schema> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        if (components.getSchemas() != null) {
            for (Map.Entry<String, Schema> entry : components.getSchemas().entrySet()) {
                if (!entry.getKey().equals(PROBLEM) && !entry.getKey().equals(FIELD_ERROR)) {
                    allowNullWhereOptional(entry.getValue(), seen);
                }
            }
        }
    }

    private static void declareErrors(PathItem item, String method, Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        if (!responses.hasAPIResponse("400")) {
            responses.addAPIResponse("400", OASFactory.createAPIResponse().description(
                    METHODS_WITHOUT_BODY.contains(method)
                            ? "The request is malformed or a parameter is invalid; errors[] names each and why"
                            : "The request is malformed, or a parameter or the body is invalid; errors[] names each field and why"));
        }
        if (!responses.hasAPIResponse("404") && namesAResource(item, operation)) {
            responses.addAPIResponse("404", OASFactory.createAPIResponse().description(
                    "No such resource, or it belongs to a practice outside the token's practices"));
        }
        for (Map.Entry<String, APIResponse> entry : responses.getAPIResponses().entrySet()) {
            String status = entry.getKey();
            APIResponse response = entry.getValue();
            boolean error = status.startsWith("4") || status.startsWith("5") || status.equals("default");
            if (error && response.getRef() == null
                    && (response.getContent() == null || response.getContent().getMediaTypes() == null
                    || response.getContent().getMediaTypes().isEmpty())) {
                response.setContent(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF))));
            }
        }
    }

    private static boolean namesAResource(PathItem item, Operation operation) {
        List<org.eclipse.microprofile.openapi.models.parameters.Parameter> parameters = new ArrayList<>();
        if (item.getParameters() != null) {
            parameters.addAll(item.getParameters());
        }
        if (operation.getParameters() != null) {
            parameters.addAll(operation.getParameters());
        }
        return parameters.stream().anyMatch(p -> p.getIn() == org.eclipse.microprofile.openapi.models.parameters.Parameter.In.PATH
                || p.getIn() == org.eclipse.microprofile.openapi.models.parameters.Parameter.In.QUERY
                && "practiceId".equals(p.getName()));
    }

    /** Object properties (at any depth, in array items too) that are not required accept null. */
    private static void allowNullWhereOptional(Schema schema, Set<Schema> seen) {
        if (schema == null || !seen.add(schema)) {
            return;
        }
        allowNullWhereOptional(schema.getItems(), seen);
        java.util.stream.Stream.of(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf()).filter(java.util.Objects::nonNull)
                .flatMap(List::stream).forEach(member -> allowNullWhereOptional(member, seen));
        Map<String, Schema> properties = schema.getProperties();
        if (properties == null) {
            return;
        }
        List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
        for (Map.Entry<String, Schema> property : new ArrayList<>(properties.entrySet())) {
            allowNullWhereOptional(property.getValue(), seen);
            if (!required.contains(property.getKey())) {
                Schema nullable = nullable(property.getValue());
                if (nullable != property.getValue()) {
                    seen.add(nullable);
                    schema.addProperty(property.getKey(), nullable);
                }
            }
        }
    }

    /** The schema itself with null added to its types, or a new one: any of it and null. */
    private static Schema nullable(Schema schema) {
        if (schema == null) {
            return null;
        }
        if (schema.getRef() == null && schema.getType() != null && !schema.getType().isEmpty()) {
            if (!schema.getType().contains(SchemaType.NULL)) {
                schema.addType(SchemaType.NULL);
                if (schema.getEnumeration() != null && !schema.getEnumeration().contains(null)) {
                    schema.addEnumeration(null);
                }
            }
            return schema;
        }
        List<Schema> alternatives = schema.getRef() == null ? schema.getAnyOf() != null ? schema.getAnyOf() : schema.getOneOf() : null;
        if (alternatives != null) {
            if (alternatives.stream().noneMatch(ContractFilter::isNull)) {
                alternatives.add(OASFactory.createSchema().addType(SchemaType.NULL));
            }
            return schema;
        }
        // a reference (or an allOf), with its description beside it: the description stays on the
        // property, the rest becomes the first alternative
        Schema value = OASFactory.createSchema().ref(schema.getRef()).allOf(schema.getAllOf());
        return OASFactory.createSchema()
                .description(schema.getDescription())
                .addAnyOf(value)
                .addAnyOf(OASFactory.createSchema().addType(SchemaType.NULL));
    }

    private static boolean isNull(Schema schema) {
        return schema.getType() != null && schema.getType().equals(List.of(SchemaType.NULL));
    }

    private static Schema fieldError() {
        return OASFactory.createSchema()
                .addType(SchemaType.OBJECT)
                .description("One reason a request was refused: the field (JSON path, query or path parameter, header) and why")
                .addRequired("field").addRequired("message")
                .addProperty("field", string(1024, "lines[0].units"))
                .addProperty("message", string(4096, "must be between 1 and 9999"));
    }

    private static Schema problem() {
        return OASFactory.createSchema()
                .addType(SchemaType.OBJECT)
                .description("RFC 9457 problem details, the body of every 4xx and 5xx answer")
                .addRequired("type").addRequired("title").addRequired("status")
                .addProperty("type", string(200, "https://ardesk.dev/problems/validation").format("uri")
                        .description("A stable URI per kind of problem, for clients to branch on"))
                .addProperty("title", string(200, "Request is invalid"))
                .addProperty("status", OASFactory.createSchema().addType(SchemaType.INTEGER).format("int32")
                        .minimum(java.math.BigDecimal.valueOf(400)).maximum(java.math.BigDecimal.valueOf(599)).example(400))
                .addProperty("detail", string(8192, "lines[0].units: must be between 1 and 9999"))
                .addProperty("instance", string(8192, "/api/v1/claims").format("uri-reference").description("The request path"))
                .addProperty("requestId", string(128, "4f1c2a9e-5b7d-4c1e-9a31-2f6d8e0b7c55").pattern("^[A-Za-z0-9._:-]{1,128}$")
                        .description("The request's X-Request-Id, so support can find the log lines"))
                .addProperty("errors", OASFactory.createSchema().addType(SchemaType.ARRAY).maxItems(10000)
                        .description("For validation problems: every violation, not just the first")
                        .items(OASFactory.createSchema().ref("#/components/schemas/" + FIELD_ERROR)));
    }

    private static Schema string(int maxLength, String example) {
        return OASFactory.createSchema().addType(SchemaType.STRING).maxLength(maxLength).example(example);
    }
}
