package com.ardesk.claims.remit;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits an X12 interchange into segments. The delimiters are read from the ISA header (element
 * separator at position 3, component separator ISA16, segment terminator right after it), as the
 * standard says, so files from any payer or clearinghouse read the same; line breaks around
 * segments are ignored.
 */
public final class X12Segments {
    /** One segment: its id (e.g. CLP) and its elements; {@code element(1)} is the first after the id. */
    public record Segment(String id, List<String> elements, int position) {
        public String element(int index) {
            return index < elements.size() ? elements.get(index).trim() : "";
        }
    }

    private X12Segments() {
    }

    /** @throws IllegalArgumentException naming what is wrong, for anything that is not X12 */
    public static List<Segment> parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("the body is empty");
        }
        String body = text.stripLeading();
        if (body.charAt(0) == '\uFEFF') {
            body = body.substring(1);
        }
        if (!body.startsWith("ISA") || body.length() < 106) {
            throw new IllegalArgumentException("an X12 interchange starts with a 106-character ISA segment");
        }
        char elementSeparator = body.charAt(3);
        char segmentTerminator = body.charAt(105);
        if (Character.isLetterOrDigit(elementSeparator) || Character.isLetterOrDigit(segmentTerminator)
                || elementSeparator == segmentTerminator) {
            throw new IllegalArgumentException("the ISA segment does not define usable delimiters");
        }
        List<Segment> segments = new ArrayList<>();
        int position = 0;
        for (String raw : body.split(java.util.regex.Pattern.quote(String.valueOf(segmentTerminator)))) {
            String trimmed = raw.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            position++;
            List<String> parts = List.of(trimmed.split(java.util.regex.Pattern.quote(String.valueOf(elementSeparator)), -1));
            String id = parts.get(0).trim();
            if (!id.matches("[A-Z][A-Z0-9]{1,2}")) {
                throw new IllegalArgumentException("segment " + position + " has no valid segment id: '"
                        + (id.length() > 10 ? id.substring(0, 10) + "..." : id) + "'");
            }
            segments.add(new Segment(id, parts, position));
        }
        return segments;
    }
}
