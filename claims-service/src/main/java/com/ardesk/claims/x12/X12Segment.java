package com.ardesk.claims.x12;

import java.util.List;

/**
 * One segment as read: its tag (e.g. CLP), its 1-based position in the interchange (what a
 * problem names), and its elements; {@code element(1)} is the first after the tag. Components of
 * a composite are joined with ':' whatever the file's component separator was.
 */
public record X12Segment(String tag, int position, List<String> elements) {
    public String element(int index) {
        return index >= 1 && index <= elements.size() ? elements.get(index - 1).trim() : "";
    }

    /** The element's reference as X12 writes it, e.g. CLP04. */
    public String reference(int index) {
        return tag + (index < 10 ? "0" : "") + index;
    }
}
