package com.ardesk.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Demo data for the local run, sent through the gateway with the public API exactly as a PM system
 * or a front end would send it, so the demo exercises the same paths as production.
 */
final class DemoData {
    static final List<String> PRACTICES = List.of("P100", "P200");

    private DemoData() {
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
        String admin = DevTokens.token("admin-1", List.of("admin"), PRACTICES);
        HttpClient http = HttpClient.newHttpClient();
        String[][] payers = {
                {"MEDICARE", "Medicare Part B (Noridian JE)", "365", "SERVICE_DATE", "120", "5", "+1-855-609-9960"},
                {"MEDICAID-CA", "Medi-Cal", "180", "SERVICE_DATE", "90", "5", "+1-800-541-5555"},
                {"AETNA", "Aetna Commercial", "90", "SERVICE_DATE", "180", "5", "+1-888-632-3862"},
                {"UHC", "UnitedHealthcare Commercial", "90", "SERVICE_DATE", "180", "2", "+1-877-842-3210"},
                {"BCBS-TX", "Blue Cross Blue Shield of Texas", "180", "SERVICE_DATE", "180", "5", "+1-800-451-0287"},
        };
        for (String[] p : payers) {
            String body = """
                    {"name":"%s","timelyFilingDays":%s,"timelyFilingBasis":"%s","appealWindowDays":%s,\
                    "promiseGraceDays":%s,"phone":"%s","effectiveFrom":"2020-01-01"}""".formatted(p[1], p[2], p[3], p[4], p[5], p[6]);
            var response = http.send(HttpRequest.newBuilder(URI.create(gateway + "/api/v1/payers/" + p[0]))
                    .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException("seeding payer " + p[0] + " failed: " + response.statusCode() + " " + response.body());
            }
        }
        LocalRun.log("seeded " + payers.length + " payers");
    }
}
