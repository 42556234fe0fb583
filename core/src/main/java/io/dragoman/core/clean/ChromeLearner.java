package io.dragoman.core.clean;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Learns batch-wide chrome: a line that stands among the first or last lines of many documents from the same source
 * is navigation, whatever its words. Thread-safe; memory grows with the number of distinct edge lines, not with the
 * documents.
 */
final class ChromeLearner {
    static final int EDGE_LINES = 12;
    private static final int MAX_LINE = 120;

    private final int minDocuments;
    private final double minShare;
    private final Map<String, Group> groups = new HashMap<>();

    /**
     * @param minDocuments a line must occur in at least this many documents of a source
     * @param minShare and in at least this share of them
     */
    ChromeLearner(int minDocuments, double minShare) {
        this.minDocuments = minDocuments;
        this.minShare = minShare;
    }

    private static final class Group {
        int documents;
        final Map<String, Integer> counts = new HashMap<>();
    }

    /** Records the edge lines of one document of {@code source}. */
    synchronized void observe(String source, List<String> lines) {
        Group group = groups.computeIfAbsent(source, k -> new Group());
        group.documents++;
        Set<String> seen = new HashSet<>();
        int n = lines.size();
        for (int i = 0; i < n; i++) {
            if (i < EDGE_LINES || i >= n - EDGE_LINES) {
                String key = BoilerplateProfile.normalize(lines.get(i));
                if (!key.isEmpty() && key.length() <= MAX_LINE && seen.add(key)) {
                    group.counts.merge(key, 1, Integer::sum);
                }
            }
        }
    }

    /** True when {@code line} recurs at the edges of enough documents of {@code source}. */
    synchronized boolean isChrome(String source, String line) {
        Group group = groups.get(source);
        if (group == null || group.documents < minDocuments) {
            return false;
        }
        int count = group.counts.getOrDefault(BoilerplateProfile.normalize(line), 0);
        return count >= minDocuments && count >= minShare * group.documents;
    }
}
