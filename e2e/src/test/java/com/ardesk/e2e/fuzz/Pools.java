package com.ardesk.e2e.fuzz;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the fuzzer has learned from answers: ids by field name per practice (so a path's
 * {@code {claimId}} gets a real claim and the request reaches past the lookup), the cursors pages
 * handed out, and every id a practice owns, which another practice's answers must never carry.
 */
public final class Pools {
    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    /** Payers are billing-company-wide: any practice may read them. */
    private static final Set<String> SHARED = Set.of("payerId");

    private final Map<String, Map<String, List<String>>> ids = new LinkedHashMap<>();
    private final Map<String, Set<String>> owned = new LinkedHashMap<>();
    private final List<String> cursors = new ArrayList<>();

    /** Records an id of {@code practice} under {@code name} (e.g. claimId); {@code owned}: no other practice may see it. */
    public void add(String practice, String name, String value, boolean ownedByPractice) {
        List<String> values = ids.computeIfAbsent(practice, p -> new LinkedHashMap<>()).computeIfAbsent(name, n -> new ArrayList<>());
        if (!values.contains(value) && values.size() < 200) {
            values.add(value);
        }
        if (ownedByPractice && !SHARED.contains(name) && UUID.matcher(value).matches()) {
            owned.computeIfAbsent(practice, p -> new HashSet<>()).add(value);
        }
    }

    public Optional<String> pick(String practice, String name, Random random) {
        List<String> values = ids.getOrDefault(practice, Map.of()).get(name);
        if (values == null || values.isEmpty()) {
            values = SHARED.contains(name) ? ids.values().stream().map(m -> m.get(name)).filter(v -> v != null && !v.isEmpty())
                    .findFirst().orElse(null) : null;
        }
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(random.nextInt(values.size())));
    }

    /** An id of this name that only {@code practice} may see. */
    public Optional<String> pickOwned(String practice, String name, Random random) {
        List<String> values = ids.getOrDefault(practice, Map.of()).getOrDefault(name, List.of()).stream()
                .filter(ownedBy(practice)::contains).toList();
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(random.nextInt(values.size())));
    }

    public Optional<String> cursor(Random random) {
        return cursors.isEmpty() ? Optional.empty() : Optional.of(cursors.get(random.nextInt(cursors.size())));
    }

    /** Ids of one practice: another practice's answer that carries one of these is a cross-practice read. */
    public Set<String> ownedBy(String practice) {
        return owned.getOrDefault(practice, Set.of());
    }

    /**
     * Learns from a 2xx answer to {@code practice}'s token: the {@code *Id} fields of every object,
     * counted as the practice's own where the object or one around it names the practice (call
     * scripts and payers without a practice are shared), and the next cursor.
     */
    public void harvest(String practice, JsonNode node) {
        harvest(practice, node, false);
    }

    private void harvest(String practice, JsonNode node, boolean insideOwned) {
        if (node == null) {
            return;
        }
        if (node.isObject()) {
            boolean owns = insideOwned || practice.equals(node.path("practiceId").asText(null));
            node.fields().forEachRemaining(e -> {
                if (e.getKey().endsWith("Id") && e.getValue().isTextual() && !e.getKey().equals("practiceId")
                        && e.getValue().asText().length() < 100) {
                    add(practice, e.getKey(), e.getValue().asText(), owns);
                }
            });
            if (node.path("nextCursor").isTextual() && cursors.size() < 100) {
                cursors.add(node.get("nextCursor").asText());
            }
            node.elements().forEachRemaining(child -> harvest(practice, child, owns));
        } else if (node.isArray()) {
            node.elements().forEachRemaining(child -> harvest(practice, child, insideOwned));
        }
    }
}
