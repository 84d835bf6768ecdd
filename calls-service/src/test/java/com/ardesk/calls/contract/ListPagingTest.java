package com.ardesk.calls.contract;

import com.ardesk.calls.claim.ClaimEventHandler;
import com.ardesk.calls.support.CallsInfra;
import com.ardesk.calls.support.Claims;
import com.ardesk.devstack.DevTokens;
import com.ardesk.kit.consumer.EventConsumerRunner;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * The paging contract of calls-service's lists (docs/api.md#paging, service-kit Keyset): a cursor
 * works only on the list and filters that issued it, anything else is a 400 naming {@code cursor};
 * paging through a list while rows are added yields every row once, in order.
 */
@QuarkusTest
@CallsInfra
class ListPagingTest {
    static final String CALLER = DevTokens.token("caller-1", List.of("caller"), List.of("P100", "P200"));

    @Inject
    EventConsumerRunner runner;
    @Inject
    ClaimEventHandler handler;

    UUID knownClaim(String practiceId) {
        UUID claimId = UUID.randomUUID();
        runner.apply(handler, Claims.changed(practiceId, claimId, "AETNA", 1));
        return claimId;
    }

    /** A promise-to-pay call on the claim, started at {@code startedAt}, promising payment on {@code expectedOn}. */
    static String logCall(String practiceId, UUID claimId, Instant startedAt, LocalDate expectedOn) {
        Map<String, Object> body = Map.of("practiceId", practiceId, "payerId", "AETNA", "claimIds", List.of(claimId),
                "startedAt", startedAt.toString(), "durationSeconds", 300, "repName", "Dana R.", "referenceNumber", "CR-1",
                "outcome", "PROMISE_TO_PAY", "notes", "promised",
                "promise", Map.of("amount", "100.00", "expectedOn", expectedOn.toString(), "method", "CHECK", "reference", "CHK-1"));
        return given().auth().oauth2(CALLER).contentType(ContentType.JSON).body(body).post("/api/v1/calls")
                .then().statusCode(201).extract().path("callId");
    }

    static void plan(String practiceId, UUID claimId) {
        Map<String, Object> body = Map.of("practiceId", practiceId, "claimIds", List.of(claimId),
                "patient", Map.of("accountNumber", "A-" + claimId.toString().substring(0, 8), "name", "Jordan Lee"),
                "total", "100.00", "installments", List.of(Map.of("dueOn", LocalDate.now().plusDays(20).toString(), "amount", "100.00")));
        given().auth().oauth2(CALLER).contentType(ContentType.JSON).body(body).post("/api/v1/payment-plans")
                .then().statusCode(201);
    }

    static JsonPath page(String path, Map<String, ?> filters, int limit, String cursor) {
        var request = given().auth().oauth2(CALLER).queryParams(filters).queryParam("limit", limit);
        if (cursor != null) {
            request.queryParam("cursor", cursor);
        }
        return request.get(path).then().statusCode(200).extract().jsonPath();
    }

