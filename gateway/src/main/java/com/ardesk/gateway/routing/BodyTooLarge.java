package com.ardesk.gateway.routing;

/** A streamed request body passed its limit; the exchange ends as 413, and the breaker ignores it. */
final class BodyTooLarge extends RuntimeException {
    BodyTooLarge() {
        super("request body too large", null, false, false);
    }
}
