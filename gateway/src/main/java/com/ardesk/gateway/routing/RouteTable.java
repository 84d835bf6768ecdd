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
            "claims", List.of("claims", "payers", "remittances", "acknowledgments", "claim-status", "practices",
                    "reports/ar-aging", "reports/kpis"),
            "calls", List.of("calls", "promises", "payment-plans", "call-scripts", "reports/calls"),
            "followup", List.of("worklists", "followups", "prep", "timeline"));

    /** A routed prefix and its owner, longest prefixes first. */
    private record Route(String path, String upstream, String itemUri) {
    }

    private static final List<Route> ROUTES = OWNED.entrySet().stream()
            .flatMap(e -> e.getValue().stream().map(prefix -> new Route(API_BASE + prefix, e.getKey(),
                    API_BASE + prefix + "/*")))
            .sorted(Comparator.comparingInt((Route r) -> r.path().length()).reversed())
            .toList();

    /** How metrics name every path no service owns. */
    public static final String UNROUTED_URI = "/api/unrouted";

    private RouteTable() {
    }

    /** The upstream's short name for a normalized path, or empty when no service owns it. */
    public static Optional<String> upstreamFor(String path) {
        Route route = routeFor(path);
        return route == null ? Optional.empty() : Optional.of(route.upstream());
    }

    /**
     * The bounded name metrics give a path: the routed prefix, with {@code /*} for anything below
     * it ({@code /api/v1/claims/*}), so ids never become tag values.
     */
    public static String metricUri(String path) {
        Route route = routeFor(path);
        if (route == null) {
            return UNROUTED_URI;
        }
        return path.length() == route.path().length() ? route.path() : route.itemUri();
    }

    // whole segments only: /api/v1/claims and /api/v1/claims/… match, /api/v1/claimsX does not
    private static Route routeFor(String path) {
        if (path == null || !path.startsWith(API_BASE)) {
            return null;
        }
        for (Route route : ROUTES) {
            String prefix = route.path();
            if (path.startsWith(prefix) && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/')) {
                return route;
            }
        }
        return null;
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
