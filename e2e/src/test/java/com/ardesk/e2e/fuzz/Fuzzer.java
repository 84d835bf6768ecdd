package com.ardesk.e2e.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Sends valid and mutated requests for the operations of the merged document and checks every
 * answer: no 5xx, every 4xx/5xx a problem+json with its status, nothing undeclared or off-schema,
 * a request id on each, the status the contract prescribes where it prescribes one, and no answer
 * to one practice's token that carries another practice's data.
 */
public final class Fuzzer {
    /** The two practices whose tokens the stage uses, and which is the other's "other". */
    public static final String A = "P100";
    public static final String B = "P200";
    static final Map<String, String> OTHER = Map.of(A, B, B, A);

    /**
     * Answers about the HTTP exchange rather than the operation (method, media types, sizes), which
     * documents do not repeat on every operation: their shape is still checked, their declaration not.
     */
    static final Set<Integer> PROTOCOL_STATUSES = Set.of(405, 406, 411, 413, 414, 415, 431);

    private final OpenApi api;
    private final Map<String, RawHttp> targets;
    private final Map<String, List<OpenApi.Operation>> operationsByTarget;
    private final Pools pools;
    private final Random random;
    private final Inputs inputs;
    private final Mutations mutations;
    private final Findings findings;
    private int sequence;

    /**
     * @param targets             where requests go, by name (the gateway and one service)
     * @param operationsByTarget  which operations each target serves
     */
    public Fuzzer(OpenApi api, Map<String, RawHttp> targets, Map<String, List<OpenApi.Operation>> operationsByTarget,
                  Pools pools, long seed, Findings findings) {
        this.api = api;
        this.targets = targets;
        this.operationsByTarget = operationsByTarget;
        this.pools = pools;
        this.random = new Random(seed);
        this.inputs = new Inputs(api, pools, random);
        this.mutations = new Mutations(api, pools, OTHER);
        this.findings = findings;
    }

    public Pools pools() {
        return pools;
    }

    public Random random() {
        return random;
    }

    public OpenApi api() {
        return api;
    }

    public OpenApi.Operation operation(String method, String path) {
        return api.operations().stream().filter(o -> o.method().equals(method) && o.path().equals(path)).findFirst()
                .orElseThrow(() -> new IllegalStateException("the merged document has no " + method + " " + path));
    }

