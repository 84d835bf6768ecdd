package com.ardesk.kit.consumer;

/**
 * An event no retry can ever apply: it cannot be parsed, fails validation or carries a version
 * this consumer does not know. Only these go to the dead-letter topic; a handler throws it for a
 * payload it finds invalid.
 */
public class PoisonEventException extends RuntimeException {
    public PoisonEventException(String message) {
        super(message);
    }

    public PoisonEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
