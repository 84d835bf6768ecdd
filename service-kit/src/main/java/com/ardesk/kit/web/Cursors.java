package com.ardesk.kit.web;

import com.ardesk.kit.problem.ProblemException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Opaque keyset cursors: the sort key values of the last item, base64url-encoded. Clients must not
 * build them; a tampered cursor is a 400 on {@code cursor}, never a 500.
 */
public final class Cursors {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;
    private static final char SEPARATOR = '\u001f';

    private Cursors() {
    }

    public static String encode(String... keys) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(String.join(String.valueOf(SEPARATOR), keys).getBytes(StandardCharsets.UTF_8));
    }

    /** The key values in a cursor, or an empty list for no cursor. */
    public static List<String> decode(String cursor, int expectedKeys) {
        if (cursor == null || cursor.isBlank()) {
            return List.of();
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            List<String> keys = List.of(raw.split(String.valueOf(SEPARATOR), -1));
            if (keys.size() != expectedKeys) {
                throw new IllegalArgumentException("wrong shape");
            }
            return keys;
        } catch (IllegalArgumentException e) {
            throw ProblemException.validation("cursor", "is not a cursor this API issued");
        }
    }

    /** The page size asked for, checked against the API's bounds (default 50, max 500). */
    public static int limit(Integer requested) {
        if (requested == null) {
            return DEFAULT_LIMIT;
        }
        if (requested < 1 || requested > MAX_LIMIT) {
            throw ProblemException.validation("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return requested;
    }
}
