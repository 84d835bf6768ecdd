package com.ardesk.devstack;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The one-command local run: the whole {@link ArDeskSystem} on fixed, friendly ports, demo data
 * through the gateway, and tokens to try it with. Ctrl-C stops everything.
 *
 * <p>{@code --infra-only} starts just PostgreSQL and Kafka, for {@code ./mvnw -pl <svc> quarkus:dev}.
 */
public final class LocalRun {
    private LocalRun() {
    }

    public static void main(String[] args) throws Exception {
        // the Kafka broker logs through JUL; route it to the JBoss log manager on the classpath, quietly
        System.setProperty("java.util.logging.manager", "org.jboss.logmanager.LogManager");
        boolean infraOnly = List.of(args).contains("--infra-only");
        Path root = projectRoot();
        Instant began = Instant.now();
        ArDeskSystem.Ports ports = new ArDeskSystem.Ports(ArDeskSystem.envInt("ARDESK_GATEWAY_PORT", 8080),
                ArDeskSystem.envInt("ARDESK_CLAIMS_PORT", 8181), ArDeskSystem.envInt("ARDESK_CALLS_PORT", 8182),
                ArDeskSystem.envInt("ARDESK_FOLLOWUP_PORT", 8183), ArDeskSystem.envInt("ARDESK_PG_PORT", 15432),
                ArDeskSystem.envInt("ARDESK_KAFKA_PORT", 19092));
        ArDeskSystem system;
        try {
            system = ArDeskSystem.start(root, root.resolve("devstack/target/local"), ports,
                    infraOnly ? List.of() : ArDeskSystem.allServices(), LocalRun::log);
        } catch (RuntimeException | IOException e) {
            System.err.println("\nAR Desk local run failed: " + e.getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log("stopping");
            system.close();
            log("stopped");
        }, "ardesk-local-stop"));
        if (infraOnly) {
            log("infrastructure only; start a service with e.g. ./mvnw -pl claims-service quarkus:dev "
                    + "-Dquarkus.datasource.jdbc.url=" + system.infra().postgres().jdbcUrl("claims")
                    + " -Dkafka.bootstrap.servers=" + system.infra().kafkaBroker().bootstrapServers());
        } else {
            try {
                DemoData.seed(system.gatewayUrl());
            } catch (RuntimeException | IOException e) {
                log("demo data could not be loaded completely: " + e.getMessage());
            }
            printBanner(system, Duration.between(began, Instant.now()));
        }
        Thread.currentThread().join();
    }

    private static void printBanner(ArDeskSystem system, Duration startup) {
        String gateway = system.gatewayUrl();
        StringBuilder b = new StringBuilder();
        b.append("\n================ AR Desk is running (ready in ").append(startup.toSeconds()).append(" s) ================\n");
        b.append("Gateway      ").append(gateway).append('\n');
        b.append("Swagger UI   ").append(gateway).append("/q/swagger-ui\n");
        b.append("OpenAPI      ").append(gateway).append("/openapi\n");
        b.append("AsyncAPI     ").append(gateway).append("/asyncapi\n");
        b.append("PostgreSQL   ").append(system.infra().postgres().jdbcUrl("claims")).append(" (also calls, followup)\n");
        b.append("Kafka        ").append(system.infra().kafkaBroker().bootstrapServers()).append('\n');
        b.append("Demo tokens (valid 12 h; practices ").append(DemoData.PRACTICES).append("):\n");
        DemoData.demoTokens().forEach((who, token) -> b.append("  ").append(who).append(":\n    ").append(token).append('\n'));
        b.append("Try:  export TOKEN=<a token above>\n");
        b.append("      curl -H \"Authorization: Bearer $TOKEN\" '").append(gateway).append("/api/v1/claims?practiceId=P100&limit=5'\n");
        b.append("      curl -H \"Authorization: Bearer $TOKEN\" ").append(gateway).append("/api/v1/worklists/me\n");
        b.append("Ctrl-C stops everything.\n");
        System.out.println(b);
    }

    /** The project root: two levels above devstack/target/ardesk-devstack.jar, else the working directory. */
    private static Path projectRoot() {
        try {
            Path jar = Path.of(LocalRun.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path candidate = jar.getParent().getParent().getParent();
            if (candidate != null && Files.exists(candidate.resolve("devstack"))) {
                return candidate.toAbsolutePath();
            }
        } catch (URISyntaxException | NullPointerException ignored) {
            // fall back to the working directory
        }
        return Path.of("").toAbsolutePath();
    }

    static void log(String message) {
        System.out.println("[ardesk] " + message);
    }
}
