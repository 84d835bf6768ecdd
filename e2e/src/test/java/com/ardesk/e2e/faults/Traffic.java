package com.ardesk.e2e.faults;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Every exchange a scenario made through the gateway, with when it was sent and answered, so the
 * checks can tell an answer during the outage from one outside it.
 */
final class Traffic {
    /** Status -1: no answer (connection refused or reset, client timeout). */
    static final int NO_ANSWER = -1;

    record Exchange(String route, int status, Instant sent, Instant answered, String problemType) {
    }

    /** When the fault began and when the system answered again; 503 is acceptable only in between. */
    record Window(Instant from, Instant to) {
        boolean covers(Exchange e) {
            return !e.answered().isBefore(from) && !e.sent().isAfter(to);
        }
    }

    private final ConcurrentLinkedQueue<Exchange> exchanges = new ConcurrentLinkedQueue<>();

    void record(Exchange e) {
        exchanges.add(e);
    }

    List<Exchange> all() {
        return List.copyOf(exchanges);
    }

    int requests() {
        return exchanges.size();
    }

    /** Status (or "no answer") → count, e.g. {200=310, 201=95, 503=12}. */
    Map<String, Integer> statusCounts() {
        Map<String, Integer> counts = new TreeMap<>();
        for (Exchange e : exchanges) {
            String key = e.status() == NO_ANSWER ? "no-answer" : String.valueOf(e.status());
            if (e.problemType() != null && e.status() >= 400) {
                key += " " + e.problemType();
            }
            counts.merge(key, 1, Integer::sum);
        }
        return counts;
    }

    /**
     * Answers that break "no 5xx other than 503 during the outage": any 5xx but 503, and a 503
     * outside the window (null window: no outage, so no 503 either).
     */
    List<Exchange> forbiddenServerErrors(Window outage) {
        List<Exchange> bad = new ArrayList<>();
        for (Exchange e : exchanges) {
            boolean allowed503 = e.status() == 503 && outage != null && outage.covers(e);
            if (e.status() >= 500 && !allowed503) {
                bad.add(e);
            }
        }
        return bad;
    }

    /** The first 2xx answer to a request sent at or after {@code after}: when the API worked again. */
    Instant firstSuccessSentAfter(Instant after) {
        return exchanges.stream().filter(e -> e.status() >= 200 && e.status() < 300 && !e.sent().isBefore(after))
                .map(Exchange::answered).min(Instant::compareTo).orElse(null);
    }

    static String seconds(Duration d) {
        return d == null ? "n/a" : String.format("%.1f s", d.toMillis() / 1000.0);
    }
}
