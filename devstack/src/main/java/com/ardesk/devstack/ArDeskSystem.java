package com.ardesk.devstack;

import java.io.IOException;
import java.net.URI;
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
import java.util.function.Consumer;

/**
 * The whole system on this machine: real PostgreSQL and Kafka in this JVM, and each service's
 * packaged Quarkus app as a child JVM wired to them. The local run, the end-to-end tests and the
 * benchmarks all start it the same way. {@link #close()} stops the children first (they drain),
 * then Kafka, then PostgreSQL.
 *
 * <p>Faults for resilience tests: {@link #kill(String)} ends a service with SIGKILL (no shutdown
 * hook, no drain: a crash), {@link #startService(String)} starts it again on the same port and
 * database; {@code infra().postgres().stop()/restart()} and {@code infra().kafkaBroker().stop()/restart()}
 * take the database and the broker away and bring them back with their data.
 */
public final class ArDeskSystem implements AutoCloseable {
    /** Ports of everything; 0 picks a free one. */
    public record Ports(int gateway, int claims, int calls, int followup, int postgres, int kafka) {
        public static Ports free() {
            return new Ports(Files2.freePort(), Files2.freePort(), Files2.freePort(), Files2.freePort(), 0, 0);
        }
    }

    /** A service of the system; {@code database} is null for the gateway. */
    public record Service(String name, String database, int port) {
        public String url() {
            return "http://127.0.0.1:" + port;
        }
    }

    /** System property with the service JVMs' options; benchmarks want the full JIT, not a small footprint. */
    public static final String JVM_OPTIONS = "ardesk.service.jvm-options";
    /** In {@link #JVM_OPTIONS}, replaced by the service's name: per-service files such as logs or CDS archives. */
    public static final String SERVICE_PLACEHOLDER = "{service}";
    /**
     * Small and quick to start, for the local run and the end-to-end tests on a laptop (measured in
     * deploy/README.md "Memory"): the heap starts small and stays near its live size (free ratios), the
     * C1 compiler only (one thread, a small code cache), freed malloc memory returned every 5 s.
     */
    static final String LEAN_JVM = "-Xms16m -Xmx256m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=20 -XX:+UseSerialGC"
            + " -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -XX:ReservedCodeCacheSize=32m -Xss512k"
            + " -XX:TrimNativeHeapInterval=5000";

    private final Path root;
    private final Path workDir;
    private final Consumer<String> log;
    private final List<Service> services;
    private final Map<String, String> extraProperties;
    /** The running service JVMs by service name, in start order; only these are ever stopped or killed. */
    private final Map<String, Process> children = new LinkedHashMap<>();
    private Path publicKey;
    /** Each process's management interface (health, metrics): a free port, never exposed by the gateway. */
    private final Map<String, Integer> managementPorts = new LinkedHashMap<>();
    private DevInfra infra;

    private ArDeskSystem(Path root, Path workDir, Ports ports, Map<String, String> extraProperties, Consumer<String> log) {
        this.root = root;
        this.extraProperties = Map.copyOf(extraProperties);
        this.workDir = workDir;
        this.log = log;
        this.services = List.of(
                new Service("claims-service", "claims", ports.claims()),
                new Service("calls-service", "calls", ports.calls()),
                new Service("followup-service", "followup", ports.followup()),
                new Service("gateway", null, ports.gateway()));
    }

    /**
     * Starts PostgreSQL and Kafka, then the services (they must be packaged: {@code ./mvnw package}).
     *
     * @param services which of claims-service, calls-service, followup-service, gateway to start;
     *                 empty for infrastructure only
     */
    public static ArDeskSystem start(Path root, Path workDir, Ports ports, List<String> services, Consumer<String> log)
            throws IOException, InterruptedException {
        return start(root, workDir, ports, services, Map.of(), log);
    }

    /** As {@link #start(Path, Path, Ports, List, Consumer)}, with extra system properties for every service. */
    public static ArDeskSystem start(Path root, Path workDir, Ports ports, List<String> services,
                                     Map<String, String> extraProperties, Consumer<String> log)
            throws IOException, InterruptedException {
        ArDeskSystem system = new ArDeskSystem(root, workDir, ports, extraProperties, log);
        try {
            system.startAll(ports, services);
            return system;
        } catch (IOException | InterruptedException | RuntimeException e) {
            system.close();
            throw e;
        }
    }

    /** Every service name, in start order. */
    public static List<String> allServices() {
        return List.of("claims-service", "calls-service", "followup-service", "gateway");
    }

    private void startAll(Ports ports, List<String> wanted) throws IOException, InterruptedException {
        List<Service> selected = services.stream().filter(s -> wanted.contains(s.name())).toList();
        for (Service s : selected) {
            if (!Files.exists(appJar(s))) {
                throw new IllegalStateException(appJar(s) + " is missing: build first with ./mvnw -B -DskipTests package");
            }
        }
        Files.createDirectories(workDir.resolve("logs"));
        Instant began = Instant.now();
        log.accept("starting PostgreSQL and Kafka under " + workDir);
        infra = DevInfra.start(workDir, ports.postgres(), ports.kafka());
        services.stream().filter(s -> s.database() != null).forEach(s -> infra.postgres().createDatabase(s.database()));
        log.accept("PostgreSQL on port " + infra.postgres().port() + ", Kafka on " + infra.kafkaBroker().bootstrapServers()
                + " (" + Duration.between(began, Instant.now()).toMillis() + " ms)");
        if (selected.isEmpty()) {
            return;
        }
        publicKey = workDir.resolve(DevTokens.PUBLIC_KEY_RESOURCE);
        Files.writeString(publicKey, DevTokens.publicKeyPem());
        for (Service s : selected) {
            Files.deleteIfExists(logFile(s));
            children.put(s.name(), launch(s));
        }
        for (Service s : selected) {
            awaitReady(s, children.get(s.name()));
        }
        log.accept("all services ready " + Duration.between(began, Instant.now()).toMillis() + " ms after start");
    }

