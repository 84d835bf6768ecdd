package com.ardesk.kit.web;

import com.ardesk.kit.problem.ProblemException;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Query parameters read by hand, so a bad value is a 400 naming the parameter (the framework's own
 * conversion failures do not say which parameter was wrong). An absent or blank value is null.
 */
public final class Params {
    private Params() {
    }

    public static UUID uuid(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.validation(name, "must be a UUID");
        }
    }

    public static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.validation(name, "must be a date (YYYY-MM-DD)");
        }
        String outOfRange = JsonInput.dateProblem(date);
        if (outOfRange != null) {
            throw ProblemException.validation(name, outOfRange);
        }
        return date;
    }

    public static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.validation(name, "must be one of "
                    + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")));
        }
    }

    public static String text(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** Only {@code true} or {@code false}: a typo such as {@code denied=maybe} must not silently drop the filter. */
    public static Boolean bool(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw ProblemException.validation(name, "must be true or false");
        };
    }
}
