package com.ardesk.kit.problem;

/** One reason a request was refused: the field (JSON path, query or path parameter) and why. */
public record FieldError(String field, String message) {
}