    private Process launch(Service s) throws IOException {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("quarkus.http.port", String.valueOf(s.port()));
        props.put("quarkus.management.port", String.valueOf(managementPorts.computeIfAbsent(s.name(), n -> Files2.freePort())));
        props.put("kafka.bootstrap.servers", infra.kafkaBroker().bootstrapServers());
        props.put("mp.jwt.verify.publickey.location", publicKey.toUri().toString());
        props.put("mp.jwt.verify.issuer", DevTokens.ISSUER);
        if (s.database() != null) {
            props.put("quarkus.datasource.jdbc.url", infra.postgres().jdbcUrl(s.database()));
            props.put("quarkus.datasource.username", PostgresServer.USER);
            props.put("quarkus.datasource.password", PostgresServer.PASSWORD);
        } else {
            props.put("ardesk.gateway.docs.environment", "local");
            for (Service upstream : services) {
                if (upstream.database() != null) {
                    props.put("ardesk.gateway.upstreams." + upstream.database(), upstream.url());
                }
            }
        }
        props.putAll(extraProperties);
        List<String> cmd = new ArrayList<>(List.of(javaBinary()));
        cmd.addAll(List.of(System.getProperty(JVM_OPTIONS, LEAN_JVM).replace(SERVICE_PLACEHOLDER, s.name()).trim().split("\\s+")));
        props.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        cmd.addAll(List.of("-jar", appJar(s).toString()));
        Path logFile = logFile(s);
        log.accept("starting " + s.name() + " on port " + s.port() + " (log: " + logFile + ")");
        // appended, so the log of a restarted service still shows how the killed one ended
        ProcessBuilder builder = new ProcessBuilder(cmd).directory(root.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        // as in the Deployments: glibc's per-thread malloc arenas (up to 8 per core) hold freed memory
        builder.environment().putIfAbsent("MALLOC_ARENA_MAX", "2");
        return builder.start();
    }

    private Path logFile(Service s) {
        return workDir.resolve("logs/" + s.name() + ".log");
    }

    private void awaitReady(Service s, Process process) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI ready = URI.create(managementUrl(s.name()) + "/q/health/ready");
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
                    log.accept(s.name() + " is ready");
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(s.name() + " was not ready in time; see " + workDir.resolve("logs/" + s.name() + ".log"));
    }

    public DevInfra infra() {
        return infra;
    }

    public Service service(String name) {
        return services.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    /** Where a started process serves /q/health and /q/metrics. */
    public String managementUrl(String serviceName) {
        return "http://localhost:" + managementPorts.get(serviceName);
    }

    public String gatewayUrl() {
        return "http://localhost:" + service("gateway").port();
    }

    /** PIDs of the running service JVMs, for measuring their memory. */
    public synchronized Map<String, Long> pids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        children.forEach((name, p) -> {
            if (p.isAlive()) {
                pids.put(name, p.pid());
            }
        });
        return pids;
    }

    /** Whether the service's JVM, started by this system, is alive. */
    public synchronized boolean running(String name) {
        Process p = children.get(name);
        return p != null && p.isAlive();
    }

    /**
     * kill -9 of the service's JVM (only ever a process this system started): in-flight requests
     * and transactions are cut, nothing drains. Returns when the process is gone.
     */
    public synchronized void kill(String name) throws InterruptedException {
        Process p = children.remove(service(name).name());
        if (p == null) {
            throw new IllegalStateException(name + " was not started by this system");
        }
        log.accept("kill -9 " + name + " (pid " + p.pid() + ")");
        p.destroyForcibly();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException(name + " (pid " + p.pid() + ") did not die after SIGKILL");
        }
    }

    /**
     * SIGTERM to the service's JVM (only ever a process this system started), as Kubernetes does in a
     * rolling restart: the service drains (readiness down, in-flight requests finish, consumers and
     * relay stop) and exits. Returns when the process is gone.
     */
    public synchronized void stop(String name) throws InterruptedException {
        Process p = children.remove(service(name).name());
        if (p == null) {
            throw new IllegalStateException(name + " was not started by this system");
        }
        log.accept("SIGTERM " + name + " (pid " + p.pid() + ")");
        p.destroy();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(name + " (pid " + p.pid() + ") did not stop within 90 s of SIGTERM");
        }
    }

    /** Starts a service that is not running (after {@link #kill(String)} or {@link #stop(String)}) and waits until it is ready. */
    public synchronized void startService(String name) throws IOException, InterruptedException {
        Service s = service(name);
        Process old = children.get(name);
        if (old != null && old.isAlive()) {
            throw new IllegalStateException(name + " is still running (pid " + old.pid() + ")");
        }
        Process p = launch(s);
        children.put(name, p);
        awaitReady(s, p);
    }

    @Override
    public synchronized void close() {
        List<Process> running = new ArrayList<>(children.values());
        for (Process p : running) {
            p.destroy();
        }
        for (Process p : running) {
            try {
                if (!p.waitFor(20, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        children.clear();
        if (infra != null) {
            infra.close();
            infra = null;
        }
    }

    private Path appJar(Service s) {
        return root.resolve(s.name()).resolve("target/quarkus-app/quarkus-run.jar");
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static int envInt(String name, int fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }
}
