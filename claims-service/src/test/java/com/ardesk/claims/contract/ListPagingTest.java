package com.ardesk.claims.contract;

import com.ardesk.claims.remit.Sample835;
import com.ardesk.claims.support.ClaimsInfra;
import com.ardesk.devstack.DevTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.ardesk.claims.support.ClaimFixtures.PM;
import static com.ardesk.claims.support.ClaimFixtures.claim;
import static com.ardesk.claims.support.ClaimFixtures.payer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * The paging contract of claims-service's lists (docs/api.md#paging, service-kit Keyset): a cursor
 * works only on the list and filters that issued it, anything else is a 400 naming {@code cursor};
 * paging through a list while claims are added yields every claim once, in order.
 */
@QuarkusTest
@ClaimsInfra
class ListPagingTest {
    static final String READER = DevTokens.token("caller-both", List.of("caller"), List.of("P100", "P900"));

    static String create(String practiceId, String externalId, String payerId, int daysAgo) {
        return given().auth().oauth2(DevTokens.token("pm-both", List.of("integration"), List.of("P100", "P900")))
                .contentType(ContentType.JSON).body(claim(practiceId, externalId, payerId, daysAgo))
                .post("/api/v1/claims").then().statusCode(201).extract().path("claimId");
    }

    static JsonPath page(String path, Map<String, ?> filters, int limit, String cursor) {
        var request = given().auth().oauth2(READER).queryParams(filters).queryParam("limit", limit);
        if (cursor != null) {
            request.queryParam("cursor", cursor);
        }
        return request.get(path).then().statusCode(200).extract().jsonPath();
    }

    static void refused(String path, Map<String, ?> filters, String cursor, String reason) {
        given().auth().oauth2(READER).queryParams(filters).queryParam("cursor", cursor).get(path)
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
        String payerId = "PG-" + UUID.randomUUID().toString().substring(0, 6);
        payer(payerId);
        payer("MCR-R");
        for (int i = 0; i < 2; i++) {
            create("P100", payerId + "-A" + i, payerId, 10 + i);
            create("P900", payerId + "-B" + i, payerId, 10 + i);
            given().auth().oauth2(PM).contentType("application/edi-x12")
                    .body(Sample835.file("PG" + i, "PG-" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8))
                    .post("/api/v1/remittances").then().statusCode(201);
        }
        Map<String, Map<String, Object>> lists = new LinkedHashMap<>();
        lists.put("/api/v1/claims", Map.of("practiceId", "P100", "payerId", payerId));
        lists.put("/api/v1/remittances", Map.of());
        lists.put("/api/v1/payers", Map.of());
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
            cursors.forEach((otherPath, foreign) -> {
                if (!otherPath.equals(path)) {
                    refused(path, filters, foreign, "belongs to another list");
                }
            });
        });
        // another practice's query, another order, other filters
        String claims = cursors.get("/api/v1/claims");
        refused("/api/v1/claims", Map.of("practiceId", "P900", "payerId", payerId), claims, "other filters");
        refused("/api/v1/claims", Map.of("practiceId", "P100", "payerId", payerId, "sort", "balance"), claims, "other filters");
        refused("/api/v1/claims", Map.of("payerId", payerId), claims, "other filters");
    }

    @Test
    void pagingThroughClaimsWhileClaimsAreAddedYieldsEachClaimOnceInOrder() {
        String payerId = "PO-" + UUID.randomUUID().toString().substring(0, 6);
        payer(payerId);
        List<String> oldestFirst = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            // two claims a day, so ties are broken by the claim id
            oldestFirst.add(create("P100", payerId + "-" + i, payerId, 40 - i / 2));
        }
        int[] added = {0};
        Runnable addMore = () -> {
            // one before and one after every position: neither may shift a page
            create("P100", payerId + "-X" + added[0], payerId, 90);
            create("P100", payerId + "-Y" + added[0], payerId, 2);
            added[0]++;
        };
        for (String sort : List.of("aging", "created", "balance")) {
            List<String> seen = new ArrayList<>();
            List<String> keys = new ArrayList<>();
            String cursor = null;
            do {
                JsonPath page = page("/api/v1/claims", Map.of("payerId", payerId, "sort", sort), 2, cursor);
                seen.addAll(page.getList("items.claimId"));
                keys.addAll(page.getList(sort.equals("aging") ? "items.serviceDateFrom" : "items.claimId"));
                cursor = page.getString("nextCursor");
                addMore.run();
            } while (cursor != null);
            assertThat(seen).as(sort).doesNotHaveDuplicates().containsAll(oldestFirst);
            if (sort.equals("aging")) {
                assertThat(seen).containsSubsequence(oldestFirst.get(0), oldestFirst.get(2), oldestFirst.get(4), oldestFirst.get(6));
                assertThat(keys).isSorted();
            }
        }
    }
}
