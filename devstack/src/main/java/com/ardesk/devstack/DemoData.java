package com.ardesk.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Demo data for the local run, sent through the gateway with the public API exactly as a PM system,
 * a front end and an AR caller would send it: payers, a few hundred claims in every aging bucket,
 * denials, payments, and calls with promises to pay. Deterministic (fixed seed), so every demo
 * looks the same.
 */
final class DemoData {
    static final List<String> PRACTICES = List.of("P100", "P200");
    private static final String[][] PAYERS = {
            {"MEDICARE", "Medicare Part B (Noridian JE)", "365", "120", "5", "+1-855-609-9960"},
            {"MEDICAID-CA", "Medi-Cal", "180", "90", "5", "+1-800-541-5555"},
            {"AETNA", "Aetna Commercial", "90", "180", "5", "+1-888-632-3862"},
            {"UHC", "UnitedHealthcare Commercial", "90", "180", "2", "+1-877-842-3210"},
            {"BCBS-TX", "Blue Cross Blue Shield of Texas", "180", "180", "5", "+1-800-451-0287"},
    };
    private static final String[][] DENIALS = {{"CO", "197"}, {"CO", "16"}, {"CO", "50"}, {"CO", "29"}, {"CO", "27"},
            {"CO", "4"}, {"CO", "18"}, {"OA", "23"}, {"CO", "96"}};
    private static final String[] CODES = {"99213", "99214", "99215", "93000", "36415", "G0439", "80053", "71046"};
    private static final String[] DX = {"E11.9", "I10", "J45.909", "M54.5", "Z00.00", "E78.5", "K21.9"};
    private static final Pattern CLAIM_ID = Pattern.compile("\"claimId\":\"([0-9a-f-]{36})\"");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String gateway;
    private final Random random = new Random(42);
    private final LocalDate today = LocalDate.now(ZoneId.of("America/New_York"));

    private DemoData(String gateway) {
        this.gateway = gateway;
    }

    static Map<String, String> demoTokens() {
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("caller (caller-1)", DevTokens.token("caller-1", List.of("caller"), PRACTICES));
        tokens.put("supervisor (sup-1)", DevTokens.token("sup-1", List.of("supervisor", "caller"), PRACTICES));
        tokens.put("integration (pm-sync)", DevTokens.token("pm-sync", List.of("integration"), PRACTICES));
        tokens.put("admin (admin-1)", DevTokens.token("admin-1", List.of("admin"), PRACTICES));
        return tokens;
    }

    static void seed(String gateway) throws IOException, InterruptedException {
        new DemoData(gateway).seedAll();
    }

    private void seedAll() throws IOException, InterruptedException {
        String admin = DevTokens.token("admin-1", List.of("admin"), PRACTICES);
        String pm = DevTokens.token("pm-sync", List.of("integration"), PRACTICES);
        String caller = DevTokens.token("caller-1", List.of("caller"), PRACTICES);
        for (String[] p : PAYERS) {
            send(admin, "PUT", "/api/v1/payers/" + p[0], """
                    {"name":"%s","timelyFilingDays":%s,"timelyFilingBasis":"SERVICE_DATE","appealWindowDays":%s,\
                    "promiseGraceDays":%s,"phone":"%s","effectiveFrom":"2020-01-01"}""".formatted(p[1], p[2], p[3], p[4], p[5]));
        }
        // {practice, claimId, payerId, age in days}
        List<String[]> claims = new ArrayList<>();
        for (String practice : PRACTICES) {
            List<String> items = new ArrayList<>();
            List<String[]> sent = new ArrayList<>();
            for (int i = 0; i < 150; i++) {
                // spread over every aging bucket: 3 to 240 days since service
                int age = 3 + random.nextInt(238);
                String payer = PAYERS[random.nextInt(PAYERS.length)][0];
                items.add(claim(practice, practice + "-DEMO-" + (1000 + i), payer, age));
                sent.add(new String[]{practice, null, payer, String.valueOf(age)});
            }
            Matcher ids = CLAIM_ID.matcher(send(pm, "POST", "/api/v1/claims/batch", "{\"claims\":[" + String.join(",", items) + "]}"));
            for (String[] c : sent) {
                if (ids.find()) {
                    c[1] = ids.group(1);
                    claims.add(c);
                }
            }
        }
        int denied = 0;
        int paid = 0;
        List<String[]> open = new ArrayList<>();
        for (String[] c : claims) {
            String claimId = c[1];
            int age = Integer.parseInt(c[3]);
            int roll = random.nextInt(10);
            if (roll < 2 && age > 20) {
                String[] d = DENIALS[random.nextInt(DENIALS.length)];
                send(caller, "POST", "/api/v1/claims/" + claimId + "/denials", """
                        {"groupCode":"%s","reasonCode":"%s","remarkCodes":["N54"],"amount":%s,"deniedOn":"%s"}"""
                        .formatted(d[0], d[1], "150.00", today.minusDays(Math.max(1, age - 20))));
                denied++;
            } else if (roll < 4 && age > 15) {
                send(pm, "POST", "/api/v1/claims/" + claimId + "/payments", """
                        {"amount":45.00,"paidOn":"%s","method":"EFT","reference":"EFT-%d",\
                        "adjustments":[{"groupCode":"CO","reasonCode":"45","amount":15.00},\
                        {"groupCode":"PR","reasonCode":"2","amount":10.00}]}"""
                        .formatted(today.minusDays(random.nextInt(10)), 700000 + paid));
                paid++;
            } else {
                open.add(new String[]{c[0], claimId, c[2]});
            }
        }
        int calls = seedCalls(caller, open);
        LocalRun.log("seeded " + PAYERS.length + " payers, " + claims.size() + " claims in every aging bucket, "
                + denied + " denials, " + paid + " payments, " + calls + " calls");
    }

