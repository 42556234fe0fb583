package io.dragoman.core.llm;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a piece of model work (an article's translation, its summary) came from and what it took: the provider and
 * model, the version of every prompt its requests used, and the calls with their tokens and cost. Every total of an
 * article or a run is derived from these.
 *
 * @param provider the provider that answered
 * @param model the model that answered
 * @param promptVersions the version of each prompt used, by task ({@code translate}, {@code repair}, {@code summarize})
 * @param usage the tokens of every call made, repairs and re-asks included
 * @param cost what those calls cost in US dollars; empty when the model's price is unknown
 * @param calls the number of model calls (not counting retries of a failed HTTP call)
 */
public record Provenance(
        ProviderKind provider,
        String model,
        Map<String, String> promptVersions,
        Usage usage,
        Optional<BigDecimal> cost,
        int calls) {

    /** Validates and copies. */
    public Provenance {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(model, "model");
        promptVersions = Map.copyOf(promptVersions);
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(cost, "cost");
        if (calls < 0) {
            throw new IllegalArgumentException("calls must not be negative: " + calls);
        }
    }

    /** The work of a provider's model, priced by what a spending recorded. */
    public static Provenance of(ProviderInfo model, Map<String, String> promptVersions, Spending spent) {
        return new Provenance(model.kind(), model.model(), promptVersions, spent.usage(), spent.cost(), spent.calls());
    }

    /** The calls, tokens and cost as one value. */
    public Spent spent() {
        return new Spent(calls, usage, cost);
    }
}
