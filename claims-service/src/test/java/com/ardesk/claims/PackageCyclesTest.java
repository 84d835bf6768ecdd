package com.ardesk.claims;

import org.junit.jupiter.api.Test;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The feature packages of claims-service form no cycle (issue 16): a package that needs another may
 * not be needed by it, directly or through others, so each feature can be read and changed from
 * the bottom up. Reads the compiled main classes' constant pools (every class a class names: types,
 * signatures, annotation values such as {@code @Schema(implementation = ...)}), so a dependency
 * the source hides behind a fully qualified name still counts. Hand-written instead of ArchUnit to
 * keep the build free of one more dependency for one rule.
 */
class PackageCyclesTest {
    private static final String ROOT = "com/ardesk/claims/";
    private static final Pattern FEATURE = Pattern.compile(Pattern.quote(ROOT) + "([a-z0-9_]+)/");

    @Test
    void featurePackagesDependOnEachOtherWithoutCycles() throws Exception {
        Map<String, Set<String>> graph = packageGraph(mainClasses());
        assertThat(graph).as("feature packages found").containsKeys("claim", "view", "batch", "search", "denial", "payment");
        assertThat(cycles(graph)).as("package cycles (each listed as a path back to its start)").isEmpty();
    }

    @Test
    void aCycleIsFound() {
        Map<String, Set<String>> graph = Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a"), "d", Set.of("a"));
        assertThat(cycles(graph)).containsExactly("a -> b -> c -> a");
    }

    private static Path mainClasses() throws URISyntaxException {
        // the test classpath puts target/classes next to target/test-classes
        Path testClasses = Path.of(PackageCyclesTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path classes = testClasses.resolveSibling("classes").resolve(ROOT);
        assertThat(classes).as("compiled main classes").isDirectory();
        return classes;
    }

    /** Feature package → the feature packages its classes name. */
    static Map<String, Set<String>> packageGraph(Path root) throws IOException {
        Map<String, Set<String>> graph = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                Path relative = root.relativize(file);
                if (relative.getNameCount() < 2) {
                    continue;
                }
                String from = relative.getName(0).toString();
                Set<String> to = graph.computeIfAbsent(from, k -> new TreeSet<>());
                for (String name : constantPoolStrings(file)) {
                    Matcher m = FEATURE.matcher(name);
                    while (m.find()) {
                        if (!m.group(1).equals(from)) {
                            to.add(m.group(1));
                        }
                    }
                }
            }
        }
        return graph;
    }

    /** Every UTF-8 entry of a class file's constant pool: class names, descriptors, signatures. */
    private static List<String> constantPoolStrings(Path classFile) throws IOException {
        List<String> strings = new ArrayList<>();
        try (InputStream in = Files.newInputStream(classFile); DataInputStream data = new DataInputStream(in)) {
            data.readInt(); // magic
            data.readUnsignedShort(); // minor
            data.readUnsignedShort(); // major
            int count = data.readUnsignedShort();
            for (int i = 1; i < count; i++) {
                int tag = data.readUnsignedByte();
                switch (tag) {
                    case 1 -> strings.add(data.readUTF());
                    case 7, 8, 16, 19, 20 -> data.skipBytes(2);
                    case 15 -> data.skipBytes(3);
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> data.skipBytes(4);
                    case 5, 6 -> {
                        data.skipBytes(8);
                        i++; // longs and doubles take two entries
                    }
                    default -> throw new IOException("unknown constant pool tag " + tag + " in " + classFile);
                }
            }
        }
        return strings;
    }

    /** One path per cycle found by a depth-first walk, e.g. "a -> b -> a"; empty when the graph is acyclic. */
    static List<String> cycles(Map<String, Set<String>> graph) {
        List<String> found = new ArrayList<>();
        Set<String> done = new TreeSet<>();
        for (String start : new TreeSet<>(graph.keySet())) {
            walk(start, graph, new ArrayDeque<>(), done, found);
        }
        return found;
    }

    private static void walk(String node, Map<String, Set<String>> graph, Deque<String> path, Set<String> done,
                             List<String> found) {
        if (path.contains(node)) {
            List<String> cycle = new ArrayList<>();
            boolean in = false;
            for (String p : (Iterable<String>) path::descendingIterator) {
                in |= p.equals(node);
                if (in) {
                    cycle.add(p);
                }
            }
            cycle.add(node);
            found.add(String.join(" -> ", cycle));
            return;
        }
        if (!done.add(node)) {
            return;
        }
        path.push(node);
        for (String next : graph.getOrDefault(node, Set.of())) {
            walk(next, graph, path, done, found);
        }
        path.pop();
    }
}
