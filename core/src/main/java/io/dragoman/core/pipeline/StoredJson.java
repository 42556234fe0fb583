package io.dragoman.core.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import io.dragoman.core.article.ArticleJson;
import io.dragoman.core.article.CleanedArticle;
import io.dragoman.core.summary.Summary;
import io.dragoman.core.translate.Translation;

/**
 * The JSON text the {@link RunStore} keeps for each finished stage: a cleaned article, a translation, a summary,
 * written and read back whole, so that a resumed run continues from exactly what was committed. Thread-safe.
 */
public final class StoredJson {

    private final ObjectMapper mapper = ArticleJson.mapper()
            .registerModule(new Jdk8Module())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    /** The cleaned article as JSON. */
    public String cleaned(CleanedArticle article) {
        return write(article);
    }

    /** A cleaned article read back. */
    public CleanedArticle cleaned(String json) {
        return read(json, CleanedArticle.class);
    }

    /** The translation as JSON. */
    public String translation(Translation translation) {
        return write(translation);
    }

    /** A translation read back. */
    public Translation translation(String json) {
        return read(json, Translation.class);
    }

    /** The summary as JSON. */
    public String summary(Summary summary) {
        return write(summary);
    }

    /** A summary read back. */
    public Summary summary(String json) {
        return read(json, Summary.class);
    }

    private String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot store " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    private <T> T read(String json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new RunStoreException(
                    "A stored " + type.getSimpleName() + " cannot be read back (" + e.getOriginalMessage()
                            + "); rerun with --force to start over.",
                    e);
        }
    }
}
