package com.ardesk.followup.contract;

import com.ardesk.devstack.DevTokens;
import com.ardesk.followup.support.FollowupInfra;
import com.ardesk.followup.support.Seeder;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

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
 * The paging contract of followup-service's lists (docs/api.md#paging, service-kit Keyset): a
 * cursor works only on the list and filters that issued it, anything else is a 400 naming
 * {@code cursor}; paging through a list while tasks are added yields every task once, in order.
 */
@QuarkusTest
@FollowupInfra
class ListPagingTest {
    static final String USER = "caller-pg";
    static final String TOKEN = DevTokens.token(USER, List.of("caller", "supervisor"), List.of("P-PG1", "P-PG2"));

    @Inject
    Seeder seed;

    /** A manual task on a new claim of {@code balance}, due {@code dueIn} days from today (manual tasks are not due in the past); answers its id. */
    String task(String practice, String assignee, String balance, int dueIn) {
        UUID claimId = seed.claim(practice, "PAYER-PG", balance, 40);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("claimId", claimId.toString());
        body.put("dueOn", Seeder.TODAY.plusDays(dueIn).toString());
        body.put("assignee", assignee);
        body.put("reason", "manual");
        return given().auth().oauth2(TOKEN).contentType(ContentType.JSON).body(body).post("/api/v1/followups")
                .then().statusCode(201).extract().path("taskId");
    }

    static JsonPath page(String path, Map<String, ?> filters, int limit, String cursor) {
        var request = given().auth().oauth2(TOKEN).queryParams(filters).queryParam("limit", limit);
        if (cursor != null) {
            request.queryParam("cursor", cursor);
        }
        return request.get(path).then().statusCode(200).extract().jsonPath();
    }

    static void refused(String path, Map<String, ?> filters, String cursor, String reason) {
        given().auth().oauth2(TOKEN).queryParams(filters).queryParam("cursor", cursor).get(path)
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
        for (int i = 0; i < 2; i++) {
            task("P-PG1", USER, (i + 1) + "00.00", 0);
            task("P-PG2", USER, (i + 1) + "00.00", 0);
        }
        Map<String, Map<String, Object>> lists = new LinkedHashMap<>();
        lists.put("/api/v1/followups", Map.of("assignee", USER));
        lists.put("/api/v1/worklists/me", Map.of());
        lists.put("/api/v1/worklists", Map.of("practiceId", "P-PG1"));
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
        // another practice's query, other filters
        refused("/api/v1/worklists", Map.of("practiceId", "P-PG2"), cursors.get("/api/v1/worklists"), "other filters");
        refused("/api/v1/worklists", Map.of(), cursors.get("/api/v1/worklists"), "other filters");
        refused("/api/v1/followups", Map.of("assignee", "caller-other"), cursors.get("/api/v1/followups"), "other filters");
    }

    @Test
    void pagingThroughTasksAndTheWorklistWhileTasksAreAddedYieldsEachTaskOnceInOrder() {
        String assignee = "caller-pg-" + UUID.randomUUID().toString().substring(0, 6);
        List<String> existing = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            // two tasks a day and equal balances, so ties are broken by the task id
            existing.add(task("P-PG1", assignee, "500.00", 3 + i / 2));
        }
        Runnable addMore = () -> {
            // one before and one after every position: neither may shift a page
            task("P-PG1", assignee, "50000.00", 0);
            task("P-PG1", assignee, "5.00", 20);
        };
        for (String path : List.of("/api/v1/followups", "/api/v1/worklists")) {
            List<Map<String, Object>> seen = new ArrayList<>();
            String cursor = null;
            do {
                // the worklist holds tasks due by dueBefore: a month covers every task here
                JsonPath page = page(path, Map.of("assignee", assignee, "dueBefore", Seeder.TODAY.plusDays(30).toString()), 2, cursor);
                seen.addAll(page.getList("items"));
                cursor = page.getString("nextCursor");
                addMore.run();
            } while (cursor != null);
            List<String> ids = seen.stream().map(t -> (String) t.get("taskId")).toList();
            assertThat(ids).as(path).doesNotHaveDuplicates().containsAll(existing)
                    .containsSubsequence(existing.get(0), existing.get(2), existing.get(4), existing.get(6));
            if (path.endsWith("followups")) {
                assertThat(seen.stream().map(t -> (String) t.get("dueOn")).toList()).isSorted();
            } else {
                List<Integer> priorities = seen.stream().map(t -> (Integer) t.get("priority")).toList();
                List<Integer> descending = new ArrayList<>(priorities);
                descending.sort(java.util.Comparator.reverseOrder());
                assertThat(priorities).isEqualTo(descending);
            }
        }
    }
}
