package com.ardesk.bench;

import com.ardesk.devstack.ArDeskSystem;
import com.ardesk.devstack.DevTokens;
import com.ardesk.devstack.PostgresServer;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Issue 5: N claims x 3 lines through POST /api/v1/claims/batch (1,000 per request, validation,
 * natural-key upsert, outbox events and all) versus a raw JDBC batched insert of the same rows into
 * the same database, the two sides alternating in rounds; prints both throughputs and the median of
 * the rounds' ratios. {@code -Dbench.claims=100000 -Dbench.rounds=4 -Dbench.warmup=20000}.
 */
final class ClaimsBatchBench {
    private static final int BATCH = 1000;
    private final ArDeskSystem system;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String token = DevTokens.token("bench", List.of("integration", "admin"), List.of("BENCH-API", "BENCH-JDBC"));

    ClaimsBatchBench(ArDeskSystem system) {
        this.system = system;
    }

    void run() throws Exception {
        int claims = Integer.getInteger("bench.claims", 100_000);
        int clients = Integer.getInteger("bench.clients", 2);
        int rounds = Integer.getInteger("bench.rounds", 4);
        String base = system.service("claims-service").url();
        send("PUT", base + "/api/v1/payers/BENCH-PAYER", """
                {"name":"Bench payer","timelyFilingDays":365,"appealWindowDays":120,"effectiveFrom":"2000-01-01"}""");
        LocalDate service = LocalDate.now().minusDays(30);

        // warm-up: JIT and connection pools, not counted. One request was not enough: the rounds' ratios
        // then climbed 0.44 → 0.84 while the endpoint's code was still being compiled
        int warmup = Integer.getInteger("bench.warmup", 20_000);
        for (int offset = 0; offset < warmup; offset += BATCH) {
            send("POST", base + "/api/v1/claims/batch", body("WARM", offset, BATCH, service));
        }
        awaitOutboxDrained();

        // the two sides alternate in rounds (API first, then JDBC first, …) so that whatever else the machine
        // does, and the growing tables, weigh on both alike; each side starts with the outbox drained
        int perRound = Math.max(BATCH, claims / rounds / BATCH * BATCH);
        List<Double> ratios = new ArrayList<>();
        long apiMillis = 0;
        long jdbcMillis = 0;
        Duration lastDrain = Duration.ZERO;
        System.out.printf("%n== claims batch: %d rounds of %,d claims x 3 lines ==%n", rounds, perRound);
        for (int round = 0; round < rounds; round++) {
            int offset = round * perRound;
            Duration api;
            Duration jdbc;
            if (round % 2 == 0) {
                api = push(base, offset, perRound, clients, service, "\"created\":1000");
                lastDrain = awaitOutboxDrained();
                jdbc = rawInsert(offset, perRound, service);
            } else {
                jdbc = rawInsert(offset, perRound, service);
                api = push(base, offset, perRound, clients, service, "\"created\":1000");
                lastDrain = awaitOutboxDrained();
            }
            apiMillis += api.toMillis();
            jdbcMillis += jdbc.toMillis();
            double ratio = (double) jdbc.toMillis() / api.toMillis();
            ratios.add(ratio);
            System.out.printf("round %d (%s first): endpoint %6.0f claims/s, raw JDBC %6.0f claims/s, ratio %.2f%n",
                    round + 1, round % 2 == 0 ? "API" : "JDBC", rate(perRound, api), rate(perRound, jdbc), ratio);
        }
        // the nightly full re-push of a PM system: every claim known and unchanged, nothing written
        Duration resend = push(base, 0, perRound * rounds, clients, service, "\"unchanged\":1000");

        int total = perRound * rounds;
        List<Double> sorted = ratios.stream().sorted().toList();
        double median = sorted.size() % 2 == 1 ? sorted.get(sorted.size() / 2)
                : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
        System.out.printf("batch endpoint : %8.0f claims/s  (%,d claims in %.1f s, %d clients, %d per request, outbox events included)%n",
                total / (apiMillis / 1000.0), total, apiMillis / 1000.0, clients, BATCH);
        System.out.printf("outbox drained : %8.1f s after the last answer of the last API round%n", lastDrain.toMillis() / 1000.0);
        System.out.printf("same push again: %8.0f claims/s  (%.1f s, every claim recognised as unchanged)%n",
                rate(total, resend), resend.toMillis() / 1000.0);
        System.out.printf("raw JDBC batch : %8.0f claims/s  (%.1f s, same rows, same database)%n",
                total / (jdbcMillis / 1000.0), jdbcMillis / 1000.0);
        System.out.printf("ratio          : %8.2f median of %d rounds %s (goal >= 0.8)%n%n", median, rounds, ratios.stream()
                .map(r -> String.format("%.2f", r)).toList());
    }

    private static double rate(int claims, Duration took) {
        return claims / Math.max(took.toMillis() / 1000.0, 0.001);
    }

