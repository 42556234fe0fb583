package io.dragoman.core.pipeline;

import io.dragoman.core.article.ArticleId;
import io.dragoman.core.article.RawArticle;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The ids of one run's inputs with their locations. A read article brings its id; an unreadable input gets one made
 * from its location, suffixed ({@code -2}, {@code -3}) when that id belongs to another location in this run or in the
 * store, so that two failures never share a row (paths that differ only in characters an id cannot hold, such as
 * {@code мост/a.txt} and {@code путь/a.txt}, or only after 200 characters). An id the store holds for the same location
 * is taken again, so a rerun finds its earlier failure. Settled on the intake thread, in input order, so they are the
 * same on every rerun; not thread-safe.
 */
final class RunIds {

    private static final int MAX_LENGTH = 200;

    private final Map<String, String> locations = new HashMap<>();
    private final Function<String, Optional<String>> storedLocation;

    /** @param storedLocation the location the store holds for an id, if any */
    RunIds(Function<String, Optional<String>> storedLocation) {
        this.storedLocation = storedLocation;
    }

    /**
     * The article, under another id when an unreadable input of this run already holds its id (the reader keeps the
     * ids of read articles apart, but an unreadable input's id comes from its location).
     */
    RawArticle read(RawArticle raw) {
        String base = raw.id().value();
        for (int n = 1; ; n++) {
            String candidate = n == 1 ? base : suffixed(base, n);
            String owner = locations.putIfAbsent(candidate, raw.location());
            if (owner == null || owner.equals(raw.location())) {
                return n == 1
                        ? raw
                        : new RawArticle(
                                new ArticleId(candidate),
                                raw.location(),
                                raw.content(),
                                raw.contentType(),
                                raw.url(),
                                raw.extra());
            }
        }
    }

    /** The id an unreadable input's failure is stored under. */
    String unreadable(String location) {
        String base = ArticleId.derive(location).value();
        for (int n = 1; ; n++) {
            String candidate = n == 1 ? base : suffixed(base, n);
            String owner = locations.get(candidate);
            if (owner == null) {
                owner = storedLocation.apply(candidate).orElse(null);
            }
            if (owner == null || owner.equals(location)) {
                locations.put(candidate, location);
                return candidate;
            }
        }
    }

    private static String suffixed(String base, int n) {
        String suffix = "-" + n;
        return (base.length() + suffix.length() > MAX_LENGTH ? base.substring(0, MAX_LENGTH - suffix.length()) : base)
                + suffix;
    }
}
