package com.ardesk.kit.problem;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One reason a request was refused: the field (JSON path, query or path parameter) and why. */
@Schema(description = "One reason a request was refused")
public record FieldError(@Schema(maxLength = 1024, example = "lines[0].units") String field,
                         @Schema(maxLength = 4096, example = "must be between 1 and 9999") String message) {
}
