package io.dragoman.core.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import io.dragoman.core.article.ArticleJson;
import io.dragoman.core.article.CleanedArticle;
import io.dragoman.core.summary.Summary;
import io.dragoman.core.translate.Translation;

/**
 * The JSON text the {@link ArticleTable} keeps for each finished stage (a cleaned article, a translation, a summary)
 * and for a failure's details, written and read back whole, so that a resumed run continues from exactly what was
 * committed. Thread-safe.
 */
final class StoredJson {

    private final ObjectMapper mapper = ArticleJson.mapper()
            .registerModule(new Jdk8Module())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            // a cost read through a tree keeps its scale, so it comes back equal
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    /**
     * Reads failure details as the outputs always have: numbers as JSON gives them (a cost of {@code 7.68E-4} stays a
     * double, as {@code failures.jsonl} has always shown it), not as {@link #mapper} reads a record's fields.
     */
    private final ObjectMapper details = ArticleJson.mapper().registerModule(new Jdk8Module());

    /** The cleaned article as JSON. */
    String cleaned(CleanedArticle article) {
        return write(article);
    }

    /** A cleaned article read back. */
    CleanedArticle cleaned(String json) {
        return read(json, CleanedArticle.class);
    }

    /** The translation as JSON. */
    String translation(Translation translation) {
        return write(translation);
    }

    /** A translation read back, also as an earlier version stored it (see {@link #withProvenance}). */
    Translation translation(String json) {
        return read(json, Translation.class, "promptVersions");
    }

    /** The summary as JSON. */
    String summary(Summary summary) {
        return write(summary);
    }

    /** A summary read back, also as an earlier version stored it (see {@link #withProvenance}). */
    Summary summary(String json) {
        return read(json, Summary.class, "promptVersion");
    }

    /** A failure's details as JSON, as the caller built them. */
    String detail(ObjectNode detail) {
        return detail.toString();
    }

    /**
     * A failure's details read back. Text that is JSON but not an object gives no fields; text that is not JSON at all
     * (a store written by other code) is kept under {@code detail}, so that it still shows.
     */
    ObjectNode detail(String json) {
        try {
            JsonNode node = details.readTree(json);
            return node instanceof ObjectNode object ? object : details.createObjectNode();
        } catch (JsonProcessingException e) {
            return details.createObjectNode().put("detail", json);
        }
    }

    /**
     * A translation or summary as stored before provenance was one record: provider, model, usage, cost, calls and the
     * prompt versions (a summary's single {@code promptVersion}) stood at the top level. They are moved into a {@code
     * provenance} object, so a run directory written by an earlier version resumes without new calls.
     */
    private JsonNode withProvenance(JsonNode node, String versionsField) {
        if (!(node instanceof ObjectNode object) || object.has("provenance") || !object.has("usage")) {
            return node;
        }
        ObjectNode provenance = mapper.createObjectNode();
        for (String field : new String[] {"provider", "model", "usage", "cost", "calls"}) {
            JsonNode value = object.remove(field);
            if (value != null) {
                provenance.set(field, value);
            }
        }
        JsonNode versions = object.remove(versionsField);
        if (versions != null && versions.isTextual()) {
            provenance.putObject("promptVersions").set(Summary.TASK, versions);
        } else if (versions != null) {
            provenance.set("promptVersions", versions);
        } else {
            provenance.putObject("promptVersions");
        }
        object.set("provenance", provenance);
        return object;
    }

    private String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot store " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    private <T> T read(String json, Class<T> type) {
        return read(json, type, null);
    }

    private <T> T read(String json, Class<T> type, String versionsField) {
        try {
            try {
                return mapper.readValue(json, type);
            } catch (ValueInstantiationException e) {
                // a record of the earlier flat shape has no provenance: only those take the slower path
                if (versionsField == null) {
                    throw e;
                }
                return mapper.treeToValue(withProvenance(mapper.readTree(json), versionsField), type);
            }
        } catch (JsonProcessingException e) {
            throw new RunStoreException(
                    "A stored " + type.getSimpleName() + " cannot be read back (" + e.getOriginalMessage()
                            + "); rerun with --force to start over.",
                    e);
        }
    }
}
