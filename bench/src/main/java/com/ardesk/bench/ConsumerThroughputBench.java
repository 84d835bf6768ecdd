package com.ardesk.bench;

import com.ardesk.devstack.ArDeskSystem;
import com.ardesk.devstack.DevTokens;
import com.ardesk.devstack.PostgresServer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Issue 14 item 5: a PM system pushes N claims through {@code POST /api/v1/claims/batch} while
 * calls-service and followup-service consume {@code ar.claims.v1} into their read models. Prints
 * the events each consumer applied per second and how long after the last answer its read model
 * held every claim (goal: within 60 s for 100,000 claims). {@code -Dbench.claims=100000}.
 */
final class ConsumerThroughputBench {
    private static final int BATCH = 1000;
    private static final String PRACTICE = "BENCH-CONS";

    private final ArDeskSystem system;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String token = DevTokens.token("bench", List.of("integration", "admin"), List.of(PRACTICE, "BENCH-WARM"));

    /** One consumer's read model: the table holding one row per claim, and its processed_event name. */
    private record ReadModel(String service, String database, String table, String consumer) {
    }

    private final List<ReadModel> models = List.of(
            new ReadModel("followup-service", "followup", "claim_snapshot", "followup-claims"),
            new ReadModel("calls-service", "calls", "claim_projection", "calls-service-claims"));

    ConsumerThroughputBench(ArDeskSystem system) {
        this.system = system;
    }

    void run() throws Exception {
        int claims = Integer.getInteger("bench.claims", 100_000);
        int clients = Integer.getInteger("bench.clients", 2);
        String base = system.service("claims-service").url();
        send("PUT", base + "/api/v1/payers/BENCH-PAYER", """
                {"name":"Bench payer","timelyFilingDays":365,"appealWindowDays":120,"effectiveFrom":"2000-01-01"}""");
        LocalDate service = LocalDate.now().minusDays(30);

        // warm-up of both sides (JIT, pools, consumer groups joined), not counted
        send("POST", base + "/api/v1/claims/batch", ClaimsBatchBench.body("BENCH-WARM", "WARM", 0, BATCH, service));
        for (ReadModel m : models) {
            awaitRows(m, "BENCH-WARM", BATCH, Instant.now().plus(Duration.ofMinutes(5)));
        }

        Map<ReadModel, Long> eventsBefore = new LinkedHashMap<>();
        for (ReadModel m : models) {
            eventsBefore.put(m, processed(m));
        }
        CpuMeter cpu = new CpuMeter(system.pids(), system.infra().postgres().process().orElseThrow());
        Progress progress = new Progress(published(), eventsBefore);
        Thread sampler = new Thread(progress, "bench-progress");
        sampler.setDaemon(true);
        cpu.start();
        Instant start = Instant.now();
        progress.start = start;
        sampler.start();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> sent = new ArrayList<>();
        for (int from = 0; from < claims; from += BATCH) {
            int offset = from;
            int count = Math.min(BATCH, claims - from);
            sent.add(pool.submit(() -> send("POST", base + "/api/v1/claims/batch",
                    ClaimsBatchBench.body(PRACTICE, "CONS", offset, count, service))));
        }
        for (Future<?> f : sent) {
            f.get();
        }
        pool.shutdown();
        Instant lastAnswer = Instant.now();
        Map<ReadModel, Long> atLastAnswer = new LinkedHashMap<>();
        for (ReadModel m : models) {
            atLastAnswer.put(m, rows(m, PRACTICE));
        }

        Map<ReadModel, Instant> caughtUp = new LinkedHashMap<>();
        Map<ReadModel, Long> events = new LinkedHashMap<>();
        Instant deadline = lastAnswer.plus(Duration.ofMinutes(10));
        for (ReadModel m : models) {
            caughtUp.put(m, awaitRows(m, PRACTICE, claims, deadline));
            events.put(m, processed(m) - eventsBefore.get(m));
        }
        cpu.stop();
        progress.stop();
        sampler.join();

        double push = Duration.between(start, lastAnswer).toMillis() / 1000.0;
        System.out.printf("%n== consumers: %,d claims pushed through the batch endpoint ==%n", claims);
        System.out.printf("push           : %.1f s (%,.0f claims/s, %d clients, %d per request)%n", push, claims / push, clients, BATCH);
        for (ReadModel m : models) {
            double total = Duration.between(start, caughtUp.get(m)).toMillis() / 1000.0;
            double behind = Duration.between(lastAnswer, caughtUp.get(m)).toMillis() / 1000.0;
            System.out.printf("%-17s: %,d events applied, %,.0f events/s from the first request; %,d of %,d claims"
                            + " in the read model at the last answer, all %.1f s after it (goal <= 60 s)%n",
                    m.service(), events.get(m), events.get(m) / total, atLastAnswer.get(m), claims, Math.max(0, behind));
        }
        System.out.println(progress.report(lastAnswer));
        System.out.printf("CPU per claim  : %s%n", cpu.perRequest(claims));
        System.out.println();
    }

