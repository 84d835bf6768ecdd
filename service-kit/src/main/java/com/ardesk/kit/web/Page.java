package com.ardesk.kit.web;

import com.ardesk.kit.openapi.ApiSchemas;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** One page of a list; pass {@code nextCursor} back as {@code ?cursor=} for the next, null at the end. */
@Schema(description = "A page of results. nextCursor is opaque; null means this is the last page.")
public record Page<T>(@Schema(maxItems = Cursors.MAX_LIMIT) List<T> items,
                      @Schema(description = "Pass back as ?cursor= for the next page", maxLength = 1024, pattern = ApiSchemas.CURSOR_PATTERN) String nextCursor) {
}
