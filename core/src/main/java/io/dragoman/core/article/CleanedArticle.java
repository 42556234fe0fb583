package io.dragoman.core.article;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
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
 * @param extra the input's fields that Dragoman does not read (see {@link RawArticle#extra()}), written to output
 *     records as {@code "extra"} so a user's own ids and labels survive the run; left out of JSON when empty
 */
public record CleanedArticle(
        ArticleId id,
        String title,
        List<String> paragraphs,
        ArticleMetadata metadata,
        List<String> warnings,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Object> extra) {

    /**
     * Validates that an article has a body and copies the lists and the extra fields (null becomes empty).
     *
     * @throws IllegalArgumentException when there are no paragraphs, or {@code extra} holds something that is not a
     *     plain JSON value
     */
    public CleanedArticle {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(metadata, "metadata");
        title = title == null ? "" : wellFormed(title);
        paragraphs = paragraphs.stream().map(CleanedArticle::wellFormed).toList();
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        extra = JsonValues.copyOf(extra);
        if (paragraphs.isEmpty()) {
            throw new IllegalArgumentException("article " + id + " has no body paragraphs");
        }
    }

    /** An article with no extra fields. */
    public CleanedArticle(
            ArticleId id, String title, List<String> paragraphs, ArticleMetadata metadata, List<String> warnings) {
        this(id, title, paragraphs, metadata, warnings, Map.of());
    }

    /** This article with other metadata, e.g. the location and URL its input stated. */
    public CleanedArticle withMetadata(ArticleMetadata metadata) {
        return new CleanedArticle(id, title, paragraphs, metadata, warnings, extra);
    }

    /** This article carrying {@code extra} (replacing what it carried) as its extra fields. */
    public CleanedArticle withExtra(Map<String, ?> extra) {
        return new CleanedArticle(id, title, paragraphs, metadata, warnings, JsonValues.copyOf(extra));
    }

    /** The body as plain text, paragraphs separated by a blank line. */
    public String bodyText() {
        return String.join("\n\n", paragraphs);
    }

    /**
     * The text with every unpaired surrogate (from a character reference such as {@code &#xD800;}) replaced by
     * U+FFFD: such text cannot be written as UTF-8, and one of them would stop every output file of a batch.
     */
    static String wellFormed(String text) {
        StringBuilder b = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean paired = Character.isHighSurrogate(c)
                    ? i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))
                    : !Character.isLowSurrogate(c) || i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
            if (!paired && b == null) {
                b = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (b != null) {
                b.append(paired ? c : '\uFFFD');
            }
        }
        return b == null ? text : b.toString();
    }
}
