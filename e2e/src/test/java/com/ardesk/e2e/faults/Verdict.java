package com.ardesk.e2e.faults;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One scenario's figures (requests, status counts, recovery time, events lost, duplicates) and
 * every broken promise found, printed together and then asserted all at once, so a failing run
 * shows everything that went wrong, not only the first thing.
 */
final class Verdict {
    private static final int SHOWN = 10;
    private final String scenario;
    private final Map<String, Object> figures = new LinkedHashMap<>();
    private final List<String> failures = new ArrayList<>();

    Verdict(String scenario) {
        this.scenario = scenario;
    }

    void figure(String name, Object value) {
        figures.put(name, value);
    }

    void fail(String what) {
        failures.add(what);
    }

    /** A failure naming how many things broke the rule, with the first few as examples. */
    void failEach(String rule, List<?> offenders) {
        if (!offenders.isEmpty()) {
            List<?> shown = offenders.subList(0, Math.min(SHOWN, offenders.size()));
            fail(rule + ": " + offenders.size() + (offenders.size() > SHOWN ? ", first " + SHOWN : "") + ": " + shown);
        }
    }

    String report() {
        StringBuilder b = new StringBuilder("\n==== fault scenario: ").append(scenario).append(" ====\n");
        figures.forEach((k, v) -> b.append(String.format("  %-22s %s%n", k, v)));
        if (failures.isEmpty()) {
            b.append("  RESULT                 every promise held\n");
        } else {
            b.append("  RESULT                 ").append(failures.size()).append(" broken promise(s):\n");
            failures.forEach(f -> b.append("   - ").append(f).append('\n'));
        }
        return b.toString();
    }

    /** Prints the report (always) and fails the test with it when a promise was broken. */
    void conclude() {
        String report = report();
        System.out.println(report);
        if (!failures.isEmpty()) {
            throw new AssertionError(report);
        }
    }
}
