package com.ardesk.kit.web;

import com.ardesk.kit.problem.ProblemException;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * The opaque cursor format of every list (see {@link Keyset} for the paging step) and the
 * {@code limit} bounds. A cursor is base64url of: a format version byte, the list's name, a tag of
 * the filters of the query that issued it, the sort key values of the page's last row, and a
 * checksum (truncated SHA-256) over all of that.
 * <p>
 * A cursor is refused with a 400 on {@code cursor} and a reason, before any key value reaches a
 * query, when it is not one (not base64url, cut short, altered), when it is of another format
 * version, when another list issued it, or when the query that issued it had other filters (a
 * cursor is a position in one query's order; in another query's it skips or repeats rows).
 * <p>
 * The checksum has no secret on purpose: a client able to forge a cursor gains a start position in
 * a list it may read anyway (tenancy is in every list's WHERE clause), while a key would be one more
 * secret for every replica to share. What matters is that nothing a client sends can make a 500:
 * {@link Position} checks every key value for type and range as well.
 */
public final class Cursors {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;
    /** Raised when the layout below changes; cursors of another version are refused with that reason. */
    static final byte VERSION = 1;
    private static final int TAG_BYTES = 6;
    private static final int CHECKSUM_BYTES = 8;
    private static final String NOT_ISSUED = "is not a cursor this API issued (damaged, cut short or made up)";

    private Cursors() {
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

    /** A cursor of {@code list} for the query with {@code filters}, positioned after a row with these sort keys. */
    static String encode(String list, byte[] filterTag, List<String> keys) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeUTF(list);
            out.write(filterTag);
            out.writeByte(keys.size());
            for (String key : keys) {
                out.writeUTF(key);
            }
            out.write(checksum(bytes.toByteArray()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.toByteArray());
    }

    /**
     * The sort keys of a cursor issued by {@code list} for a query with {@code filterTag}; a 400 on
     * {@code cursor} naming the reason otherwise.
     */
    static List<String> decode(String cursor, String list, byte[] filterTag, int keyCount) {
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(cursor);
        } catch (IllegalArgumentException e) {
            throw refused(NOT_ISSUED);
        }
        if (raw.length > 0 && raw[0] != VERSION && isOtherVersion(raw)) {
            throw refused("is from another version of this API: ask for the first page again, without a cursor");
        }
        if (raw.length < 1 + CHECKSUM_BYTES || raw[0] != VERSION) {
            throw refused(NOT_ISSUED);
        }
        int body = raw.length - CHECKSUM_BYTES;
        if (!MessageDigest.isEqual(checksum(Arrays.copyOf(raw, body)), Arrays.copyOfRange(raw, body, raw.length))) {
            throw refused(NOT_ISSUED);
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(raw, 1, body - 1))) {
            if (!in.readUTF().equals(list)) {
                throw refused("belongs to another list: use the nextCursor of this list's own pages");
            }
            if (!Arrays.equals(in.readNBytes(TAG_BYTES), filterTag)) {
                throw refused("was issued for other filters: pass it back with the filters of the page it came from");
            }
            int count = in.readUnsignedByte();
            List<String> keys = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                keys.add(in.readUTF());
            }
            if (count != keyCount || in.available() > 0) {
                throw refused("does not fit this list's order");
            }
            return keys;
        } catch (IOException e) {
            // the checksum matched, so only a bug of ours gets here; still the client's 400, never a 500
            throw refused(NOT_ISSUED);
        }
    }

    /**
     * Whether a cursor that is not of this version looks like one of another: a later version byte
     * (a control character, where text would start) or the format before versions (sort keys as
     * text joined by U+001F). Anything else is garbage, and said to be.
     */
    private static boolean isOtherVersion(byte[] raw) {
        return raw[0] > VERSION && raw[0] < 0x20 || new String(raw, StandardCharsets.UTF_8).indexOf('\u001f') >= 0;
    }

    /** A short tag of a query's filters: equal filters, equal tag. Lengths keep ("a","bc") apart from ("ab","c"). */
    static byte[] filterTag(Object... filters) {
        StringBuilder text = new StringBuilder();
        for (Object filter : filters) {
            String value = filter == null ? null : filter instanceof Enum<?> e ? e.name() : filter.toString();
            text.append(value == null ? "-" : value.length() + ":" + value).append(';');
        }
        return Arrays.copyOf(sha256(text.toString().getBytes(StandardCharsets.UTF_8)), TAG_BYTES);
    }

    static ProblemException refused(String reason) {
        return ProblemException.validation("cursor", reason);
    }

    private static byte[] checksum(byte[] content) {
        return Arrays.copyOf(sha256(content), CHECKSUM_BYTES);
    }

    private static byte[] sha256(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
