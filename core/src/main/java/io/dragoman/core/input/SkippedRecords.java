package io.dragoman.core.input;

import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The WARC records a read skipped because they hold no article, counted by kind: a record type ({@code request},
 * {@code revisit}, {@code metadata}, {@code warcinfo}), an HTTP status other than 200 ({@code status 404}), or a payload
 * type that is neither HTML nor plain text ({@code application/pdf}).
 *
 * <p>A batch reads its inputs twice (once to learn the page chrome, once to clean), so each {@link InputReader#read}
 * counts on its own and {@link #counts()} are those of the read that skipped the most: a record is counted once.
 * Thread-safe.
 */
public final class SkippedRecords {

    private Map<String, Integer> most = Map.of();
    private int mostTotal;

    /** How many records one read skipped, at most. */
    public synchronized int count() {
        return mostTotal;
    }

    /** The skipped records by kind, the most frequent kind first (ties in name order). */
    public synchronized Map<String, Integer> counts() {
        Map<String, Integer> sorted = new LinkedHashMap<>();
        most.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    /**
     * The one line that says what was skipped ({@code 3 request, 1 revisit, 1 status 404, 1 application/pdf}), or an
     * empty string when nothing was.
     */
    public String describe() {
        StringBuilder line = new StringBuilder();
        counts().forEach((kind, n) ->
                line.append(line.isEmpty() ? "" : ", ").append(n).append(' ').append(kind));
        return line.toString();
    }

    /** A new count, for one read. */
    Pass pass() {
        return new Pass();
    }

    /** The records one read skipped. */
    final class Pass {
        private final Map<String, Integer> counts = new HashMap<>();
        private int total;

        /** Counts one skipped record of this kind. */
        void skipped(String kind) {
            synchronized (SkippedRecords.this) {
                counts.merge(kind, 1, Integer::sum);
                total++;
                if (total > mostTotal) {
                    mostTotal = total;
                    most = Map.copyOf(counts);
                }
            }
        }
    }
}
