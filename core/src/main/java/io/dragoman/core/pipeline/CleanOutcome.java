package io.dragoman.core.pipeline;

import io.dragoman.core.article.CleanedArticle;
import java.util.Objects;

/** What became of one input in a cleaning batch: an article, or a failure with its reason. */
public sealed interface CleanOutcome {

    /** The input's path, URL, or {@code -}. */
    String location();

    /** The input was cleaned. */
    record Cleaned(CleanedArticle article) implements CleanOutcome {
        /** Requires the article. */
        public Cleaned {
            Objects.requireNonNull(article, "article");
        }

        @Override
        public String location() {
            return article.metadata().location();
        }
    }

    /** The input could not be read or cleaned; {@code reason} is one line naming what is wrong. */
    record Failed(String location, String reason) implements CleanOutcome {
        /** Requires location and reason. */
        public Failed {
            Objects.requireNonNull(location, "location");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
