package io.dragoman.core.soak;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Injected faults by kind and by what became of them: recovered (the stage it hit finished), reported as a failure
 * (the article failed at that stage for that reason), kept for review (the translation is stored and marked as
 * needing a person's review), lost (the article ended in no final state).
 */
final class FaultTable {

    /** What became of one injected fault. */
    enum Fate {
        RECOVERED,
        REPORTED_AS_FAILURE,
        KEPT_FOR_REVIEW,
        LOST,
        /** None of the above: the article ended in a way its faults do not explain. */
        UNEXPLAINED
    }

    private final Map<FaultKind, Map<Fate, Integer>> counts = new EnumMap<>(FaultKind.class);

    /** Counts one fault. */
    void add(FaultKind kind, Fate fate) {
        counts.computeIfAbsent(kind, k -> new EnumMap<>(Fate.class)).merge(fate, 1, Integer::sum);
    }

    /** How many faults of this kind met this fate. */
    int count(FaultKind kind, Fate fate) {
        return counts.getOrDefault(kind, Map.of()).getOrDefault(fate, 0);
    }

    /** How many faults of this kind were injected. */
    int injected(FaultKind kind) {
        return counts.getOrDefault(kind, Map.of()).values().stream()
                .mapToInt(Integer::intValue)
                .sum();
    }

    /** How many faults met this fate, all kinds together. */
    int total(Fate fate) {
        int sum = 0;
        for (FaultKind kind : FaultKind.values()) {
            sum += count(kind, fate);
        }
        return sum;
    }

    /** How many faults were injected, all kinds together. */
    int injected() {
        int sum = 0;
        for (FaultKind kind : FaultKind.values()) {
            sum += injected(kind);
        }
        return sum;
    }

    /** The table in Markdown, one row per kind and a total. */
    String markdown() {
        StringBuilder b = new StringBuilder(
                "| fault kind | injected | recovered | reported as failure | kept for review | lost |\n"
                        + "|---|---:|---:|---:|---:|---:|\n");
        for (FaultKind kind : FaultKind.values()) {
            b.append(row(
                    kind.label(),
                    injected(kind),
                    count(kind, Fate.RECOVERED),
                    count(kind, Fate.REPORTED_AS_FAILURE),
                    count(kind, Fate.KEPT_FOR_REVIEW),
                    count(kind, Fate.LOST)));
        }
        b.append(row(
                "**all**",
                injected(),
                total(Fate.RECOVERED),
                total(Fate.REPORTED_AS_FAILURE),
                total(Fate.KEPT_FOR_REVIEW),
                total(Fate.LOST)));
        if (total(Fate.UNEXPLAINED) > 0) {
            b.append("\n").append(total(Fate.UNEXPLAINED)).append(" faults hit articles that ended unexplained.\n");
        }
        return b.toString();
    }

    private static String row(String label, int... values) {
        StringBuilder b = new StringBuilder("| ").append(label);
        for (int v : values) {
            b.append(" | ").append(String.format(Locale.ROOT, "%,d", v));
        }
        return b.append(" |\n").toString();
    }
}
