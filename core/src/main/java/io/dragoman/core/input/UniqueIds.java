package io.dragoman.core.input;

import io.dragoman.core.article.ArticleId;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Hands out article ids that are unique within one read: a taken id gets a suffix ({@code news}, {@code news-2},
 * {@code news-3}). Ids are compared ignoring case ({@code News} after {@code news} becomes {@code News-2}), because
 * they name output files and macOS and Windows file systems do not tell {@code News.md} from {@code news.md}.
 * Remembers the ids it gave, a few dozen bytes each, so a long batch stays small.
 */
final class UniqueIds {
    private static final int MAX_LENGTH = 200;

    private final Set<String> taken = new HashSet<>();

    /** An unused id from {@code id}, suffixed when needed and cut so that the suffix still fits. */
    ArticleId claim(ArticleId id) {
        String base = id.value();
        if (taken.add(base.toLowerCase(Locale.ROOT))) {
            return id;
        }
        for (int n = 2; ; n++) {
            String suffix = "-" + n;
            String head = base.length() + suffix.length() > MAX_LENGTH
                    ? base.substring(0, MAX_LENGTH - suffix.length())
                    : base;
            String candidate = head + suffix;
            if (taken.add(candidate.toLowerCase(Locale.ROOT))) {
                return new ArticleId(candidate);
            }
        }
    }
}
