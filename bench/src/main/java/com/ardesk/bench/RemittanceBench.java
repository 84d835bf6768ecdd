package com.ardesk.bench;

import com.ardesk.claims.remit.Remittance835;
import com.ardesk.devstack.ArDeskSystem;
import com.ardesk.devstack.DevTokens;
import com.ardesk.devstack.PostgresServer;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue 13: a generated N-CLP 835 posted end to end (POST → 202 → GET the Location until POSTED,
 * every CLP paying a claim of its own: payment, adjustments, PAID, outbox events) versus the time the
 * 835 reader alone takes over the same file in this JVM, the two sides alternating in rounds; prints
 * both, CLPs/s end to end and the median of the rounds' ratios (goals: ≥ 2,000 CLPs/s, posting ≤ 2×
 * parse-only). Each round posts a file of new claims, created beforehand through the batch endpoint.
 * {@code -Dbench.clps=50000 -Dbench.rounds=3}.
 */
final class RemittanceBench {
    private static final int BATCH = 1000;
    private static final String PRACTICE = "BENCH-REMIT";
    private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([A-Z]+)\"");
    private static final Pattern PROCESSED = Pattern.compile("\"processed\"\\s*:\\s*(\\d+)");
    private final ArDeskSystem system;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String token = DevTokens.token("bench", List.of("integration", "admin"), List.of(PRACTICE));

    RemittanceBench(ArDeskSystem system) {
        this.system = system;
    }

    void run() throws Exception {
        int clps = Integer.getInteger("bench.clps", 50_000);
        int rounds = Integer.getInteger("bench.rounds", 3);
        String base = system.service("claims-service").url();
        send("PUT", base + "/api/v1/payers/BENCH-PAYER", "application/json", """
                {"name":"Bench payer","timelyFilingDays":365,"appealWindowDays":120,"effectiveFrom":"2000-01-01"}""");
        LocalDate service = LocalDate.now().minusDays(30);

        // warm-up, not counted: JIT of both sides and the pools, with a file just over the threshold
        createClaims(base, "WARM", 2_000, service);
        byte[] warm = file("WARM", "WARM-TRACE", 2_000);
        parse(warm);
        post(base, warm, 2_000);
        awaitOutboxDrained();

        System.out.printf("%n== remittances: %d rounds of one 835 of %,d CLPs (%.1f MiB) ==%n", rounds, clps,
                file("SIZE", "SIZE", clps).length / 1048576.0);
        List<Double> ratios = new ArrayList<>();
        List<Double> rates = new ArrayList<>();
        List<Double> parseRates = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            String prefix = "R" + round;
            createClaims(base, prefix, clps, service);
            awaitOutboxDrained();
            byte[] file = file(prefix, prefix + "-TRACE", clps);
            Duration posted;
            Duration parsed;
            if (round % 2 == 0) {
                posted = post(base, file, clps);
                awaitOutboxDrained();
                parsed = parse(file);
            } else {
                parsed = parse(file);
                posted = post(base, file, clps);
                awaitOutboxDrained();
            }
            checkPosted(prefix, clps);
            double ratio = (double) posted.toMillis() / Math.max(parsed.toMillis(), 1);
            ratios.add(ratio);
            rates.add(rate(clps, posted));
            parseRates.add(rate(clps, parsed));
            System.out.printf("round %d (%s first): end to end %6.0f CLPs/s (%.1f s), parse-only %7.0f CLPs/s (%.2f s), "
                            + "posting/parse %.1f×%n", round + 1, round % 2 == 0 ? "posting" : "parse", rate(clps, posted),
                    posted.toMillis() / 1000.0, rate(clps, parsed), parsed.toMillis() / 1000.0, ratio);
        }
        System.out.printf("end to end     : %8.0f CLPs/s median (POST → 202 → GET until POSTED; goal >= 2,000)%n", median(rates));
        System.out.printf("parse-only     : %8.0f CLPs/s median (the 835 reader over the same bytes, this JVM)%n", median(parseRates));
        System.out.printf("posting / parse: %8.1f× median of %d rounds %s (goal <= 2)%n%n", median(ratios), rounds,
                ratios.stream().map(r -> String.format("%.1f", r)).toList());
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.size() % 2 == 1 ? sorted.get(sorted.size() / 2)
                : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
    }

    private static double rate(int clps, Duration took) {
        return clps / Math.max(took.toMillis() / 1000.0, 0.001);
    }

    /** The reader alone: every segment read, envelope checked, each CLP built and handed on. */
    private static Duration parse(byte[] file) {
        Instant start = Instant.now();
        int[] seen = {0};
        Remittance835.stream(new ByteArrayInputStream(file), (transaction, claim) -> seen[0]++);
        Duration took = Duration.between(start, Instant.now());
        if (seen[0] == 0) {
            throw new IllegalStateException("the reader found no CLP");
        }
        return took;
    }

    /** POST, then GET the Location until POSTED: the time from the first byte sent to the POSTED answer. */
    private Duration post(String base, byte[] file, int clps) throws Exception {
        Instant start = Instant.now();
        HttpResponse<String> accepted = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/remittances"))
                .timeout(Duration.ofMinutes(5)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/edi-x12").POST(HttpRequest.BodyPublishers.ofByteArray(file)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (accepted.statusCode() != 202) {
            throw new IllegalStateException("POST answered " + accepted.statusCode() + ": "
                    + accepted.body().substring(0, Math.min(400, accepted.body().length())));
        }
        String location = base + accepted.headers().firstValue("Location").orElseThrow()
                .replaceFirst("^https?://[^/]+", "");
        while (true) {
            String view = send("GET", location, null, null);
            Matcher status = STATUS.matcher(view);
            if (!status.find()) {
                throw new IllegalStateException("no status in " + view.substring(0, Math.min(400, view.length())));
            }
            if ("POSTED".equals(status.group(1))) {
                Duration took = Duration.between(start, Instant.now());
                Matcher processed = PROCESSED.matcher(view);
                if (!processed.find() || Integer.parseInt(processed.group(1)) != clps) {
                    throw new IllegalStateException("POSTED with processed other than " + clps);
                }
                return took;
            }
            if ("FAILED".equals(status.group(1))) {
                throw new IllegalStateException("the remittance FAILED: " + view.substring(0, Math.min(2000, view.length())));
            }
            if (Duration.between(start, Instant.now()).toMinutes() >= 15) {
                throw new IllegalStateException("not POSTED within 15 minutes: " + view.substring(0, Math.min(400, view.length())));
            }
            // polling costs a little of the measured time; a 1/4 s grain on tens of seconds
            Thread.sleep(250);
        }
    }

    /** Every claim of the round paid exactly once, PAID with no balance left. */
    private void checkPosted(String prefix, int clps) throws Exception {
        try (Connection c = connection(); PreparedStatement s = c.prepareStatement("""
                select count(*) filter (where c.status = 'PAID' and c.balance = 0 and c.paid_amount = 400.00),
                       (select count(*) from payment p join claim x on x.claim_id = p.claim_id
                        where x.practice_id = ? and x.external_claim_id like ?)
                from claim c where c.practice_id = ? and c.external_claim_id like ?""")) {
            s.setString(1, PRACTICE);
            s.setString(2, prefix + "-%");
            s.setString(3, PRACTICE);
            s.setString(4, prefix + "-%");
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                if (rs.getLong(1) != clps || rs.getLong(2) != clps) {
                    throw new IllegalStateException(prefix + ": " + rs.getLong(1) + " claims PAID and " + rs.getLong(2)
                            + " payments, expected " + clps + " of each");
                }
            }
        }
    }

    private void createClaims(String base, String prefix, int count, LocalDate service) throws Exception {
        for (int from = 0; from < count; from += BATCH) {
            send("POST", base + "/api/v1/claims/batch", "application/json",
                    ClaimsBatchBench.body(PRACTICE, prefix, from, Math.min(BATCH, count - from), service));
        }
    }

    /**
     * One 835 transaction: claim {@code <prefix>-<n>} (3 lines of 185.00) paid 400.00, CO-45 100.00,
     * PR-2 55.00 (balance 0), with its patient, a service line and a date, as payers send them.
     */
    static byte[] file(String prefix, String trace, int clps) {
        StringBuilder b = new StringBuilder(clps * 200);
        String isa = String.join("*", "ISA", "00", "          ", "00", "          ", "ZZ", "BENCHPAYER     ", "ZZ",
                "ARDESK         ", "261120", "1200", "^", "00501", "000000101", "0", "P", ":");
        b.append(isa).append("~\nGS*HP*BENCHPAYER*ARDESK*20261120*1200*101*X*005010X221A1~\nST*835*0001~\n")
                .append("BPR*I*").append(new BigDecimal("400.00").multiply(BigDecimal.valueOf(clps)).toPlainString())
                .append("*C*ACH*CCP*01*999999999*DA*123456*1512345678**01*999988880*DA*98765*20261120~\n")
                .append("TRN*1*").append(trace).append("*1512345678~\nDTM*405*20261119~\nN1*PR*BENCH PAYER~\n")
                .append("N3*PO BOX 1~\nN4*CITY*ST*12345~\nREF*2U*BENCH-PAYER~\nN1*PE*BENCH CLINIC*XX*1234567893~\nLX*1~\n");
        int segments = 10;
        for (int i = 0; i < clps; i++) {
            b.append("CLP*").append(prefix).append('-').append(i).append("*1*555.00*400.00*55.00*12*PCN").append(i).append("~\n")
                    .append("CAS*CO*45*100.00~\nCAS*PR*2*55.00~\nNM1*QC*1*LEE*ANN****MI*M").append(i).append("~\n")
                    .append("SVC*HC:99214*555.00*400.00**3~\nDTM*472*20261010~\n");
            segments += 6;
        }
        b.append("SE*").append(segments + 1).append("*0001~\nGE*1*101~\nIEA*1*000000101~\n");
        return b.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private Connection connection() throws Exception {
        return DriverManager.getConnection(system.infra().postgres().jdbcUrl("claims"), PostgresServer.USER, PostgresServer.PASSWORD);
    }

    private void awaitOutboxDrained() throws Exception {
        Instant start = Instant.now();
        try (Connection c = connection(); PreparedStatement waiting = c.prepareStatement(
                "select count(*) from outbox_event where published_at is null")) {
            while (true) {
                try (var rs = waiting.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) == 0) {
                        return;
                    }
                }
                if (Duration.between(start, Instant.now()).toMinutes() >= 5) {
                    throw new IllegalStateException("the outbox did not drain within 5 minutes");
                }
                Thread.sleep(100);
            }
        }
    }

    private String send(String method, String url, String contentType, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(2))
                .header("Authorization", "Bearer " + token);
        if (body == null) {
            request.GET();
        } else {
            request.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + url + " answered " + response.statusCode() + ": "
                    + response.body().substring(0, Math.min(400, response.body().length())));
        }
        return response.body();
    }
}
