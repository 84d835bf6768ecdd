package com.ardesk.kit.problem;

import com.ardesk.kit.web.RequestIds;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.ardesk.kit.web.JsonInput;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns every exception a request can raise into problem+json. Bad input of any kind (malformed
 * JSON, wrong types, huge numbers, unknown enum values, constraint violations) is a 400 naming the
 * field; anything unexpected is a 500 that says only the request id, never internals.
 */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response problem(ProblemException e, ContainerRequestContext request) {
        Response.ResponseBuilder response = build(request, e.status(), e.kind(), e.title(), e.getMessage(), e.errors());
        e.headers().forEach(response::header);
        return response.build();
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, ContainerRequestContext request) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message))
                .collect(Collectors.toList());
        ProblemException p = ProblemException.validation(errors);
        return build(request, 400, p.kind(), p.title(), p.getMessage(), errors).build();
    }

    // the exact Jackson types are listed so these win over Quarkus' built-in (non-problem) mappers
    @ServerExceptionMapper({JsonProcessingException.class, JsonMappingException.class, MismatchedInputException.class,
            InvalidFormatException.class, UnrecognizedPropertyException.class, JsonParseException.class,
            StreamReadException.class, InputCoercionException.class, InvalidDefinitionException.class,
            JsonInput.RefusedValue.class})
    public Response unreadableJson(JsonProcessingException e, ContainerRequestContext request) {
        String field = "body";
        String message;
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            field = pathOf(m.getPath());
        } else if (e instanceof InputCoercionException c && c.getProcessor() != null) {
            field = currentField(c);
        } else if (isDuplicateKey(e) && e instanceof StreamReadException r && r.getProcessor() != null) {
            field = pathOf(r.getProcessor().getParsingContext());
        }
        if (e instanceof JsonInput.RefusedValue) {
            message = e.getOriginalMessage();
        } else if (isDuplicateKey(e)) {
            message = "is given twice; send each field once";
        } else if (e instanceof InputCoercionException) {
            message = "is out of range";
        } else if (e instanceof UnrecognizedPropertyException) {
            message = "is not a known field";
        } else if (e instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()) {
            message = "must be one of " + java.util.Arrays.toString(f.getTargetType().getEnumConstants());
        } else if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            message = "must be " + describe(m.getTargetType());
        } else if (e instanceof JsonMappingException) {
            message = "has a value that cannot be read: " + firstLine(e.getOriginalMessage());
        } else {
            message = "is not well-formed JSON: " + firstLine(e.getOriginalMessage());
        }
        return build(request, 400, "validation", "Request is invalid", field + " " + message,
                List.of(new FieldError(field, message))).build();
    }

    @ServerExceptionMapper({AuthenticationFailedException.class,
            UnauthorizedException.class})
    public Response unauthenticated(RuntimeException e, ContainerRequestContext request) {
        return build(request, 401, "unauthenticated", "Unauthorized", "a valid bearer token is required", List.of())
                .header("WWW-Authenticate", "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, ContainerRequestContext request) {
        return build(request, 403, "forbidden", "Forbidden", "your role may not do this", List.of()).build();
    }

    @ServerExceptionMapper
    public Response staleVersion(OptimisticLockException e, ContainerRequestContext request) {
        return build(request, 409, "concurrent-update", "Conflict",
                "the resource was changed by another request; read it again and retry", List.of()).build();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, ContainerRequestContext request) {
        int status = e.getResponse().getStatus();
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json, request);
        }
        if (status == 404 && e.getCause() != null) {
            // JAX-RS answers a query or path value that does not convert with 404; it is bad input
            return build(request, 400, "validation", "Request is invalid", "a parameter has a value of the wrong type",
                    List.of(new FieldError("parameter", "has a value of the wrong type"))).build();
        }
        if (status == 413) {
            return build(request, 413, "payload-too-large", "Content Too Large", "the request body is too large",
                    List.of()).build();
        }
        if (status >= 500) {
            return unexpected(e, request);
        }
        String title = Response.Status.fromStatusCode(status) != null
                ? Response.Status.fromStatusCode(status).getReasonPhrase() : "Request refused";
        String detail = switch (status) {
            case 404 -> "no resource at " + request.getUriInfo().getPath();
            case 405 -> request.getMethod() + " is not allowed on " + request.getUriInfo().getPath();
            case 415 -> "content type " + request.getMediaType() + " is not accepted here";
            case 406 -> "no acceptable representation; this API answers application/json";
            default -> title;
        };
        String kind = switch (status) {
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 415 -> "unsupported-media-type";
            case 400 -> "validation";
            default -> "http-" + status;
        };
        List<FieldError> errors = status == 400 ? List.of(new FieldError("request", firstLine(e.getMessage())))
                : List.of();
        Response.ResponseBuilder response = build(request, status, kind, title, detail, errors);
        if (status == 405 && e.getResponse().getAllowedMethods() != null && !e.getResponse().getAllowedMethods().isEmpty()) {
            response.header("Allow", String.join(", ", e.getResponse().getAllowedMethods()));
        }
        return response.build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, ContainerRequestContext request) {
        ProblemException known = DatabaseProblems.of(e);
        if (known != null) {
            if (known.status() >= 500) {
                Log.warnf("%s %s → %d: %s (request %s)", request.getMethod(), request.getUriInfo().getPath(),
                        known.status(), e.toString(), RequestIds.of(request));
            }
            return problem(known, request);
        }
        String requestId = RequestIds.of(request);
        Log.errorf(e, "unexpected failure of %s %s (request %s)", request.getMethod(), request.getUriInfo().getPath(),
                requestId);
        return build(request, 500, "internal", "Internal error",
                "the request failed unexpectedly; nothing was changed. Quote request id " + requestId, List.of()).build();
    }

    static Response.ResponseBuilder build(ContainerRequestContext request, int status, String kind, String title,
                                          String detail, List<FieldError> errors) {
        // the path as sent (still percent-encoded), so it stays a URI reference
        Problem body = new Problem(Problem.type(kind), title, status, detail, request.getUriInfo().getRequestUri().getRawPath(),
                RequestIds.of(request), errors.isEmpty() ? null : errors);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(body);
    }

    /** {@code create.body.lines[0].units} → {@code lines[0].units}; a bare parameter keeps its name. */
    static String fieldOf(ConstraintViolation<?> violation) {
        List<String> parts = new ArrayList<>();
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CONSTRUCTOR) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            String name = node.getName();
            if (node.getKind() == ElementKind.CONTAINER_ELEMENT || name == null) {
                name = "";
            }
            if (node.isInIterable() && (node.getIndex() != null || node.getKey() != null) && !parts.isEmpty()) {
                String last = parts.remove(parts.size() - 1);
                parts.add(last + "[" + (node.getIndex() != null ? node.getIndex() : node.getKey()) + "]");
            }
            if (!name.isEmpty()) {
                parts.add(name);
            }
        }
        if (parts.isEmpty()) {
            return parameter != null ? parameter : "body";
        }
        return String.join(".", parts);
    }

    private static String currentField(InputCoercionException e) {
        try {
            String name = e.getProcessor().currentName();
            return name != null ? name : "body";
        } catch (java.io.IOException | RuntimeException ignored) {
            return "body";
        }
    }

    private static boolean isDuplicateKey(JsonProcessingException e) {
        return e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate field");
    }

    /** The JSON path the parser stands at, e.g. {@code lines[2].note}. */
    private static String pathOf(JsonStreamContext context) {
        List<String> parts = new ArrayList<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inObject() && c.getCurrentName() != null) {
                parts.add(0, c.getCurrentName());
            } else if (c.inArray()) {
                parts.add(0, "[" + Math.max(c.getCurrentIndex(), 0) + "]");
            }
        }
        StringBuilder b = new StringBuilder();
        for (String part : parts) {
            if (!b.isEmpty() && !part.startsWith("[")) {
                b.append('.');
            }
            b.append(part);
        }
        return b.isEmpty() ? "body" : b.toString();
    }

    private static String pathOf(List<JsonMappingException.Reference> path) {
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference ref : path) {
            if (ref.getFieldName() != null) {
                if (!b.isEmpty()) {
                    b.append('.');
                }
                b.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                b.append('[').append(ref.getIndex()).append(']');
            }
        }
        return b.isEmpty() ? "body" : b.toString();
    }

    private static final Map<Class<?>, String> TYPE_NAMES = Map.ofEntries(
            Map.entry(java.math.BigDecimal.class, "a decimal number"),
            Map.entry(java.time.LocalDate.class, "a date (YYYY-MM-DD)"),
            Map.entry(java.time.Instant.class, "an ISO-8601 timestamp"),
            Map.entry(java.util.UUID.class, "a UUID"),
            Map.entry(String.class, "a string"),
            Map.entry(Integer.class, "an integer"), Map.entry(int.class, "an integer"),
            Map.entry(Long.class, "an integer"), Map.entry(long.class, "an integer"),
            Map.entry(Boolean.class, "true or false"), Map.entry(boolean.class, "true or false"));

    private static String describe(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        if (List.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return TYPE_NAMES.getOrDefault(type, "an object");
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        String line = nl < 0 ? message : message.substring(0, nl);
        // Jackson names Java classes in some messages; clients need none of that
        return line.replaceAll("`[a-zA-Z0-9_.$]+`", "value").replaceAll("\\(class [^)]*\\)", "");
    }
}
