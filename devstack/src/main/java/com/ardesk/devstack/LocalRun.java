package com.ardesk.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The one-command local run: real PostgreSQL and Kafka in this JVM, then each service's packaged
 * Quarkus app as a child JVM, demo data through the gateway, and tokens to try it with. Ctrl-C
 * stops the children first (they drain), then Kafka, then PostgreSQL.
 *
 * <p>{@code --infra-only} starts just PostgreSQL and Kafka, for {@code ./mvnw -pl <svc> quarkus:dev}.
 */
public final class LocalRun {
    /** A service of the local run; {@code database} is null for the gateway. */
    record Service(String name, String module, String database, int port) {
    }

    private final Path root;
    private final Path workDir;
    private final List<Process> children = new ArrayList<>();
    private DevInfra infra;

    private LocalRun(Path root) {
        this.root = root;
        this.workDir = root.resolve("devstack/target/local");
    }

    public static void main(String[] args) throws Exception {
        boolean infraOnly = List.of(args).contains("--infra-only");
        LocalRun run = new LocalRun(projectRoot());
        Runtime.getRuntime().addShutdownHook(new Thread(run::stop, "ardesk-local-stop"));
        try {
            run.start(infraOnly);
        } catch (RuntimeException | IOException e) {
            System.err.println("\nAR Desk local run failed: " + e.getMessage());
            System.exit(1);
        }
        Thread.currentThread().join();
    }

    private void start(boolean infraOnly) throws IOException, InterruptedException {
        Instant began = Instant.now();
        int gatewayPort = envInt("ARDESK_GATEWAY_PORT", 8080);
        List<Service> services = List.of(
                new Service("claims-service", "claims-service", "claims", envInt("ARDESK_CLAIMS_PORT", 8181)),
                new Service("calls-service", "calls-service", "calls", envInt("ARDESK_CALLS_PORT", 8182)),
                new Service("followup-service", "followup-service", "followup", envInt("ARDESK_FOLLOWUP_PORT", 8183)),
                new Service("gateway", "gateway", null, gatewayPort));
        if (!infraOnly) {
            for (Service s : services) {
                if (!Files.exists(appJar(s))) {
                    throw new IllegalStateException(appJar(s) + " is missing: build first with ./mvnw -B -DskipTests package");
                }
            }
        }
        Files.createDirectories(workDir.resolve("logs"));
        log("starting PostgreSQL and Kafka under " + workDir);
        infra = DevInfra.start(workDir, envInt("ARDESK_PG_PORT", 15432), envInt("ARDESK_KAFKA_PORT", 19092));
        services.stream().filter(s -> s.database() != null).forEach(s -> infra.postgres().createDatabase(s.database()));
        log("PostgreSQL on port " + infra.postgres().port() + ", Kafka on " + infra.kafkaBroker().bootstrapServers()
                + " (" + Duration.between(began, Instant.now()).toMillis() + " ms)");
        if (infraOnly) {
            log("infrastructure only; start a service with e.g. ./mvnw -pl claims-service quarkus:dev "
                    + "-Dquarkus.datasource.jdbc.url=" + infra.postgres().jdbcUrl("claims")
                    + " -Dkafka.bootstrap.servers=" + infra.kafkaBroker().bootstrapServers());
            return;
        }
        Path publicKey = workDir.resolve(DevTokens.PUBLIC_KEY_RESOURCE);
        Files.writeString(publicKey, DevTokens.publicKeyPem());
        for (Service s : services) {
            children.add(launch(s, services, publicKey));
        }
        for (int i = 0; i < services.size(); i++) {
            awaitReady(services.get(i), children.get(i));
        }
        String gateway = "http://localhost:" + gatewayPort;
        log("all services ready in " + Duration.between(began, Instant.now()).toSeconds() + " s; seeding demo data");
        DemoData.seed(gateway);
        printBanner(gateway);
    }

    private Process launch(Service s, List<Service> all, Path publicKey) throws IOException {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("quarkus.http.port", String.valueOf(s.port()));
        props.put("kafka.bootstrap.servers", infra.kafkaBroker().bootstrapServers());
        props.put("mp.jwt.verify.publickey.location", publicKey.toUri().toString());
        props.put("mp.jwt.verify.issuer", DevTokens.ISSUER);
        if (s.database() != null) {
            props.put("quarkus.datasource.jdbc.url", infra.postgres().jdbcUrl(s.database()));
            props.put("quarkus.datasource.username", PostgresServer.USER);
            props.put("quarkus.datasource.password", PostgresServer.PASSWORD);
        } else {
            for (Service upstream : all) {
                if (upstream.database() != null) {
                    props.put("ardesk.gateway.upstreams." + upstream.database(), "http://127.0.0.1:" + upstream.port());
                }
            }
        }
        List<String> cmd = new ArrayList<>(List.of(javaBinary(), "-Xmx192m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-Xss512k"));
        props.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        cmd.addAll(List.of("-jar", appJar(s).toString()));
        Path logFile = workDir.resolve("logs/" + s.name() + ".log");
        log("starting " + s.name() + " on port " + s.port() + " (log: " + root.relativize(logFile) + ")");
        return new ProcessBuilder(cmd).directory(root.toFile()).redirectErrorStream(true)
                .redirectOutput(logFile.toFile()).start();
    }

    private void awaitReady(Service s, Process process) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI ready = URI.create("http://127.0.0.1:" + s.port() + "/q/health/ready");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(envInt("ARDESK_START_TIMEOUT_SECONDS", 180)));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(s.name() + " exited with " + process.exitValue() + "; see "
                        + workDir.resolve("logs/" + s.name() + ".log"));
            }
            try {
                var response = http.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    log(s.name() + " is ready");
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(s.name() + " was not ready in time; see " + workDir.resolve("logs/" + s.name() + ".log"));
    }

    private void printBanner(String gateway) {
        var tokens = DemoData.demoTokens();
        StringBuilder b = new StringBuilder();
        b.append("\n================ AR Desk is running ================\n");
        b.append("Gateway      ").append(gateway).append('\n');
        b.append("Swagger UI   ").append(gateway).append("/q/swagger-ui\n");
        b.append("OpenAPI      ").append(gateway).append("/openapi\n");
        b.append("PostgreSQL   ").append(infra.postgres().jdbcUrl("claims")).append(" (also calls, followup)\n");
        b.append("Kafka        ").append(infra.kafkaBroker().bootstrapServers()).append('\n');
        b.append("Demo tokens (valid 12 h; practices ").append(DemoData.PRACTICES).append("):\n");
        tokens.forEach((who, token) -> b.append("  ").append(who).append(":\n    ").append(token).append('\n'));
        b.append("Try:  curl -H \"Authorization: Bearer $TOKEN\" ").append(gateway).append("/api/v1/payers\n");
        b.append("Ctrl-C stops everything.\n");
        System.out.println(b);
    }

    private void stop() {
        for (Process p : children) {
            p.destroy();
        }
        for (Process p : children) {
            try {
                if (!p.waitFor(20, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        if (infra != null) {
            infra.close();
            log("stopped");
        }
    }

    private Path appJar(Service s) {
        return root.resolve(s.module()).resolve("target/quarkus-app/quarkus-run.jar");
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
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

    private static int envInt(String name, int fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }

    static void log(String message) {
        System.out.println("[ardesk] " + message);
    }
}
