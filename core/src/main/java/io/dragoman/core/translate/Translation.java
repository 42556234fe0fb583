package io.dragoman.core.translate;

import io.dragoman.core.article.ArticleId;
import io.dragoman.core.llm.ProviderKind;
import io.dragoman.core.llm.Usage;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An article's English translation, aligned with the source: one English paragraph per source paragraph, in order.
 *
 * @param id the article's id
 * @param title the English title; empty when the source has none
 * @param dateline the English dateline, e.g. {@code MINSK, 26 November (BelTA) –}; empty when the source has none
 * @param paragraphs the English body paragraphs, exactly as many as the source's
 * @param checks the result of every check, in the order they ran
 * @param usage the tokens of every call made for this translation, repairs included
 * @param cost what those calls cost in US dollars; empty when the model's price is unknown
 * @param calls the number of model calls made (not counting retries of a failed HTTP call)
 * @param chunks the number of chunks the article was cut into
 * @param provider the provider that translated
 * @param model the model that translated
 * @param promptVersions the version of each prompt used, by task ({@code translate}, and {@code repair} when used)
 */
public record Translation(
        ArticleId id,
        String title,
        String dateline,
        List<String> paragraphs,
        List<CheckResult> checks,
        Usage usage,
        Optional<BigDecimal> cost,
        int calls,
        int chunks,
        ProviderKind provider,
        String model,
        Map<String, String> promptVersions) {

    /** Validates and copies. */
    public Translation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(dateline, "dateline");
        paragraphs = List.copyOf(paragraphs);
        checks = List.copyOf(checks);
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(cost, "cost");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(model, "model");
        promptVersions = Map.copyOf(promptVersions);
        if (paragraphs.isEmpty()) {
            throw new IllegalArgumentException("A translation needs at least one paragraph.");
        }
    }

    /** The checks that ended as warnings. */
    public List<CheckResult> warnings() {
        return checks.stream()
                .filter(c -> c.status() == CheckResult.Status.WARNING)
                .toList();
    }
}
