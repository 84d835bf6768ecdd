package com.ardesk.kit.web;

import com.ardesk.kit.problem.FieldError;
import com.ardesk.kit.problem.ProblemException;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MultivaluedMap;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Checks every typed {@code @QueryParam}/{@code @PathParam} value before the REST layer converts it,
 * so a bad value is a 400 naming the parameter. JAX-RS itself answers a query or path value that
 * does not convert with 404 (as if the resource did not exist), and takes {@code denied=maybe} as
 * false; neither tells the client what was wrong.
 */
public class ParamGuard {
    private record Declared(String name, boolean query, Class<?> type) {
    }

    private static final Map<Method, List<Declared>> DECLARED = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public void check(ContainerRequestContext request, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return;
        }
        List<Declared> declared = DECLARED.computeIfAbsent(method, ParamGuard::declared);
        if (declared.isEmpty()) {
            return;
        }
        MultivaluedMap<String, String> query = request.getUriInfo().getQueryParameters();
        MultivaluedMap<String, String> path = request.getUriInfo().getPathParameters();
        List<FieldError> errors = new ArrayList<>();
        for (Declared d : declared) {
            List<String> values = (d.query() ? query : path).get(d.name());
            if (values == null) {
                continue;
            }
            for (String value : values) {
                String message = problem(d.type(), value);
                if (message != null) {
                    errors.add(new FieldError(d.name(), message));
                    break;
                }
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
    }

    /** Why {@code value} cannot be a {@code type}, or null when it can (blank counts as absent). */
    static String problem(Class<?> type, String value) {
        if (value.indexOf('\0') >= 0) {
            return "must not contain the NUL character (U+0000)";
        }
        if (value.isBlank() || type == String.class) {
            return null;
        }
        try {
            if (type == Integer.class || type == int.class) {
                Integer.parseInt(value.trim());
            } else if (type == Long.class || type == long.class) {
                Long.parseLong(value.trim());
            } else if (type == BigDecimal.class) {
                if (new BigDecimal(value.trim()).abs().compareTo(new BigDecimal("1e15")) >= 0) {
                    return "must be a decimal number below 1000000000000000";
                }
            } else if (type == Boolean.class || type == boolean.class) {
                if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
                    return "must be true or false";
                }
            } else if (type == UUID.class) {
                UUID.fromString(value.trim());
            } else if (type == LocalDate.class) {
                return JsonInput.dateProblem(LocalDate.parse(value.trim()));
            } else if (type.isEnum() && !hasFromString(type)) {
                return enumProblem(type, value);
            }
            return null;
        } catch (NumberFormatException e) {
            return type == BigDecimal.class ? "must be a decimal number" : "must be an integer";
        } catch (DateTimeParseException e) {
            return "must be a date (YYYY-MM-DD)";
        } catch (IllegalArgumentException e) {
            return "must be a UUID";
        }
    }

    private static String enumProblem(Class<?> type, String value) {
        for (Object constant : type.getEnumConstants()) {
            if (((Enum<?>) constant).name().equals(value)) {
                return null;
            }
        }
        return "must be one of " + Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name())
                .collect(Collectors.joining(", "));
    }

    // JAX-RS converts with a static fromString when the type has one (e.g. any-case names)
    private static boolean hasFromString(Class<?> type) {
        try {
            type.getMethod("fromString", String.class);
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    private static List<Declared> declared(Method method) {
        List<Declared> result = new ArrayList<>();
        for (Parameter p : method.getParameters()) {
            QueryParam q = p.getAnnotation(QueryParam.class);
            PathParam path = p.getAnnotation(PathParam.class);
            if (q != null) {
                result.add(new Declared(q.value(), true, p.getType()));
            } else if (path != null) {
                result.add(new Declared(path.value(), false, p.getType()));
            }
        }
        return List.copyOf(result);
    }
}
