package com.ardesk.gateway.support;

import com.ardesk.devstack.DevTokens;

import java.util.List;
import java.util.UUID;

/** Bearer headers for a fresh subject each time, so per-subject rate limits never leak across tests. */
public final class Tokens {
    private Tokens() {
    }

    public static String bearer(String... roles) {
        return "Bearer " + DevTokens.token("user-" + UUID.randomUUID(), List.of(roles), List.of("P1"));
    }

    public static String bearerFor(String subject, String... roles) {
        return "Bearer " + DevTokens.token(subject, List.of(roles), List.of("P1"));
    }
}
