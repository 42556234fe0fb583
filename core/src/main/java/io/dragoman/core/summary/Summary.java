package io.dragoman.core.summary;

import io.dragoman.core.article.ArticleId;
import io.dragoman.core.llm.Provenance;
import io.dragoman.core.llm.ProviderKind;
import io.dragoman.core.llm.Usage;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An article's structured summary: the model's fields, validated against the schema, with what the semantic checks
 * found and the provenance of the calls.
 *
 * @param id the article's id
 * @param fields what the model wrote, valid against {@code prompts/summary/schema.json}
 * @param warnings what the semantic checks found (a quote not in the translation, a name not in the source, a
 *     headline not in English); empty when all passed
 * @param reasked true when the first reply was invalid and the valid one came from the re-ask
 * @param fromTranslation true when the model was given the English translation as well as the source
 * @param provenance the provider, model and {@code summarize} prompt version, and the calls made, re-asks included
 */
public record Summary(
        ArticleId id,
        ArticleSummary fields,
        List<String> warnings,
        boolean reasked,
        boolean fromTranslation,
        Provenance provenance) {

    /** The task whose prompt version a summary records. */
    public static final String TASK = "summarize";

    /** Validates and copies. */
    public Summary {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(fields, "fields");
        warnings = List.copyOf(warnings);
        Objects.requireNonNull(provenance, "provenance");
    }

    /** The tokens of every call made. */
    public Usage usage() {
        return provenance.usage();
    }

    /** What the calls cost in US dollars; empty when the model's price is unknown. */
    public Optional<BigDecimal> cost() {
        return provenance.cost();
    }

    /** The number of model calls. */
    public int calls() {
        return provenance.calls();
    }

    /** The provider. */
    public ProviderKind provider() {
        return provenance.provider();
    }

    /** The model. */
    public String model() {
        return provenance.model();
    }

    /** The version of the {@code summarize} prompt. */
    public String promptVersion() {
        return provenance.promptVersions().getOrDefault(TASK, "");
    }
}
