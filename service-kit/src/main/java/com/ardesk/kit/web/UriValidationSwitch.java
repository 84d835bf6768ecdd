package com.ardesk.kit.web;

import io.quarkus.runtime.annotations.StaticInitSafe;
import org.eclipse.microprofile.config.spi.ConfigSource;

import java.util.Map;
import java.util.Set;

/**
 * Hands the check of the request URI from Quarkus to {@link RequestGuard}. Quarkus answers a URI
 * that {@code java.net.URI} cannot parse (a broken percent-encoding such as {@code ?cursor=%%%x}, an
 * unencoded {@code {} or {@code |}) with an empty 400 and no request id, before any route, filter or
 * error handler runs. Its only switch is the JVM system property {@code vertx.disableURIValidation},
 * read once when Quarkus's HTTP layer initializes during static init. This config source is created
 * before that (it is static-init safe, and config comes first), so the property is set wherever the
 * service runs (packaged, in tests, in dev mode) without a JVM flag; RequestGuard then refuses the
 * same URIs with a problem naming the parameter. It provides no configuration itself.
 */
@StaticInitSafe
public class UriValidationSwitch implements ConfigSource {
    static final String PROPERTY = "vertx.disableURIValidation";

    static {
        System.setProperty(PROPERTY, "true");
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.of();
    }

    @Override
    public Set<String> getPropertyNames() {
        return Set.of();
    }

    @Override
    public String getValue(String propertyName) {
        return null;
    }

    @Override
    public String getName() {
        return "ardesk-uri-validation-switch";
    }
}
