package com.ardesk.followup.infra;

import com.ardesk.kit.problem.ProblemException;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Query parameters read by hand, so a bad value is a 400 naming the parameter rather than a framework 404. */
public final class Params {
    private Params() {
    }

    public static UUID uuid(String field, String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.validation(field, "must be a UUID");
        }
    }

    public static LocalDate date(String field, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.validation(field, "must be a date (YYYY-MM-DD)");
        }
    }

    public static <E extends Enum<E>> E enumValue(Class<E> type, String field, String value) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            List<String> names = new ArrayList<>();
            for (E constant : type.getEnumConstants()) {
                names.add(constant.name());
            }
            throw ProblemException.validation(field, "must be one of " + String.join(", ", names));
        }
    }
}