    /**
     * Where the time goes, stage by stage: every half second the outbox's published count
     * (claims-service's relay) and each consumer's processed_event count, so the report can say how
     * fast each stage moved and when it finished, not only when the last one did.
     */
    private final class Progress implements Runnable {
        private final long publishedBefore;
        private final Map<ReadModel, Long> processedBefore;
        private final List<long[]> samples = new ArrayList<>();
        private volatile boolean running = true;
        private volatile Instant start;

        Progress(long publishedBefore, Map<ReadModel, Long> processedBefore) {
            this.publishedBefore = publishedBefore;
            this.processedBefore = processedBefore;
        }

        @Override
        public void run() {
            while (running) {
                try {
                    long[] sample = new long[2 + models.size()];
                    sample[0] = Duration.between(start, Instant.now()).toMillis();
                    sample[1] = published() - publishedBefore;
                    for (int i = 0; i < models.size(); i++) {
                        sample[2 + i] = processed(models.get(i)) - processedBefore.get(models.get(i));
                    }
                    synchronized (samples) {
                        samples.add(sample);
                    }
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    return;
                } catch (SQLException e) {
                    System.out.println("[bench] progress sample failed: " + e.getMessage());
                }
            }
        }

        void stop() {
            running = false;
        }

        /** Per stage: events at the last answer, when the stage had all of them, and its rate while busy. */
        String report(Instant lastAnswer) {
            long answeredAt = Duration.between(start, lastAnswer).toMillis();
            List<String> stages = new ArrayList<>(List.of("relay (outbox -> Kafka)"));
            models.forEach(m -> stages.add(m.service() + " consumer"));
            StringBuilder b = new StringBuilder();
            synchronized (samples) {
                long[] last = samples.get(samples.size() - 1);
                for (int i = 0; i < stages.size(); i++) {
                    long total = last[1 + i];
                    long atAnswer = 0;
                    long firstMs = -1;
                    long doneMs = last[0];
                    for (long[] s : samples) {
                        if (s[0] <= answeredAt) {
                            atAnswer = s[1 + i];
                        }
                        if (firstMs < 0 && s[1 + i] > 0) {
                            firstMs = s[0];
                        }
                        if (s[1 + i] >= total) {
                            doneMs = Math.min(doneMs, s[0]);
                        }
                    }
                    double busy = Math.max(0.5, (doneMs - Math.max(0, firstMs)) / 1000.0);
                    b.append(String.format("%-30s: %,d events, %,d at the last answer, all %.1f s after it,"
                                    + " %,.0f events/s from its first to its last%n", stages.get(i), total, atAnswer,
                            Math.max(0, doneMs - answeredAt) / 1000.0, total / busy));
                }
            }
            return b.toString().stripTrailing();
        }
    }

    private long published() throws SQLException {
        try (Connection c = DriverManager.getConnection(system.infra().postgres().jdbcUrl("claims"),
                PostgresServer.USER, PostgresServer.PASSWORD);
             PreparedStatement s = c.prepareStatement("select count(*) from outbox_event where published_at is not null");
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private Instant awaitRows(ReadModel m, String practice, int expected, Instant deadline) throws Exception {
        while (rows(m, practice) < expected) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(m.service() + " did not catch up: " + rows(m, practice) + " of " + expected);
            }
            Thread.sleep(200);
        }
        return Instant.now();
    }

    private long rows(ReadModel m, String practice) throws SQLException {
        return count(m, "select count(*) from " + m.table() + " where practice_id = ?", practice);
    }

    private long processed(ReadModel m) throws SQLException {
        return count(m, "select count(*) from processed_event where consumer = ?", m.consumer());
    }

    private long count(ReadModel m, String sql, String parameter) throws SQLException {
        try (Connection c = DriverManager.getConnection(system.infra().postgres().jdbcUrl(m.database()),
                PostgresServer.USER, PostgresServer.PASSWORD); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, parameter);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
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
