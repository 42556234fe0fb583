package io.dragoman.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.dragoman.core.JavaSources.Source;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * No two of Dragoman's packages depend on each other, directly or through others, and the language-model packages
 * keep the order their {@code package-info.java} files give. A source scan of every module's main code.
 */
class PackageCyclesTest {

    /** The language-model packages in dependency order: each may use only those before it. */
    static final List<String> LLM_ORDER = List.of(
            "io.dragoman.core.llm.provider",
            "io.dragoman.core.llm",
            "io.dragoman.core.llm.retry",
            "io.dragoman.core.llm.langchain4j",
            "io.dragoman.core.llm.setup");

    private final Map<String, Set<String>> graph = graph(JavaSources.main());

    @Test
    void noPackageDependsOnItselfThroughOthers() {
        List<List<String>> cycles = new ArrayList<>();
        for (String start : graph.keySet()) {
            List<String> cycle = cycleThrough(start);
            if (!cycle.isEmpty()) {
                cycles.add(cycle);
            }
        }

        assertThat(graph).as("packages scanned").containsKeys(LLM_ORDER.toArray(String[]::new));
        assertThat(cycles).isEmpty();
    }

    @Test
    void eachLanguageModelPackageUsesOnlyThoseBeforeIt() {
        for (int i = 0; i < LLM_ORDER.size(); i++) {
            String pkg = LLM_ORDER.get(i);
            Set<String> allowed = new HashSet<>(LLM_ORDER.subList(0, i));
            Set<String> llmUses = new TreeSet<>(graph.getOrDefault(pkg, Set.of()));
            llmUses.removeIf(used -> !LLM_ORDER.contains(used));

            assertThat(allowed).as("what %s uses", pkg).containsAll(llmUses);
        }
    }

    /** The Dragoman packages each package uses. */
    private static Map<String, Set<String>> graph(List<Source> sources) {
        Map<String, Set<String>> graph = new TreeMap<>();
        for (Source source : sources) {
            Set<String> uses = graph.computeIfAbsent(source.packageName(), p -> new TreeSet<>());
            source.uses().stream()
                    .filter(p -> JavaSources.within(p, "io.dragoman"))
                    .forEach(uses::add);
        }
        return graph;
    }

    /** A path from {@code start} back to itself, or empty when there is none. */
    private List<String> cycleThrough(String start) {
        List<String> path = new ArrayList<>(List.of(start));
        return search(start, start, path, new HashSet<>()) ? path : List.of();
    }

    private boolean search(String start, String at, List<String> path, Set<String> seen) {
        for (String next : graph.getOrDefault(at, Set.of())) {
            if (next.equals(start)) {
                path.add(next);
                return true;
            }
            if (seen.add(next)) {
                path.add(next);
                if (search(start, next, path, seen)) {
                    return true;
                }
                path.remove(path.size() - 1);
            }
        }
        return false;
    }
}
