package com.ardesk.gateway.auth;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Coarse role rules checked at the gateway so obvious misuse never reaches a service. The services
 * check roles again, per endpoint, and own the fine rules; this table only holds what is certain
 * from the method and path.
 */
public final class AccessRules {
    public static final Set<String> ALL_ROLES = Set.of("caller", "supervisor", "integration", "admin");
    private static final Set<String> SUPERVISION = Set.of("supervisor", "admin");
    private static final String ID = "[^/]+";

    private record Rule(Set<String> methods, Pattern path, Set<String> roles) {
    }

    private static final List<Rule> RULES = List.of(
            new Rule(Set.of("POST"), Pattern.compile("/api/v1/claims/" + ID + "/write-off"), SUPERVISION),
            // payers are billing-company-wide: only an admin changes them; a practice's own terms are below
            new Rule(Set.of("PUT", "POST", "PATCH", "DELETE"), Pattern.compile("/api/v1/payers(/.*)?"), Set.of("admin")),
            new Rule(Set.of("PUT"), Pattern.compile("/api/v1/practices/" + ID + "/payer-terms/" + ID), SUPERVISION),
            new Rule(Set.of("POST"), Pattern.compile("/api/v1/calls/" + ID + "/reviews"), SUPERVISION),
            new Rule(Set.of("POST", "PUT", "PATCH", "DELETE"), Pattern.compile("/api/v1/call-scripts(/.*)?"),
                    SUPERVISION),
            new Rule(Set.of("GET"), Pattern.compile("/api/v1/worklists/?"), SUPERVISION));

    private AccessRules() {
    }

    /** Roles of which the caller needs at least one for this request. */
    public static Set<String> rolesFor(String method, String path) {
        for (Rule rule : RULES) {
            if (rule.methods().contains(method) && rule.path().matcher(path).matches()) {
                return rule.roles();
            }
        }
        return ALL_ROLES;
    }

    /** Whether someone holding these roles may make this request. */
    public static boolean allows(String method, String path, Set<String> callerRoles) {
        return rolesFor(method, path).stream().anyMatch(callerRoles::contains);
    }
}
