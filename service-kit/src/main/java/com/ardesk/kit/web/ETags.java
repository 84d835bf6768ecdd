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

    /**
     * The tag of a resource made of several rows, which has no one version column: a hash of its
     * {@code content} (unquoted, as JAX-RS {@code tag()} takes it). Equal content, equal tag, so a
     * client whose copy is still accurate is never refused.
     */
    public static String ofContent(String content) {
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(hash, 0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** Throws 412 unless {@code ifMatch} is absent, {@code *}, or names the current version. */
    public static void requireMatch(String ifMatch, long currentVersion) {
        requireMatch(ifMatch, of(currentVersion));
    }

    /**
     * Throws 412 unless {@code ifMatch} is absent, {@code *}, or names {@code current}, the resource's
     * tag quoted as in an ETag header.
     */
    public static void requireMatch(String ifMatch, String current) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return;
        }
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
