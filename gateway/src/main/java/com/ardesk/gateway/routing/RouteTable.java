package com.ardesk.gateway.routing;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which service owns a public path. Matching is by whole path segments under {@code /api/v1/},
 * longest prefix first, so {@code reports/calls} goes to calls while {@code reports/kpis} goes to claims.
 */
public final class RouteTable {
    public static final String API_BASE = "/api/v1/";

    private static final Map<String, List<String>> OWNED = Map.of(
            "claims", List.of("claims", "payers", "remittances", "acknowledgments", "practices",
                    "reports/ar-aging", "reports/kpis"),
            "calls", List.of("calls", "promises", "payment-plans", "call-scripts", "reports/calls"),
            "followup", List.of("worklists", "followups", "prep", "timeline"));

    private static final List<Map.Entry<String, String>> PREFIXES = OWNED.entrySet().stream()
            .flatMap(e -> e.getValue().stream().map(prefix -> Map.entry(prefix, e.getKey())))
            .sorted(Comparator.comparingInt((Map.Entry<String, String> e) -> e.getKey().length()).reversed())
            .toList();

    private RouteTable() {
    }

    /** The upstream's short name for a normalized path, or empty when no service owns it. */
    public static Optional<String> upstreamFor(String path) {
        if (path == null || !path.startsWith(API_BASE)) {
            return Optional.empty();
        }
        String rest = path.substring(API_BASE.length());
        for (Map.Entry<String, String> entry : PREFIXES) {
            String prefix = entry.getKey();
            if (rest.equals(prefix) || rest.startsWith(prefix + "/")) {
                return Optional.of(entry.getValue());
            }
        }
        return Optional.empty();
    }

    /** The upstream short names this table routes to. */
    public static List<String> upstreams() {
        return OWNED.keySet().stream().sorted().toList();
    }

    /** How problems and logs name an upstream: {@code claims} → {@code claims-service}. */
    public static String serviceName(String upstream) {
        return upstream + "-service";
    }
}
