package com.ardesk.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Everything the gateway is told from outside; each key can be set from the environment
 * ({@code ARDESK_GATEWAY_UPSTREAMS_CLAIMS=http://claims-service:8080} in Kubernetes).
 */
@ConfigMapping(prefix = "ardesk.gateway")
public interface GatewayConfig {

    /** Base URL of each upstream service by its short name: claims, calls, followup. */
    Map<String, String> upstreams();

    /** Connection settings shared by all upstreams. */
    Upstream upstream();

    /** Circuit breaker per upstream. */
    Breaker breaker();

    /** Request body size limits. */
    Limits limits();

    /** Per-address and per-subject rate limits. */
    RateLimits rateLimit();

    /** The merged OpenAPI document. */
    Docs docs();

    Cors cors();

    /** Cross-origin calls from the front ends (web/CorsPolicy). */
    interface Cors {
        /** Exact origins allowed, e.g. https://app.ardesk.example (ARDESK_CORS_ORIGINS). */
        List<String> origins();

        List<String> methods();

        List<String> headers();

        List<String> exposedHeaders();

        /** How long a browser may cache a preflight answer. */
        Duration maxAge();
    }

    interface Upstream {
        /** Time to open a TCP connection before the service counts as unavailable (503). */
        @WithDefault("2s")
        Duration connectTimeout();

        /** Longest silence from a service, before its answer or within it, before we give up (504). */
        @WithDefault("30s")
        Duration idleTimeout();

        /** Pooled connections per service. */
        @WithDefault("200")
        int maxConnections();
    }

    interface Breaker {
        /** Calls in the rolling window before the breaker may open. */
        @WithDefault("20")
        int requestVolumeThreshold();

        /** Share of failed calls in that window that opens the breaker. */
        @WithDefault("0.5")
        double failureRatio();

        /** How long an open breaker refuses calls before it lets a trial call through. */
        @WithDefault("10s")
        Duration delay();
    }

    interface Limits {
        /** Largest request body on ordinary routes. */
        @WithDefault("1048576")
        long bodyBytes();

        /**
         * Largest request body on bulk routes (claim batches, 277CA and 277 files): the services' own limit
         * (Quarkus's default {@code quarkus.http.limits.max-body-size}, 10 MiB), so a body a service
         * would refuse is refused here with a problem, before it is sent.
         */
        @WithDefault("10485760")
        long bulkBodyBytes();

        /** Path prefixes that take the bulk limit. */
        @WithDefault("/api/v1/claims/batch,/api/v1/acknowledgments,/api/v1/claim-status")
        List<String> bulkPaths();

        /**
         * Largest request body on upload routes the service streams to disk (835 files): the
         * service's own limit ({@code ARDESK_REMITTANCES_MAX_FILE_SIZE}, 512 MiB), so a file it
         * would refuse is refused here, before it is sent.
         */
        @WithDefault("536870912")
        long streamedBodyBytes();

        /** Path prefixes that take the streamed-upload limit. */
        @WithDefault("/api/v1/remittances")
        List<String> streamedPaths();
    }

    interface RateLimits {
        /** Requests per minute from one client address, before any token is looked at. */
        @WithDefault("1200")
        long perIpPerMinute();

        /** Requests per minute for one token subject, by role; a user with several roles gets the largest. */
        Map<String, Long> perRolePerMinute();

        /** For a subject whose roles have no entry above. */
        @WithDefault("120")
        long defaultPerMinute();

        /** Subjects and addresses remembered at most; the least recently seen are forgotten first. */
        @WithDefault("100000")
        long maxTracked();
    }

    interface Docs {
        /** How long the merged OpenAPI document is reused before the services are asked again. */
        @WithDefault("60s")
        Duration openapiCacheFor();

        /** The public base URL written into the merged document's {@code servers}. */
        @WithDefault("/")
        String serverUrl();

        /** Which environment the document describes (local, staging, production), for its readers. */
        @WithDefault("production")
        String environment();
    }
}
