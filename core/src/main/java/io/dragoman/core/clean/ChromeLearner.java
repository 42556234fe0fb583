package io.dragoman.core.clean;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Learns batch-wide chrome: a line that stands among the first or last lines of many documents from the same source
 * is navigation, whatever its words. Thread-safe.
 *
 * <p>Memory stays bounded however many documents pass: counting uses lossy counting (Manku and Motwani, 2002) over
 * buckets of {@link #bucketWidth} documents, so a line seen in fewer documents than the buckets passed since it first
 * appeared (a title, a date line) is forgotten at the end of a bucket, and a line that recurs in the share of
 * documents that makes chrome is never forgotten. A kept line's count is at most {@code documents / bucketWidth} below
 * its true count, and the check adds that margin back: within the first bucket the counts are exact.
 */
final class ChromeLearner {
    static final int EDGE_LINES = 12;
    private static final int MAX_LINE = 120;

    private final int minDocuments;
    private final double minShare;
    private final int bucketWidth;
    private final Map<String, Group> groups = new HashMap<>();

    /**
     * @param minDocuments a line must occur in at least this many documents of a source
     * @param minShare and in at least this share of them
     */
    ChromeLearner(int minDocuments, double minShare) {
        this.minDocuments = minDocuments;
        this.minShare = minShare;
        // an error of at most a twentieth of the share: 0.015 of the documents for the standard 0.3
        this.bucketWidth = (int) Math.ceil(20 / minShare);
    }

    private static final class Group {
        int documents;
        final Map<String, Count> counts = new HashMap<>();
    }

    /** A line's count since it was last taken in, and how many documents it may have been missed in before. */
    private static final class Count {
        int seen = 1;
        final int missed;

        Count(int missed) {
            this.missed = missed;
        }
    }

    /** Records the edge lines of one document of {@code source}. */
    synchronized void observe(String source, List<String> lines) {
        Group group = groups.computeIfAbsent(source, k -> new Group());
        group.documents++;
        int bucket = (group.documents + bucketWidth - 1) / bucketWidth;
        Set<String> seen = new HashSet<>();
        int n = lines.size();
        for (int i = 0; i < n; i++) {
            if (i < EDGE_LINES || i >= n - EDGE_LINES) {
                String key = BoilerplateProfile.normalize(lines.get(i));
                if (!key.isEmpty() && key.length() <= MAX_LINE && seen.add(key)) {
                    Count count = group.counts.get(key);
                    if (count == null) {
                        group.counts.put(key, new Count(bucket - 1));
                    } else {
                        count.seen++;
                    }
                }
            }
        }
        if (group.documents % bucketWidth == 0) {
            group.counts.values().removeIf(c -> c.seen + c.missed <= bucket);
        }
    }

    /** True when {@code line} recurs at the edges of enough documents of {@code source}. */
    synchronized boolean isChrome(String source, String line) {
        Group group = groups.get(source);
        if (group == null || group.documents < minDocuments) {
            return false;
        }
        Count count = group.counts.get(BoilerplateProfile.normalize(line));
        if (count == null) {
            return false;
        }
        int atMost = count.seen + count.missed;
        return atMost >= minDocuments && atMost >= minShare * group.documents;
    }

    /** How many distinct lines are counted now, over all sources. */
    synchronized int countedLines() {
        return groups.values().stream().mapToInt(g -> g.counts.size()).sum();
    }
}