    private int seedCalls(String caller, List<String[]> open) throws IOException, InterruptedException {
        String[] outcomes = {"IN_PROCESS", "PROMISE_TO_PAY", "NO_ANSWER", "INFO_REQUESTED", "CALLBACK_REQUESTED"};
        int logged = 0;
        for (int i = 0; i < Math.min(30, open.size()); i++) {
            String[] c = open.get(i * Math.max(1, open.size() / 30) % open.size());
            String outcome = outcomes[i % outcomes.length];
            String promise = outcome.equals("PROMISE_TO_PAY")
                    ? ",\"promise\":{\"amount\":150.00,\"expectedOn\":\"%s\",\"method\":\"EFT\"}".formatted(today.plusDays(3 + i % 10))
                    : "";
            String callback = outcome.equals("CALLBACK_REQUESTED")
                    ? ",\"callbackAt\":\"%s\"".formatted(Instant.now().plus(Duration.ofDays(2))) : "";
            String body = """
                    {"practiceId":"%s","payerId":"%s","claimIds":["%s"],"startedAt":"%s","durationSeconds":%d,\
                    "repName":"Rep %d","referenceNumber":"REF-%d","outcome":"%s","notes":"demo call"%s%s}"""
                    .formatted(c[0], c[2], c[1], Instant.now().minus(Duration.ofHours(1 + i)), 120 + 30 * i, i, 5000 + i,
                            outcome, promise, callback);
            // calls-service learns claims from events; give it a moment for the first ones
            for (int attempt = 0; attempt < 40; attempt++) {
                HttpResponse<String> r = request(caller, "POST", "/api/v1/calls", body);
                if (r.statusCode() < 300) {
                    logged++;
                    break;
                }
                if (r.statusCode() != 422 && r.statusCode() != 404) {
                    throw new IllegalStateException("POST /api/v1/calls answered " + r.statusCode() + ": " + r.body());
                }
                Thread.sleep(500);
            }
        }
        return logged;
    }

    private String claim(String practice, String externalId, String payer, int age) {
        LocalDate service = today.minusDays(age);
        int lines = 1 + random.nextInt(3);
        StringBuilder l = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            if (i > 0) {
                l.append(',');
            }
            l.append("{\"procedureCode\":\"").append(CODES[random.nextInt(CODES.length)]).append("\",\"units\":1,")
                    .append("\"chargeAmount\":").append(60 + random.nextInt(400)).append(".00,\"diagnosisCodes\":[\"")
                    .append(DX[random.nextInt(DX.length)]).append("\"]}");
        }
        return """
                {"practiceId":"%s","externalClaimId":"%s","patient":{"accountNumber":"ACC-%s","firstName":"Demo",\
                "lastName":"Patient%d","dateOfBirth":"1965-03-14"},"payerId":"%s","providerNpi":"1234567893",\
                "serviceDateFrom":"%s","serviceDateTo":"%s","submittedOn":"%s","lines":[%s]}"""
                .formatted(practice, externalId, externalId, random.nextInt(1000), payer, service, service,
                        service.plusDays(2).isAfter(today) ? service : service.plusDays(2), l);
    }

    private String send(String token, String method, String path, String json) throws IOException, InterruptedException {
        HttpResponse<String> r = request(token, method, path, json);
        if (r.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    private HttpResponse<String> request(String token, String method, String path, String json)
            throws IOException, InterruptedException {
        HttpResponse<String> r = once(token, method, path, json);
        // the gateway's rate limits apply to the demo loader too: wait as it asks
        for (int i = 0; i < 30 && r.statusCode() == 429; i++) {
            Thread.sleep(1000L * Long.parseLong(r.headers().firstValue("Retry-After").orElse("1")));
            r = once(token, method, path, json);
        }
        return r;
    }

    private HttpResponse<String> once(String token, String method, String path, String json)
            throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(gateway + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
