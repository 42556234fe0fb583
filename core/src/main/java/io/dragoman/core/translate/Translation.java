package io.dragoman.core.translate;

import io.dragoman.core.article.ArticleId;
import io.dragoman.core.llm.Provenance;
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
 * @param chunks the number of chunks the article was cut into
 * @param provenance the provider, model and prompt versions ({@code translate}, and {@code repair} when used), and
 *     the calls made for this translation, repairs included
 */
public record Translation(
        ArticleId id,
        String title,
        String dateline,
        List<String> paragraphs,
        List<CheckResult> checks,
        int chunks,
        Provenance provenance) {

    /** Validates and copies. */
    public Translation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(dateline, "dateline");
        paragraphs = List.copyOf(paragraphs);
        checks = List.copyOf(checks);
        Objects.requireNonNull(provenance, "provenance");
        if (paragraphs.isEmpty()) {
            throw new IllegalArgumentException("A translation needs at least one paragraph.");
        }
    }

    /** The checks with a finding left after the repair: cosmetic warnings and findings for review. */
    public List<CheckResult> warnings() {
        return checks.stream()
                .filter(c -> c.status() == CheckResult.Status.WARNING || c.status() == CheckResult.Status.REVIEW)
                .toList();
    }

    /** The checks whose findings a person should review: the translation may be wrong where they say. */
    public List<CheckResult> forReview() {
        return checks.stream()
                .filter(c -> c.status() == CheckResult.Status.REVIEW)
                .toList();
    }

    /** True when a doubtful finding is left: the translation is kept, but a person should check it. */
    public boolean needsReview() {
        return checks.stream().anyMatch(c -> c.status() == CheckResult.Status.REVIEW);
    }

    /** The tokens of every call made for this translation. */
    public Usage usage() {
        return provenance.usage();
    }

    /** What those calls cost in US dollars; empty when the model's price is unknown. */
    public Optional<BigDecimal> cost() {
        return provenance.cost();
    }

    /** The number of model calls made. */
    public int calls() {
        return provenance.calls();
    }

    /** The provider that translated. */
    public ProviderKind provider() {
        return provenance.provider();
    }

    /** The model that translated. */
    public String model() {
        return provenance.model();
    }

    /** The version of each prompt used, by task. */
    public Map<String, String> promptVersions() {
        return provenance.promptVersions();
    }
}