    static void refused(String path, Map<String, ?> filters, String cursor, String reason) {
        given().auth().oauth2(CALLER).queryParams(filters).queryParam("cursor", cursor).get(path)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("cursor")).body("errors[0].message", containsString(reason));
    }

    static String altered(String cursor) {
        byte[] raw = Base64.getUrlDecoder().decode(cursor);
        raw[raw.length / 2] ^= 1;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    static String otherVersion(String cursor) {
        byte[] raw = Base64.getUrlDecoder().decode(cursor);
        raw[0]++;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    @Test
    void everyListRefusesACursorItDidNotIssueForTheSameFilters() {
        UUID claimId = knownClaim("P100");
        UUID other = knownClaim("P200");
        for (int i = 0; i < 2; i++) {
            logCall("P100", claimId, Instant.parse("2026-03-02T15:00:00Z").plusSeconds(i), LocalDate.now().plusDays(5 + i));
            logCall("P200", other, Instant.parse("2026-03-02T15:00:00Z").plusSeconds(i), LocalDate.now().plusDays(5 + i));
            plan("P100", claimId);
        }
        Map<String, Map<String, Object>> lists = new LinkedHashMap<>();
        lists.put("/api/v1/calls", Map.of("practiceId", "P100"));
        lists.put("/api/v1/promises", Map.of("practiceId", "P100"));
        lists.put("/api/v1/payment-plans", Map.of("practiceId", "P100"));
        Map<String, String> cursors = new LinkedHashMap<>();
        lists.forEach((path, filters) -> cursors.put(path, page(path, filters, 1, null).getString("nextCursor")));
        assertThat(cursors.values()).doesNotContainNull();

        lists.forEach((path, filters) -> {
            String own = cursors.get(path);
            page(path, filters, 1, own);
            for (String garbage : List.of("AAAA", "!!!!", "2024-01-01", own.substring(0, own.length() - 3), own.substring(0, 12), altered(own))) {
                refused(path, filters, garbage, "is not a cursor this API issued");
            }
            refused(path, filters, otherVersion(own), "another version");
            // another practice's query: the same list for P200
            refused(path, Map.of("practiceId", "P200"), own, "other filters");
            refused(path, Map.of(), own, "other filters");
            cursors.forEach((otherPath, foreign) -> {
                if (!otherPath.equals(path)) {
                    refused(path, filters, foreign, "belongs to another list");
                }
            });
        });
        String scripts = page("/api/v1/call-scripts", Map.of(), 1, null).getString("nextCursor");
        if (scripts != null) {
            refused("/api/v1/calls", Map.of("practiceId", "P100"), scripts, "belongs to another list");
        }
        refused("/api/v1/call-scripts", Map.of(), cursors.get("/api/v1/calls"), "belongs to another list");
    }

    @Test
    void pagingThroughCallsAndPromisesWhileCallsAreLoggedYieldsEachRowOnceInOrder() {
        UUID claimId = knownClaim("P100");
        Instant start = Instant.parse("2026-02-01T09:00:00Z");
        LocalDate due = LocalDate.now().plusDays(10);
        List<String> calls = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            // two calls per second and two promises per day, so ties are broken by the id
            calls.add(logCall("P100", claimId, start.plusSeconds(i / 2), due.plusDays(i / 2)));
        }
        int[] added = {0};
        Runnable logMore = () -> {
            // one before and one after every position: neither may shift a page
            logCall("P100", claimId, start.minusSeconds(60 + added[0]), due.minusDays(1));
            logCall("P100", claimId, start.plusSeconds(3600 + added[0]), due.plusDays(30));
            added[0]++;
        };
        Map<String, Object> filters = Map.of("claimId", claimId.toString());

        List<Map<String, Object>> seenCalls = pageThrough("/api/v1/calls", filters, logMore);
        // within one second the call id decides, so only one call per second has a known place
        assertOnceInOrder(seenCalls, "callId", List.of(calls.get(6), calls.get(4), calls.get(2), calls.get(0)), "startedAt", true);
        assertThat(seenCalls).extracting(c -> c.get("callId")).containsAll(calls);

        List<Map<String, Object>> seenPromises = pageThrough("/api/v1/promises", filters, logMore);
        List<String> promisedCalls = seenPromises.stream().map(p -> (String) p.get("callId")).toList();
        assertThat(promisedCalls).containsSubsequence(List.of(calls.get(0), calls.get(2), calls.get(4), calls.get(6)))
                .containsAll(calls);
        assertOnceInOrder(seenPromises, "promiseId", List.of(), "expectedOn", false);
    }

    /** Every page of the list, 2 rows at a time, calling {@code between} after each page. */
    static List<Map<String, Object>> pageThrough(String path, Map<String, ?> filters, Runnable between) {
        List<Map<String, Object>> seen = new ArrayList<>();
        String cursor = null;
        do {
            JsonPath page = page(path, filters, 2, cursor);
            seen.addAll(page.getList("items"));
            cursor = page.getString("nextCursor");
            between.run();
        } while (cursor != null);
        return seen;
    }

    /** No row twice, rows in the list's order, and every row that existed before the first page among them, in that order. */
    static void assertOnceInOrder(List<Map<String, Object>> seen, String id, List<String> existing, String sortKey,
                                  boolean descending) {
        List<String> ids = seen.stream().map(row -> (String) row.get(id)).toList();
        assertThat(ids).doesNotHaveDuplicates();
        if (!existing.isEmpty()) {
            assertThat(ids).containsSubsequence(existing);
        }
        List<String> keys = seen.stream().map(row -> (String) row.get(sortKey)).toList();
        List<String> sorted = new ArrayList<>(keys);
        sorted.sort(descending ? java.util.Comparator.reverseOrder() : java.util.Comparator.naturalOrder());
        assertThat(keys).isEqualTo(sorted);
    }
}
