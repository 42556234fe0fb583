package io.dragoman.core.article;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One input document exactly as it was read, before any decoding or cleaning.
 *
 * @param id the article's id within the batch
 * @param location where it came from: a file path, {@code <file>:<line>} for a line of a JSONL file, a URL, or
 *     {@code -} for standard input
 * @param content the raw bytes; never null (an empty array is an empty document)
 * @param contentType a media type hint such as {@code text/html; charset=windows-1251}, or empty when unknown
 * @param url the article's URL as the input states it (a JSONL record's {@code url}), or empty when unknown; the
 *     cleaner matches source profiles on it and reports it as the article's URL
 * @param extra fields the input carries that Dragoman does not read (a JSONL record's other fields), passed through
 *     to the cleaned article and its output records; plain JSON values (String, Number, Boolean, null, List, Map) in
 *     the order read, never null, unmodifiable
 */
public record RawArticle(
        ArticleId id,
        String location,
        byte[] content,
        Optional<String> contentType,
        Optional<String> url,
        Map<String, Object> extra) {

    /**
     * Validates that no component is null and copies {@code extra} (null becomes empty); the content array is used
     * as given, not copied.
     *
     * @throws IllegalArgumentException when {@code extra} holds something that is not a plain JSON value
     */
    public RawArticle {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(url, "url");
        extra = JsonValues.copyOf(extra);
    }

    /** A raw article with no URL and no extra fields: what a file or standard input gives. */
    public RawArticle(ArticleId id, String location, byte[] content, Optional<String> contentType) {
        this(id, location, content, contentType, Optional.empty(), Map.of());
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
                && Arrays.equals(content, other.content)
                && contentType.equals(other.contentType)
                && url.equals(other.url)
                && extra.equals(other.extra);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, location, Arrays.hashCode(content), contentType, url, extra);
    }

    @Override
    public String toString() {
        return "RawArticle[" + id + ", " + location + ", " + content.length + " bytes"
                + url.map(u -> ", " + u).orElse("") + (extra.isEmpty() ? "" : ", extra " + extra.keySet()) + "]";
    }
}