    /** Sends N claims in requests of 1,000 from several clients; every answer must report {@code expected}. */
    private Duration push(String base, int first, int claims, int clients, LocalDate service, String expected)
            throws Exception {
        Instant start = Instant.now();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> sent = new ArrayList<>();
        for (int from = first; from < first + claims; from += BATCH) {
            int offset = from;
            int count = Math.min(BATCH, first + claims - from);
            sent.add(pool.submit(() -> {
                String answer = send("POST", base + "/api/v1/claims/batch", body("BENCH-API", offset, count, service));
                if (!answer.contains(expected.replace("1000", String.valueOf(count)))) {
                    throw new IllegalStateException("batch answered other than " + expected + ": "
                            + answer.substring(0, Math.min(400, answer.length())));
                }
                return null;
            }));
        }
        for (Future<?> f : sent) {
            f.get();
        }
        pool.shutdown();
        return Duration.between(start, Instant.now());
    }

    private Duration awaitOutboxDrained() throws Exception {
        Instant start = Instant.now();
        try (Connection c = DriverManager.getConnection(system.infra().postgres().jdbcUrl("claims"), PostgresServer.USER,
                PostgresServer.PASSWORD); PreparedStatement waiting = c.prepareStatement(
                "select count(*) from outbox_event where published_at is null")) {
            while (true) {
                try (var rs = waiting.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) == 0) {
                        return Duration.between(start, Instant.now());
                    }
                }
                if (Duration.between(start, Instant.now()).toMinutes() >= 5) {
                    throw new IllegalStateException("the outbox did not drain within 5 minutes");
                }
                Thread.sleep(100);
            }
        }
    }

    private Duration rawInsert(int first, int claims, LocalDate service) throws Exception {
        String url = system.infra().postgres().jdbcUrl("claims") + "&reWriteBatchedInserts=true";
        try (Connection c = DriverManager.getConnection(url, PostgresServer.USER, PostgresServer.PASSWORD)) {
            c.setAutoCommit(false);
            Instant start = Instant.now();
            try (PreparedStatement claim = c.prepareStatement("""
                    insert into claim (claim_id, practice_id, external_claim_id, payer_id, provider_npi, patient_account_number,
                      patient_first_name, patient_last_name, patient_date_of_birth, service_date_from, service_date_to,
                      submitted_on, status, billed_amount, balance, content_hash, created_at, updated_at)
                    values (?, 'BENCH-JDBC', ?, 'BENCH-PAYER', '1234567893', ?, 'Ann', 'Lee', '1970-01-01', ?, ?, ?,
                      'SUBMITTED', 555.00, 555.00, 'x', ?, ?)""");
                 PreparedStatement line = c.prepareStatement("""
                         insert into claim_line (line_id, claim_id, line_number, procedure_code, modifiers, units,
                           charge_amount, diagnosis_codes) values (?, ?, ?, ?, '', 1, ?, 'E11.9')""")) {
                for (int i = first; i < first + claims; i++) {
                    UUID id = UUID.randomUUID();
                    Timestamp now = Timestamp.from(Instant.now());
                    claim.setObject(1, id);
                    claim.setString(2, "J-" + i);
                    claim.setString(3, "ACC-" + i);
                    claim.setDate(4, Date.valueOf(service));
                    claim.setDate(5, Date.valueOf(service));
                    claim.setDate(6, Date.valueOf(service));
                    claim.setTimestamp(7, now);
                    claim.setTimestamp(8, now);
                    claim.addBatch();
                    for (int n = 1; n <= 3; n++) {
                        line.setObject(1, UUID.randomUUID());
                        line.setObject(2, id);
                        line.setInt(3, n);
                        line.setString(4, n == 1 ? "99214" : n == 2 ? "93000" : "G0439");
                        line.setBigDecimal(5, new BigDecimal("185.00"));
                        line.addBatch();
                    }
                    if ((i + 1) % BATCH == 0 || i == first + claims - 1) {
                        claim.executeBatch();
                        line.executeBatch();
                        c.commit();
                    }
                }
            }
            return Duration.between(start, Instant.now());
        }
    }

    private static String body(String prefix, int offset, int count, LocalDate service) {
        return body(prefix.equals("WARM") ? "BENCH-API" : prefix, prefix, offset, count, service);
    }

    /** A batch request of {@code count} claims × 3 lines of one practice, external ids {@code <prefix>-<n>}. */
    static String body(String practice, String prefix, int offset, int count, LocalDate service) {
        StringBuilder b = new StringBuilder("{\"claims\":[");
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append("""
                    {"practiceId":"%s","externalClaimId":"%s-%d","patient":{"accountNumber":"ACC-%d","firstName":"Ann",\
                    "lastName":"Lee","dateOfBirth":"1970-01-01"},"payerId":"BENCH-PAYER","providerNpi":"1234567893",\
                    "serviceDateFrom":"%s","serviceDateTo":"%s","submittedOn":"%s","lines":[\
                    {"procedureCode":"99214","units":1,"chargeAmount":185.00,"diagnosisCodes":["E11.9"]},\
                    {"procedureCode":"93000","units":1,"chargeAmount":185.00,"diagnosisCodes":["E11.9"]},\
                    {"procedureCode":"G0439","units":1,"chargeAmount":185.00,"diagnosisCodes":["E11.9"]}]}"""
                    .formatted(practice, prefix, offset + i, offset + i, service, service, service));
        }
        return b.append("]}").toString();
    }

    private String send(String method, String url, String json) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(2))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }
}
