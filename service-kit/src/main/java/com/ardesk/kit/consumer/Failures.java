package com.ardesk.kit.consumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.validation.ValidationException;

/**
 * Poison or transient. Poison is what is wrong with the event itself: it cannot be parsed (a
 * Jackson error anywhere in the cause chain, e.g. a payload that does not map to its record),
 * fails validation, or has an unknown version. Everything else (connection refused, lock and
 * optimistic-lock conflicts, serialization failures, timeouts, and bugs) is treated as transient:
 * the partition waits and retries, because dead-lettering a good event loses work for good, while
 * a blocked partition shows in the lag metric and the logs until someone fixes the cause.
 */
public final class Failures {
    private Failures() {
    }

    public static boolean isPoison(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PoisonEventException || t instanceof JsonProcessingException
                    || t instanceof ValidationException) {
                return true;
            }
        }
        return false;
    }

    /** One line for logs and the dead-letter header: the innermost cause says what really went wrong. */
    public static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String outer = failure.getClass().getSimpleName() + ": " + failure.getMessage();
        return root == failure ? outer : outer + " (cause " + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
    }
}
