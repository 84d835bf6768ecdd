package com.ardesk.kit.tenancy;

import com.ardesk.kit.problem.ProblemException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What the caller's token lets it see: the practices in its {@code practices} claim. A resource of
 * any other practice is answered as if it did not exist (404), so ids of other tenants don't leak.
 */
@RequestScoped
public class Tenancy {
    private final JsonWebToken token;
    private Set<String> practices;

    public Tenancy(JsonWebToken token) {
        this.token = token;
    }

    /** The token's subject: the user who acts. */
    public String user() {
        return token.getSubject();
    }

    public boolean hasRole(String role) {
        return token.getGroups() != null && token.getGroups().contains(role);
    }

    public Set<String> practices() {
        if (practices == null) {
            practices = readPractices(token.getClaim("practices"));
        }
        return practices;
    }

    public boolean canSee(String practiceId) {
        return practiceId != null && practices().contains(practiceId);
    }

    /** Throws 404 naming {@code what} unless the practice is in the token. */
    public void requireVisible(String practiceId, String what, Object id) {
        if (!canSee(practiceId)) {
            throw ProblemException.notFound(what, id);
        }
    }

    static Set<String> readPractices(Object claim) {
        Set<String> result = new LinkedHashSet<>();
        if (claim instanceof JsonArray array) {
            array.forEach(v -> result.add(v instanceof JsonString s ? s.getString() : v.toString()));
        } else if (claim instanceof Collection<?> values) {
            values.forEach(v -> result.add(v instanceof JsonString s ? s.getString() : String.valueOf(v)));
        } else if (claim instanceof JsonString s) {
            result.add(s.getString());
        } else if (claim instanceof String s && !s.isBlank()) {
            result.add(s);
        }
        return Set.copyOf(result);
    }
}
