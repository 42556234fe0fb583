package io.dragoman.core.input;

import io.dragoman.core.article.RawArticle;
import java.util.Objects;

/** One input as read: its raw article, or why it could not be read. */
public sealed interface Input {

    /** Where the input came from: a path, a URL, or {@code -} for standard input. */
    String location();

    /** An input that was read. */
    record Read(RawArticle article) implements Input {
        /** Requires the article. */
        public Read {
            Objects.requireNonNull(article, "article");
        }

        @Override
        public String location() {
            return article.location();
        }
    }

    /** An input that could not be read, with a one-line reason such as {@code no such file}. */
    record Unreadable(String location, String reason) implements Input {
        /** Requires location and reason. */
        public Unreadable {
            Objects.requireNonNull(location, "location");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
