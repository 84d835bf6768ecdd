package com.ardesk.e2e.fuzz;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the stage found, grouped by class (the check that failed, the kind of input, the status), each
 * with its count, the operations where it happened and its first example, so a failing run reads as
 * a short list of defects instead of thousands of lines.
 */
public final class Findings {
    private static final int EXCERPT = 400;

    /** One class of failure. */
    static final class Group {
        final String key;
        int count;
        final TreeSet<String> operations = new TreeSet<>();
        final String firstExample;

        Group(String key, String firstExample) {
            this.key = key;
            this.firstExample = firstExample;
        }
    }

    private final Map<String, Group> groups = new LinkedHashMap<>();
    private final Map<String, Integer> statusClasses = new TreeMap<>();
    private final Map<String, Integer> byTarget = new TreeMap<>();
    private int requests;

    /** Counts one exchange. */
    public void count(String target, RawHttp.Response response) {
        requests++;
        byTarget.merge(target, 1, Integer::sum);
        String statusClass = response.status() == 0 ? "no answer" : (response.status() / 100) + "xx";
        statusClasses.merge(statusClass, 1, Integer::sum);
    }

    public void add(String check, String detail, String operation, String target, RawHttp.Request request,
                    RawHttp.Response response, String why) {
        String key = check + " | " + detail;
        Group group = groups.computeIfAbsent(key, k -> new Group(k, example(target, request, response, why)));
        group.count++;
        group.operations.add(operation);
    }

    public boolean isEmpty() {
        return groups.isEmpty();
    }

    public int requests() {
        return requests;
    }

    public String summary(long seed, long millis) {
        StringBuilder s = new StringBuilder();
        s.append("fuzz: ").append(requests).append(" requests in ").append(millis / 1000).append(" s (seed ").append(seed)
                .append("); by status class ").append(statusClasses).append("; by target ").append(byTarget).append('\n');
        if (groups.isEmpty()) {
            s.append("fuzz: no findings\n");
            return s.toString();
        }
        s.append("fuzz: ").append(groups.size()).append(" classes of findings, ")
                .append(groups.values().stream().mapToInt(g -> g.count).sum()).append(" requests\n");
        int i = 1;
        for (Group g : groups.values().stream().sorted(java.util.Comparator.comparingInt((Group x) -> severity(x.key))
                .thenComparing(x -> x.key)).toList()) {
            s.append(String.format("%n#%d %s  (%d×, %d operations)%n", i++, g.key, g.count, g.operations.size()));
            s.append("   operations: ").append(String.join(", ", g.operations.stream().limit(12).toList()))
                    .append(g.operations.size() > 12 ? ", …" : "").append('\n');
            s.append(g.firstExample.indent(3));
        }
        return s.toString();
    }

    /** Worst first: what breaks clients or tenants, then the contract's letter, then the document. */
    private static int severity(String key) {
        String check = key.substring(0, key.indexOf(" | "));
        int at = SEVERITY.indexOf(check);
        return at < 0 ? SEVERITY.size() : at;
    }

    private static final java.util.List<String> SEVERITY = java.util.List.of("5xx", "no answer", "cross-practice read",
            "existence-oracle", "invalid input accepted", "wrong status", "regression", "not problem+json", "malformed problem",
            "no X-Request-Id", "X-Request-Id not echoed", "internals in the body", "breaks its schema", "undeclared status",
            "undeclared media type", "body not declared");

    private static String example(String target, RawHttp.Request request, RawHttp.Response response, String why) {
        StringBuilder e = new StringBuilder();
        e.append("first: ").append(why).append('\n');
        e.append("> ").append(request.method()).append(' ').append(clip(request.target(), 200)).append("   (").append(target).append(")\n");
        for (RawHttp.Header h : request.headers()) {
            if (!h.name().equalsIgnoreCase("Authorization") || !h.value().startsWith("Bearer ey") || h.value().length() < 40) {
                e.append("> ").append(h.name()).append(": ").append(clip(h.value(), 120)).append('\n');
            } else {
                e.append("> Authorization: Bearer <").append(h.value().length()).append(" chars>\n");
            }
        }
        if (request.body() != null) {
            e.append("> ").append(request.chunked() ? "(chunked) " : "").append(clip(visible(request.bodyText()), EXCERPT)).append('\n');
        }
        if (response.status() == 0) {
            e.append("< ").append(response.transportError()).append('\n');
        } else {
            e.append("< ").append(response.status()).append(' ').append(response.header("Content-Type").orElse("(no Content-Type)"))
                    .append('\n');
            e.append("< ").append(clip(visible(response.bodyText()), EXCERPT)).append('\n');
        }
        return e.toString();
    }

    static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "… (" + s.length() + " chars)";
    }

    /** Control characters shown as escapes, so a NUL in an example is visible and the report stays one line. */
    static String visible(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            out.append(c < 0x20 || c == 0x7f ? String.format("\\u%04X", (int) c) : String.valueOf(c));
        }
        return out.toString();
    }
}
