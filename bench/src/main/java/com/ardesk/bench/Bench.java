package com.ardesk.bench;

import com.ardesk.devstack.ArDeskSystem;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Runs the benchmarks against the packaged system: {@code ./mvnw -B -pl bench exec:java}
 * ({@code -Dbench=claims-batch|remittances|consumers|gateway|worklist|all}). Each prints its figures; sizes are system properties
 * (see each benchmark).
 */
public final class Bench {
    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        String which = args.length == 0 ? "all" : args[0];
        // measured like production: C2 JIT and a roomier heap, not the local run's lean flags
        if (System.getProperty(ArDeskSystem.JVM_OPTIONS) == null) {
            System.setProperty(ArDeskSystem.JVM_OPTIONS, "-Xmx1g -XX:+UseParallelGC");
        }
        Path root = Path.of(System.getProperty("ardesk.root", ".")).toAbsolutePath().normalize();
        if (List.of("all", "claims-batch").contains(which)) {
            // claims-service alone: the downstream consumers would compete for the same two cores and
            // measure themselves, not the batch endpoint; its events still go through the outbox to Kafka
            try (ArDeskSystem system = start(root, List.of("claims-service"))) {
                new ClaimsBatchBench(system).run();
            }
        }
        if (List.of("all", "remittances").contains(which)) {
            // claims-service alone, as for claims-batch: the 835 posting path and its outbox
            try (ArDeskSystem system = start(root, List.of("claims-service"))) {
                new RemittanceBench(system).run();
            }
        }
        if (List.of("all", "consumers").contains(which)) {
            // the claims source and the two consumers of ar.claims.v1; no gateway in the way
            try (ArDeskSystem system = start(root, List.of("claims-service", "calls-service", "followup-service"))) {
                new ConsumerThroughputBench(system).run();
            }
        }
        if (List.of("all", "gateway", "worklist").contains(which)) {
            try (ArDeskSystem system = start(root, ArDeskSystem.allServices())) {
                if (!which.equals("worklist")) {
                    new GatewayOverheadBench(system).run();
                }
                if (!which.equals("gateway")) {
                    new WorklistBench(system).run();
                }
            }
        }
        // the Kafka broker leaves non-daemon threads behind; the figures are printed, so leave
        System.exit(0);
    }

    private static ArDeskSystem start(Path root, List<String> services) throws Exception {
        return ArDeskSystem.start(root, root.resolve("bench/target/system"), ArDeskSystem.Ports.free(), services,
                // the gateway's rate limits would measure themselves, not the proxy
                Map.of("ardesk.gateway.rate-limit.per-ip-per-minute", "100000000",
                        "ardesk.gateway.rate-limit.per-role-per-minute.integration", "100000000",
                        "ardesk.gateway.rate-limit.per-role-per-minute.admin", "100000000",
                        "ardesk.gateway.rate-limit.per-role-per-minute.caller", "100000000"),
                message -> System.out.println("[bench] " + message));
    }
}
