package com.ardesk.e2e;

import com.ardesk.devstack.ArDeskSystem;
import com.ardesk.e2e.fuzz.Draft;
import com.ardesk.e2e.fuzz.Findings;
import com.ardesk.e2e.fuzz.Fuzzer;
import com.ardesk.e2e.fuzz.OpenApi;
import com.ardesk.e2e.fuzz.Pools;
import com.ardesk.e2e.fuzz.RawHttp;
import com.ardesk.e2e.fuzz.SeedCorpus;
import com.ardesk.e2e.fuzz.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17's fuzz stage: every operation of the gateway's merged OpenAPI document, driven with valid
 * and mutated input through the gateway and directly against claims-service, with valid tokens of
 * two practices. It fails on any 5xx, any 4xx/5xx that is not a problem+json, any answer that breaks
 * its declaration, and any answer to one practice that carries the other's data; the defects the
 * issue lists run first as fixed regression cases. {@code -Dfuzz.requests=N} and {@code -Dfuzz.seed=S}
 * change the random part (3,000 requests, seed 17 by default); a failing run prints each class of
 * finding once, with its count, its operations and its first example.
 * <p>
 * Part of the test command ({@code ./mvnw -B verify}): it prints the request count, the count per
 * status class and per target, and passes only with no finding at all.
 */
class OpenApiFuzzE2ETest {
    static final int REQUESTS = Integer.getInteger("fuzz.requests", 3_000);
    static final long SEED = Long.getLong("fuzz.seed", 17L);
    static final String GATEWAY = "gateway";
    /** The service fuzzed directly, and the path prefixes it owns (the gateway's RouteTable). */
    static final String DIRECT = "claims-service";
    static final List<String> DIRECT_PREFIXES = List.of("/api/v1/claims", "/api/v1/payers", "/api/v1/remittances",
            "/api/v1/acknowledgments", "/api/v1/claim-status", "/api/v1/practices", "/api/v1/reports/ar-aging",
            "/api/v1/reports/kpis");

    static ArDeskSystem system;

    @BeforeAll
    static void startSystem() throws Exception {
        Path root = Path.of(System.getProperty("ardesk.root", "..")).toAbsolutePath().normalize();
        // thousands of requests from one address and two users in a few minutes: the gateway's
        // production rate limits would answer most of them 429 and test nothing behind it
        Map<String, String> unlimited = new LinkedHashMap<>();
        unlimited.put("ardesk.gateway.rate-limit.per-ip-per-minute", "10000000");
        unlimited.put("ardesk.gateway.rate-limit.default-per-minute", "10000000");
        for (String role : List.of("caller", "supervisor", "integration", "admin")) {
            unlimited.put("ardesk.gateway.rate-limit.per-role-per-minute." + role, "10000000");
        }
        system = ArDeskSystem.start(root, root.resolve("e2e/target/fuzz-system"), ArDeskSystem.Ports.free(),
                ArDeskSystem.allServices(), unlimited, message -> System.out.println("[fuzz] " + message));
    }

    @AfterAll
    static void stopSystem() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void everyOperationSurvivesGeneratedAndMutatedInput() throws Exception {
        Instant began = Instant.now();
        RawHttp gateway = new RawHttp("127.0.0.1", system.service("gateway").port());
        RawHttp.Response document = gateway.send(new RawHttp.Request("GET", "/openapi", List.of(), null, false));
        assertThat(document.status()).as("GET /openapi").isEqualTo(200);
        OpenApi api = new OpenApi(document.bodyText());

        Map<String, RawHttp> targets = new LinkedHashMap<>();
        targets.put(GATEWAY, gateway);
        targets.put(DIRECT, new RawHttp("127.0.0.1", system.service("claims-service").port()));
        targets.put("calls-service", new RawHttp("127.0.0.1", system.service("calls-service").port()));
        targets.put("followup-service", new RawHttp("127.0.0.1", system.service("followup-service").port()));
        Map<String, List<OpenApi.Operation>> operations = new LinkedHashMap<>();
        operations.put(GATEWAY, api.operations());
        operations.put(DIRECT, api.operations().stream()
                .filter(op -> DIRECT_PREFIXES.stream().anyMatch(p -> op.path().equals(p) || op.path().startsWith(p + "/"))).toList());

        Findings findings = new Findings();
        Fuzzer fuzzer = new Fuzzer(api, targets, operations, new Pools(), SEED, findings);
        System.out.printf("[fuzz] %d operations in the merged document, %d served by %s; seed %d, %d random requests%n",
                api.operations().size(), operations.get(DIRECT).size(), DIRECT, SEED, REQUESTS);

        seedData(fuzzer);
        for (int round = 0; round < 2; round++) {
            for (OpenApi.Operation op : api.operations()) {
                for (String practice : List.of(Fuzzer.A, Fuzzer.B)) {
                    fuzzer.exchange(GATEWAY, fuzzer.valid(op, practice));
                }
            }
        }
        int warmUp = findings.requests();
        Map<String, String> services = new LinkedHashMap<>();
        services.put("/api/v1/claims", DIRECT);
        services.put("/api/v1/calls", "calls-service");
        services.put("/api/v1/followups", "followup-service");
        new SeedCorpus(fuzzer, findings, GATEWAY, services).run();
        int corpus = findings.requests() - warmUp;
        fuzzer.tenancySweep(GATEWAY);
        fuzzer.tenancySweep(DIRECT);
        int sweep = findings.requests() - warmUp - corpus;
        Instant random = Instant.now();
        fuzzer.run(REQUESTS, System.out::println);
        long randomMillis = Duration.between(random, Instant.now()).toMillis();

        String summary = findings.summary(SEED, Duration.between(began, Instant.now()).toMillis());
        System.out.printf("[fuzz] %d valid warm-up requests, %d seed-corpus requests, %d tenancy-sweep requests, %d random"
                + " (%d s)%n", warmUp, corpus, sweep, REQUESTS, randomMillis / 1000);
        System.out.println(summary);
        assertThat(findings.isEmpty()).as("the fuzz stage found defects: see the classes of findings printed above").isTrue();
    }

