package com.ardesk.kit.web;

import com.ardesk.kit.problem.ProblemException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Opaque keyset cursors: the sort key values of the last item and a checksum of them,
 * base64url-encoded. Clients must not build them; a cursor this API did not issue (another API's,
 * random text, a tampered one) fails the checksum or the shape and is a 400 on {@code cursor},
 * never a 500, before any key value reaches a query.
 */
public final class Cursors {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;
    private static final char SEPARATOR = '\u001f';

    private Cursors() {
    }

    public static String encode(String... keys) {
        String joined = String.join(String.valueOf(SEPARATOR), keys);
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((joined + SEPARATOR + checksum(joined)).getBytes(StandardCharsets.UTF_8));
    }

    /** The key values in a cursor, or an empty list for no cursor. */
    public static List<String> decode(String cursor, int expectedKeys) {
        if (cursor == null || cursor.isBlank()) {
            return List.of();
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int end = raw.lastIndexOf(SEPARATOR);
            if (end < 0 || !raw.substring(end + 1).equals(checksum(raw.substring(0, end)))) {
                throw new IllegalArgumentException("not issued here");
            }
            List<String> keys = List.of(raw.substring(0, end).split(String.valueOf(SEPARATOR), -1));
            if (keys.size() != expectedKeys || keys.stream().anyMatch(k -> k.indexOf('\0') >= 0)) {
                throw new IllegalArgumentException("wrong shape");
            }
            return keys;
        } catch (IllegalArgumentException e) {
            throw ProblemException.validation("cursor", "is not a cursor this API issued");
        }
    }

    private static String checksum(String keys) {
        CRC32 crc = new CRC32();
        crc.update(keys.getBytes(StandardCharsets.UTF_8));
        return Long.toString(crc.getValue(), 36);
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
