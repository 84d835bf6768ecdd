package com.ardesk.e2e.fuzz;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A request being built: first valid for its operation, then changed by one {@link Mutation}.
 * Path and query values are kept percent-encoded, so a mutation can put bytes on the wire that no
 * encoder would produce. {@code expected} is the set of statuses the contract allows for the
 * result (empty: any, as long as the general checks pass); {@code mustRefuse}: a 2xx is a finding.
 */
public final class Draft {
    public final OpenApi.Operation op;
    public final String practice;
    /** Whose token is sent: {@link #practice} unless a mutation sends another practice's token. */
    public String actor;
    public final Map<String, String> path = new LinkedHashMap<>();
    public final List<String[]> query = new ArrayList<>();
    public final List<RawHttp.Header> headers = new ArrayList<>();
    public JsonNode json;
    /** The body as sent when set; otherwise {@link #json} serialized. */
    public byte[] rawBody;
    public String contentType;
    public boolean chunked;
    public String method;
    /** Replaces the whole request-target when set (a 5 KB URI, a path no encoder would write). */
    public String rawTarget;
    public String mutation = "valid";
    public String mutationDetail = "";
    public Set<Integer> expected = Set.of();
    public boolean mustRefuse;
    /** False for paths outside the document (e.g. /q/metrics), whose answers have no declaration. */
    public boolean checkSchema = true;

    public Draft(OpenApi.Operation op, String practice) {
        this.op = op;
        this.practice = practice;
        this.actor = practice;
        this.method = op.method().toUpperCase();
    }

    /** The same request, to be changed on its own. */
    public Draft copy() {
        Draft c = new Draft(op, practice);
        c.actor = actor;
        c.path.putAll(path);
        query.forEach(q -> c.query.add(q.clone()));
        c.headers.addAll(headers);
        c.json = json == null ? null : json.deepCopy();
        c.rawBody = rawBody;
        c.contentType = contentType;
        c.chunked = chunked;
        c.method = method;
        c.rawTarget = rawTarget;
        return c;
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    public Draft mutated(String name, String detail) {
        this.mutation = name;
        this.mutationDetail = detail;
        return this;
    }

    public Draft expect(Integer... statuses) {
        this.expected = Set.of(statuses);
        return this;
    }

    public Draft refuse() {
        this.mustRefuse = true;
        return this;
    }

    public void setHeader(String name, String value) {
        headers.removeIf(h -> h.name().equalsIgnoreCase(name));
        if (value != null) {
            headers.add(new RawHttp.Header(name, value));
        }
    }

    public String target() {
        if (rawTarget != null) {
            return rawTarget;
        }
        String target = op.path();
        for (Map.Entry<String, String> e : path.entrySet()) {
            target = target.replace("{" + e.getKey() + "}", e.getValue());
        }
        StringBuilder t = new StringBuilder(target);
        char sep = '?';
        for (String[] q : query) {
            t.append(sep).append(q[0]).append('=').append(q[1]);
            sep = '&';
        }
        return t.toString();
    }

    public RawHttp.Request toRequest() {
        List<RawHttp.Header> all = new ArrayList<>(headers);
        byte[] body = rawBody;
        if (body == null && json != null) {
            body = json.toString().getBytes(StandardCharsets.UTF_8);
        }
        if (contentType != null) {
            all.add(new RawHttp.Header("Content-Type", contentType));
        }
        return new RawHttp.Request(method, target(), all, body, chunked);
    }
}