    /**
     * A payer, claims of both practices and one call each, so the operations on them have ids to work
     * on; the rest the valid warm-up rounds create from the document's examples.
     */
    private static void seedData(Fuzzer fuzzer) throws InterruptedException {
        Draft payer = fuzzer.valid(fuzzer.operation("put", "/api/v1/payers/{payerId}"), Fuzzer.A);
        payer.path.put("payerId", "FUZZ-PAYER");
        payer.json = OpenApiJson.object(Map.of("name", "Fuzz Payer", "phone", "+1-800-555-0199", "timelyFilingDays", 180,
                "timelyFilingBasis", "SERVICE_DATE", "appealWindowDays", 90, "promiseGraceDays", 2, "effectiveFrom", "2000-01-01"));
        fuzzer.exchange(GATEWAY, payer);
        fuzzer.pools().add(Fuzzer.A, "payerId", "FUZZ-PAYER", false);
        for (String practice : List.of(Fuzzer.A, Fuzzer.B)) {
            String lastClaim = null;
            for (int i = 0; i < 4; i++) {
                Draft claim = fuzzer.valid(fuzzer.operation("post", "/api/v1/claims"), practice);
                claim.json = OpenApiJson.object(SeedCorpus.claimBody(practice, "FUZZ-PAYER"));
                RawHttp.Response created = fuzzer.exchange(GATEWAY, claim);
                assertThat(created.status()).as("seed claim: %s", created.bodyText()).isEqualTo(201);
                lastClaim = OpenApiJson.field(created, "claimId");
            }
            // calls-service learns claims from ClaimChanged events: a call on the claim is 422 until then
            Instant deadline = Instant.now().plusSeconds(60);
            while (Instant.now().isBefore(deadline)) {
                Draft call = fuzzer.valid(fuzzer.operation("post", "/api/v1/calls"), practice);
                call.json = OpenApiJson.object(Map.of("practiceId", practice, "payerId", "FUZZ-PAYER", "claimIds", List.of(lastClaim),
                        "startedAt", Instant.now().minusSeconds(600).toString(), "durationSeconds", 300, "repName", "Dana",
                        "referenceNumber", "REF-77", "outcome", "PROMISE_TO_PAY", "notes", "check mailed next week",
                        "promise", Map.of("amount", new java.math.BigDecimal("280.50"), "expectedOn",
                                LocalDate.now().plusDays(7).toString(), "method", "EFT")));
                if (fuzzer.exchange(GATEWAY, call).status() == 201) {
                    break;
                }
                Thread.sleep(500);
            }
        }
    }

    /** Bodies from maps, as the project's tests build them. */
    static final class OpenApiJson {
        static com.fasterxml.jackson.databind.node.ObjectNode object(Map<String, ?> fields) {
            return OpenApi.JSON_MAPPER().valueToTree(fields);
        }

        static String field(RawHttp.Response response, String name) {
            try {
                return OpenApi.JSON_MAPPER().readTree(response.body()).path(name).asText(null);
            } catch (Exception e) {
                return null;
            }
        }
    }
}
