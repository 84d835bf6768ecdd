package com.ardesk.kit.web;

import com.ardesk.kit.problem.ProblemException;

/**
 * Entity tags from optimistic-lock versions: {@code "3"} for version 3. An update that sends
 * {@code If-Match} with anything but the current tag is refused with 412, so two front ends editing
 * the same resource cannot overwrite each other silently.
 */
public final class ETags {
    private ETags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** Throws 412 unless {@code ifMatch} is absent, {@code *}, or names the current version. */
    public static void requireMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return;
        }
        String current = of(currentVersion);
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals(current)) {
                return;
            }
        }
        throw new ProblemException(412, "stale-etag", "Precondition failed",
                "If-Match " + ifMatch + " does not match the current version " + current
                        + "; read the resource again and retry");
    }
}
