package com.ardesk.e2e.faults;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The writes of one scenario, in its own practice, and what each must have left behind: a claim
 * per external id with known charges, and for a third of them a denial, for another third a
 * payment. Every write is retry-safe: claims by their natural key (PUT, batch) or an
 * Idempotency-Key (POST), denials and payments by an Idempotency-Key derived from the claim.
 */
final class Workload {
    static final String PAYER = "FAULT-PAYER";
    static final BigDecimal PAYMENT = new BigDecimal("100.25");
    /** How long a client keeps resending one write once the service answers again: far beyond any recovery. */
    static final Duration GIVE_UP_AFTER = Duration.ofSeconds(90);

    enum Action { DENY, PAY, NONE }

    /** One claim the scenario wrote: what it should be, and how the client fared. */
    static final class Entry {
        final String externalId;
        final BigDecimal billed;
        final Action action;
        volatile String claimId;
        /** The final answer the client got for the claim and for its action, e.g. "201" or "gave up: 409 ...". */
        volatile String created;
        volatile String acted;

        Entry(String externalId, BigDecimal billed, Action action) {
            this.externalId = externalId;
            this.billed = billed;
            this.action = action;
        }

        boolean clientGaveUp() {
            return (created != null && created.startsWith("gave up")) || (acted != null && acted.startsWith("gave up"));
        }

        BigDecimal expectedPaid() {
            return action == Action.PAY && "201".equals(acted) ? PAYMENT : BigDecimal.ZERO.setScale(2);
        }
    }

    final String practice;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Map<Integer, Instant> batchesInFlight = new ConcurrentHashMap<>();

    Workload(String practice) {
        this.practice = practice;
    }

    List<Entry> entries() {
        return List.copyOf(entries.values());
    }

    static LocalDate today() {
        return LocalDate.now(ZoneId.of("America/New_York"));
    }

    String externalId(int n) {
        return practice + "-C" + n;
    }

    /** Claim n: two lines whose charges differ per claim, so a mixed-up amount shows. */
    Map<String, Object> claimBody(int n) {
        BigDecimal first = new BigDecimal("150.10").add(BigDecimal.valueOf(n % 97));
        BigDecimal second = new BigDecimal("19.95");
        entries.computeIfAbsent(externalId(n), ext -> new Entry(ext, first.add(second), Action.values()[n % 3]));
        LocalDate service = today().minusDays(40);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("practiceId", practice);
        body.put("externalClaimId", externalId(n));
        body.put("patient", Map.of("accountNumber", "ACC-" + n, "firstName", "Pat", "lastName", "Fault",
                "dateOfBirth", "1970-01-01"));
        body.put("payerId", PAYER);
        body.put("providerNpi", "1234567893");
        body.put("serviceDateFrom", service.toString());
        body.put("serviceDateTo", service.toString());
        body.put("lines", List.of(
                Map.of("procedureCode", "99214", "units", 1, "chargeAmount", first, "diagnosisCodes", List.of("E11.9")),
                Map.of("procedureCode", "85025", "units", 1, "chargeAmount", second, "diagnosisCodes", List.of("E11.9"))));
        return body;
    }

    Entry entry(int n) {
        return entries.get(externalId(n));
    }

    /** One claim by itself: even n by POST with an Idempotency-Key, odd n by the PM system's PUT upsert; then its action. */
    void writeOne(Api api, String token, int n) {
        Map<String, Object> body = claimBody(n);
        Entry e = entry(n);
        Api.Answer answer = n % 2 == 0
                ? api.untilDone("POST", "/api/v1/claims", token, body, "claim-" + e.externalId, "POST /claims", GIVE_UP_AFTER)
                : api.untilDone("PUT", "/api/v1/practices/" + practice + "/claims/" + e.externalId, token, body, null,
                "PUT /practices/{p}/claims/{ext}", GIVE_UP_AFTER);
        e.created = outcome(answer);
        if (answer.ok()) {
            e.claimId = answer.json().path("claimId").asText();
            act(api, token, e);
        }
    }

    /** When each batch request not yet answered for good was first sent, by its first claim number. */
    Map<Integer, Instant> batchesInFlight() {
        return Map.copyOf(batchesInFlight);
    }

    /** Claims n..n+size-1 in one batch request with an Idempotency-Key; then, if asked, each one's action. */
    void writeBatch(Api api, String token, int n, int size, boolean withActions) {
        List<Map<String, Object>> claims = new ArrayList<>();
        for (int i = n; i < n + size; i++) {
            claims.add(claimBody(i));
        }
        batchesInFlight.put(n, Instant.now());
        Api.Answer answer;
        try {
            answer = api.untilDone("POST", "/api/v1/claims/batch", token, Map.of("claims", claims),
                    "batch-" + externalId(n) + "-" + size, "POST /claims/batch", GIVE_UP_AFTER);
        } finally {
            batchesInFlight.remove(n);
        }
        for (int i = n; i < n + size; i++) {
            entry(i).created = outcome(answer);
        }
        if (!answer.ok()) {
            return;
        }
        for (JsonNode item : answer.json().path("items")) {
            Entry e = entries.get(item.path("externalClaimId").asText());
            if (e != null && item.hasNonNull("claimId")) {
                e.claimId = item.path("claimId").asText();
            } else if (e != null) {
                e.created = "rejected: " + item.path("problem");
            }
        }
        for (int i = n; i < n + size && withActions; i++) {
            if (entry(i).claimId != null) {
                act(api, token, entry(i));
            }
        }
    }

    private void act(Api api, String token, Entry e) {
        LocalDate yesterday = today().minusDays(1);
        Api.Answer answer = switch (e.action) {
            case DENY -> api.untilDone("POST", "/api/v1/claims/" + e.claimId + "/denials", token,
                    Map.of("groupCode", "CO", "reasonCode", "197", "amount", e.billed, "deniedOn", yesterday.toString()),
                    "deny-" + e.externalId, "POST /claims/{id}/denials", GIVE_UP_AFTER);
            case PAY -> api.untilDone("POST", "/api/v1/claims/" + e.claimId + "/payments", token,
                    Map.of("amount", PAYMENT, "paidOn", yesterday.toString(), "method", "EFT", "reference", "EFT-" + e.externalId),
                    "pay-" + e.externalId, "POST /claims/{id}/payments", GIVE_UP_AFTER);
            case NONE -> null;
        };
        if (answer != null) {
            e.acted = outcome(answer);
        }
    }

    private static String outcome(Api.Answer answer) {
        if (answer.retryable()) {
            return "gave up: " + answer.status() + (answer.problemType() != null ? " " + answer.problemType() : "");
        }
        return String.valueOf(answer.status()) + (answer.ok() ? "" : " " + answer.problemType());
    }
}
