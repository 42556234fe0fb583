package io.dragoman.beam;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dragoman.core.article.ArticleId;
import io.dragoman.core.article.RawArticle;
import io.dragoman.core.input.Input;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A raw article as it travels between workers: the fields of {@link RawArticle}, with the extra fields as JSON.
 *
 * @param id the article's id
 * @param location where it was read: a file, {@code <file>:<line>}, {@code <file> at byte <offset>}
 * @param content the raw bytes
 * @param contentType the media type hint, or null
 * @param url the article's URL, or null
 * @param extra the extra fields as a JSON object
 * @param unreadable why the input could not be read, or null for one that was
 */
record Page(String id, String location, byte[] content, String contentType, String url, String extra, String unreadable)
        implements Serializable {
    private static final ObjectMapper JSON = new ObjectMapper();

    Page {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(extra, "extra");
    }

    /** The page of a raw article. */
    static Page of(RawArticle raw) {
        try {
            return new Page(
                    raw.id().value(),
                    raw.location(),
                    raw.content(),
                    raw.contentType().orElse(null),
                    raw.url().orElse(null),
                    JSON.writeValueAsString(raw.extra()),
                    null);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("extra fields that are not JSON: " + raw.location(), e);
        }
    }

    /** The page of an input that could not be read: its id is made from its location, as the CLI's runs do. */
    static Page unreadable(Input.Unreadable input) {
        return new Page(
                ArticleId.derive(input.location()).value(),
                input.location(),
                new byte[0],
                null,
                null,
                "{}",
                input.reason());
    }

    /** This page under another id. */
    Page withId(String other) {
        return new Page(other, location, content, contentType, url, extra, unreadable);
    }

    /** The input again: the raw article, or why it could not be read. */
    Input input() {
        return unreadable != null ? new Input.Unreadable(location, unreadable) : new Input.Read(raw());
    }

    /** The raw article again. */
    RawArticle raw() {
        try {
            Map<String, Object> fields = JSON.readValue(extra, new TypeReference<LinkedHashMap<String, Object>>() {});
            return new RawArticle(
                    new ArticleId(id),
                    location,
                    content,
                    Optional.ofNullable(contentType),
                    Optional.ofNullable(url),
                    fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("extra fields that are not JSON: " + location, e);
        }
    }
}
