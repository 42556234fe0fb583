package io.dragoman.core.article;

import java.util.List;
import java.util.Objects;

/**
 * An article with its page chrome removed: the title, the body paragraphs in source order, and the metadata
 * found around them. Paragraph text is kept as in the source; only the dateline is cut from the first one.
 *
 * @param id the article's id
 * @param title the original title; empty when the input shows none
 * @param paragraphs the body paragraphs, never empty
 * @param metadata facts extracted from the page
 * @param warnings what the cleaner could not do, e.g. a date it could not parse; empty when all went well
 */
public record CleanedArticle(
        ArticleId id, String title, List<String> paragraphs, ArticleMetadata metadata, List<String> warnings) {

    /** Validates that an article has a body and copies the lists. */
    public CleanedArticle {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(metadata, "metadata");
        title = title == null ? "" : title;
        paragraphs = List.copyOf(paragraphs);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        if (paragraphs.isEmpty()) {
            throw new IllegalArgumentException("article " + id + " has no body paragraphs");
        }
    }

    /** The body as plain text, paragraphs separated by a blank line. */
    public String bodyText() {
        return String.join("\n\n", paragraphs);
    }
}