    /** A request a client that read the document would send, with {@code practice}'s token. */
    public Draft valid(OpenApi.Operation op, String practice) {
        Draft d = new Draft(op, practice);
        for (OpenApi.Parameter p : op.parameters()) {
            switch (p.in()) {
                case "path" -> d.path.put(p.name(), Draft.encode(text(parameterValue(p, practice))));
                case "query" -> {
                    if (p.name().equals("cursor")) {
                        continue;
                    }
                    if (p.required() || random.nextInt(10) < 4) {
                        JsonNode value = parameterValue(p, practice);
                        if (value.isArray()) {
                            value.forEach(v -> d.query.add(new String[] {p.name(), Draft.encode(text(v))}));
                        } else {
                            d.query.add(new String[] {p.name(), Draft.encode(text(value))});
                        }
                    }
                }
                case "header" -> {
                    if (p.name().equalsIgnoreCase("Idempotency-Key") && random.nextBoolean()) {
                        d.setHeader(p.name(), UUID.randomUUID().toString());
                    } else if (p.required() && !p.name().equalsIgnoreCase("If-Match")) {
                        d.setHeader(p.name(), text(parameterValue(p, practice)));
                    }
                }
                default -> {
                }
            }
        }
        if (!op.bodies().isEmpty()) {
            String mediaType = op.bodies().containsKey("application/json") ? "application/json" : op.bodies().keySet().iterator().next();
            d.contentType = mediaType;
            JsonNode example = op.bodyExamples().get(mediaType);
            if (mediaType.contains("json")) {
                d.json = example != null && random.nextBoolean()
                        ? inputs.withKnown(example.deepCopy(), practice)
                        : inputs.value(op.bodies().get(mediaType), null, practice, 0);
            } else {
                d.rawBody = (example != null ? example.asText() : "fuzz").getBytes(java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        d.setHeader("Authorization", "Bearer " + Tokens.valid(practice));
        if (random.nextInt(10) < 8) {
            d.setHeader("X-Request-Id", "fuzz-" + (++sequence));
        }
        d.setHeader("Accept", "application/json, application/problem+json");
        return d;
    }

    private JsonNode parameterValue(OpenApi.Parameter p, String practice) {
        JsonNode value = inputs.value(p.schema(), p.name(), practice, 1);
        boolean fromPool = p.name().equals("practiceId") || p.name().endsWith("Id") && pools.pick(practice, p.name(), random).isPresent();
        if (!fromPool && p.example() != null && !p.example().isNull()) {
            value = p.example();
        }
        return value;
    }

    private static String text(JsonNode value) {
        return value.isTextual() ? value.asText() : value.toString();
    }

    /** The random part of the stage: {@code count} requests over the targets in turn. */
    public void run(int count, Consumer<String> log) {
        List<String> names = new ArrayList<>(targets.keySet());
        Map<String, List<OpenApi.Operation>> order = new java.util.HashMap<>();
        Map<String, Integer> position = new java.util.HashMap<>();
        for (int i = 0; i < count; i++) {
            // two of three through the gateway, one directly to the service
            String target = names.get(i % 3 == 2 && names.size() > 1 ? 1 : 0);
            List<OpenApi.Operation> ops = order.computeIfAbsent(target, t -> new ArrayList<>(operationsByTarget.get(t)));
            int at = position.merge(target, 1, Integer::sum) - 1;
            if (at % ops.size() == 0) {
                Collections.shuffle(ops, random);
            }
            OpenApi.Operation op = ops.get(at % ops.size());
            Draft d = valid(op, random.nextInt(10) < 6 ? A : B);
            if (random.nextInt(100) >= 12) {
                List<Mutations.Mutation> applicable = mutations.applicable(d);
                applicable.get(random.nextInt(applicable.size())).apply().accept(d, random);
            }
            exchange(target, d);
            if ((i + 1) % 500 == 0) {
                log.accept("fuzz: " + (i + 1) + "/" + count + " random requests sent");
            }
        }
    }

    /**
     * Another practice's token on ids of this one, for every operation that takes an id: a path id
     * must answer 404, and the answer must not differ from the one for an id that does not exist
     * (an existence oracle otherwise tells one tenant which ids the other has).
     */
    public void tenancySweep(String target) {
        for (OpenApi.Operation op : operationsByTarget.get(target)) {
            Set<String> idNames = new java.util.LinkedHashSet<>();
            op.parameters().stream().filter(p -> !p.in().equals("header") && isTenantId(p.name())).forEach(p -> idNames.add(p.name()));
            if (op.bodies().containsKey("application/json")) {
                idNames.add("claimId");
                idNames.add("claimIds");
            }
            if (idNames.isEmpty()) {
                continue;
            }
            Draft foreign = valid(op, B);
            Draft unknown = foreign.copy();
            if (!substitute(foreign, idNames, name -> pools.pickOwned(A, name, random).orElse(null))) {
                continue;
            }
            String randomId = UUID.randomUUID().toString();
            substitute(unknown, idNames, name -> randomId);
            foreign.mutated("tenancy.foreign-id", "token of " + B + " on ids of " + A);
            unknown.mutated("tenancy.unknown-id", "token of " + B + " on a random id");
            if (!foreign.path.isEmpty() && op.parameters().stream().anyMatch(p -> p.in().equals("path") && isTenantId(p.name()))) {
                // a read is 404; a write may fail its body checks first, but must not succeed
                if (op.method().equals("get")) {
                    foreign.expect(404);
                    unknown.expect(404);
                } else {
                    foreign.refuse();
                    unknown.refuse();
                }
            }
            RawHttp.Response a = exchange(target, foreign);
            RawHttp.Response b = exchange(target, unknown);
            String typeA = problemType(a);
            String typeB = problemType(b);
            if (a.status() != b.status() || !typeA.equals(typeB)) {
                findings.add("existence-oracle", op.label(), op.label(), target, foreign.toRequest(), a,
                        "another practice's id answered " + a.status() + " " + typeA + ", an unknown id " + b.status() + " " + typeB);
            }
        }
    }

    static boolean isTenantId(String name) {
        return name.endsWith("Id") && !Set.of("practiceId", "payerId", "externalClaimId", "callerId").contains(name);
    }

    private boolean substitute(Draft d, Set<String> names, java.util.function.Function<String, String> value) {
        boolean changed = false;
        for (String name : names) {
            String v = value.apply(name.endsWith("Ids") ? name.substring(0, name.length() - 1) : name);
            if (v == null) {
                continue;
            }
            if (d.path.containsKey(name)) {
                d.path.put(name, Draft.encode(v));
                changed = true;
            }
            for (String[] q : d.query) {
                if (q[0].equals(name)) {
                    q[1] = Draft.encode(v);
                    changed = true;
                }
            }
            if (d.op.parameters().stream().anyMatch(p -> p.in().equals("query") && p.name().equals(name))
                    && d.query.stream().noneMatch(q -> q[0].equals(name))) {
                d.query.add(new String[] {name, Draft.encode(v)});
                changed = true;
            }
            if (d.json instanceof ObjectNode body && body.has(name)) {
                if (body.get(name).isArray()) {
                    body.putArray(name).add(v);
                } else {
                    body.set(name, TextNode.valueOf(v));
                }
                changed = true;
            }
        }
        return changed;
    }

    private static String problemType(RawHttp.Response response) {
        try {
            return OpenApi.JSON.readTree(response.body()).path("type").asText("");
        } catch (Exception e) {
            return "";
        }
    }

    /** Sends one draft to a target and checks the answer. */
    public RawHttp.Response exchange(String target, Draft d) {
        RawHttp.Request request = d.toRequest();
        RawHttp.Response response = targets.get(target).send(request);
        findings.count(target, response);
        check(target, d, request, response);
        return response;
    }

    private void check(String target, Draft d, RawHttp.Request request, RawHttp.Response response) {
        String op = d.op.label();
        int status = response.status();
        String media = response.mediaType();
        String body = response.bodyText();
        String how = d.mutation + (d.mutationDetail.isEmpty() ? "" : " (" + d.mutationDetail + ")");
        if (status == 0) {
            findings.add("no answer", d.mutation, op, target, request, response, how);
            return;
        }
        if (status >= 500) {
            findings.add("5xx", status + " on " + d.mutation, op, target, request, response, how);
        }
        if (status >= 400) {
            if (!media.equals("application/problem+json")) {
                findings.add("not problem+json", status + " " + (media.isEmpty() ? "(no Content-Type)" : media), op, target,
                        request, response, how);
            } else {
                checkProblem(target, d, request, response, how);
            }
        }
        if (response.header("X-Request-Id").isEmpty()) {
            findings.add("no X-Request-Id", status / 100 + "xx", op, target, request, response, how);
        } else {
            request.headers().stream().filter(h -> h.name().equalsIgnoreCase("X-Request-Id")).findFirst()
                    .filter(h -> !h.value().equals(response.header("X-Request-Id").get()))
                    .ifPresent(h -> findings.add("X-Request-Id not echoed", String.valueOf(status), op, target, request, response, how));
        }
        if (body.contains("\tat ") || body.contains("Exception") || body.contains("SQLState") || body.contains("org.postgresql")
                || body.contains("ERROR: ")) {
            findings.add("internals in the body", String.valueOf(status), op, target, request, response, how);
        }
        if (!d.expected.isEmpty() && !d.expected.contains(status) && status < 500) {
            findings.add("wrong status", d.mutation + ": not " + d.expected, op, target, request, response,
                    how + "; answered " + status);
        } else if (d.mustRefuse && status < 300 && !body.contains("\"result\":\"rejected\"")) {
            // a batch answers 200 and refuses the bad item in its result: that is a refusal
            findings.add("invalid input accepted", d.mutation, op, target, request, response, how + "; answered " + status);
        }
        // an error that is no problem+json is reported as such, not once more against the declaration
        boolean problemOrSuccess = status < 400 || media.equals("application/problem+json");
        if (status < 500 && problemOrSuccess && d.checkSchema && d.method.equalsIgnoreCase(d.op.method()) && d.rawTarget == null) {
            OpenApi.Verdict verdict = api.check(d.op, status, media, body);
            if (verdict.finding() != null && !(verdict.finding().equals("undeclared status") && PROTOCOL_STATUSES.contains(status))) {
                if (!verdict.violations().isEmpty()) {
                    // one class for "null where the schema has no null" (one cause: nullable fields
                    // not declared so), one per operation and status for anything else
                    boolean onlyNulls = verdict.violations().stream().allMatch(v -> v.contains("null found"));
                    findings.add(verdict.finding(), onlyNulls ? "null where the schema allows none" : op + " " + status, op,
                            target, request, response, how + "; " + String.join("; ", verdict.violations().stream().limit(5).toList()));
                } else {
                    findings.add(verdict.finding(), status + " " + (media.isEmpty() ? "(no Content-Type)" : media), op, target,
                            request, response, how);
                }
            }
        }
        if (status >= 200 && status < 300) {
            checkTenancy(target, d, request, response, how);
        }
    }

    private void checkProblem(String target, Draft d, RawHttp.Request request, RawHttp.Response response, String how) {
        try {
            JsonNode problem = OpenApi.JSON.readTree(response.body());
            List<String> wrong = new ArrayList<>();
            if (problem == null || !problem.isObject()) {
                wrong.add("not a JSON object");
            } else {
                if (problem.path("status").asInt(-1) != response.status()) {
                    wrong.add("status " + problem.path("status") + " in the body");
                }
                if (!problem.path("title").isTextual()) {
                    wrong.add("no title");
                }
                if (!problem.path("type").isTextual()) {
                    wrong.add("no type");
                }
            }
            if (!wrong.isEmpty()) {
                findings.add("malformed problem", response.status() + ": " + String.join(", ", wrong), d.op.label(), target,
                        request, response, how);
            }
        } catch (Exception e) {
            findings.add("malformed problem", response.status() + ": unparseable", d.op.label(), target, request, response, how);
        }
    }

    /** A 2xx to one practice's token that carries the other practice's id or name is a cross-practice read. */
    private void checkTenancy(String target, Draft d, RawHttp.Request request, RawHttp.Response response, String how) {
        String other = OTHER.get(d.actor);
        String body = response.bodyText();
        String leaked = body.contains("\"practiceId\":\"" + other + "\"") ? "practiceId " + other : null;
        if (leaked == null) {
            for (String id : pools.ownedBy(other)) {
                if (body.contains(id)) {
                    leaked = other + "'s id " + id;
                    break;
                }
            }
        }
        if (leaked != null) {
            findings.add("cross-practice read", d.op.label(), d.op.label(), target, request, response,
                    how + "; token of " + d.actor + " got " + leaked);
        } else if (!d.mutation.startsWith("auth.") && response.mediaType().contains("json")) {
            try {
                pools.harvest(d.actor, OpenApi.JSON.readTree(response.body()));
            } catch (Exception notJson) {
                // reported by the schema check
            }
        }
    }
}
