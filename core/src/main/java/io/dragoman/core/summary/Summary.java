package io.dragoman.core.summary;

import io.dragoman.core.article.ArticleId;
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
 * @param usage the tokens of every call made, re-asks included
 * @param cost what the calls cost in US dollars; empty when the model's price is unknown
 * @param calls the number of model calls
 * @param provider the provider
 * @param model the model
 * @param promptVersion the version of the {@code summarize} prompt
 * @param fromTranslation true when the model was given the English translation as well as the source
 */
public record Summary(
        ArticleId id,
        ArticleSummary fields,
        List<String> warnings,
        boolean reasked,
        Usage usage,
        Optional<BigDecimal> cost,
        int calls,
        ProviderKind provider,
        String model,
        String promptVersion,
        boolean fromTranslation) {

    /** Validates and copies. */
    public Summary {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(fields, "fields");
        warnings = List.copyOf(warnings);
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(cost, "cost");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(promptVersion, "promptVersion");
    }
}
