package io.dragoman.core.article;

import java.util.Objects;
import java.util.Optional;

/**
 * One input document exactly as it was read, before any decoding or cleaning.
 *
 * @param id the article's id within the batch
 * @param location where it came from: a file path, a URL, or {@code -} for standard input
 * @param content the raw bytes; never null (an empty array is an empty document)
 * @param contentType a media type hint such as {@code text/html; charset=windows-1251}, or empty when unknown
 */
public record RawArticle(ArticleId id, String location, byte[] content, Optional<String> contentType) {

    /** Validates that no component is null; the content array is used as given, not copied. */
    public RawArticle {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(contentType, "contentType");
    }

    /** A raw article with no content-type hint. */
    public static RawArticle of(ArticleId id, String location, byte[] content) {
        return new RawArticle(id, location, content, Optional.empty());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RawArticle other
                && id.equals(other.id)
                && location.equals(other.location)
                && java.util.Arrays.equals(content, other.content)
                && contentType.equals(other.contentType);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, location, java.util.Arrays.hashCode(content), contentType);
    }

    @Override
    public String toString() {
        return "RawArticle[" + id + ", " + location + ", " + content.length + " bytes]";
    }
}
