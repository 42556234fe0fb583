package io.dragoman.core.llm;

import io.dragoman.core.lang.TokenCounter;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * What the model calls for one piece of work (an article's translation, its summary) have cost so far: calls,
 * tokens and US dollars. Tokens come from each reply; when a provider reports none they are counted from the
 * messages. The cost is unknown as soon as one call's model has no price. Not thread-safe: one per piece of work.
 */
public final class Spending {

    private final PriceTable prices;
    private final TokenCounter tokens;
    private Usage usage = new Usage(0, 0);
    private BigDecimal cost = BigDecimal.ZERO;
    private boolean costKnown = true;
    private int calls;

    /**
     * @param prices prices per provider and model
     * @param tokens counts tokens when a reply reports none
     */
    public Spending(PriceTable prices, TokenCounter tokens) {
        this.prices = Objects.requireNonNull(prices, "prices");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
    }

    /** Records one call: the reply to a request with these messages. */
    public void record(ModelRequest request, ModelReply reply) {
        record(request, reply, false);
    }

    /**
     * Records one call answered in a provider batch job, at the model's batch price (its online price when it has no
     * batch price).
     */
    public void recordBatched(ModelRequest request, ModelReply reply) {
        record(request, reply, true);
    }

    private void record(ModelRequest request, ModelReply reply, boolean batched) {
        calls++;
        Usage used = reply.usage()
                .orElseGet(() -> new Usage(
                        tokens.count(request.system()) + tokens.count(request.user()), tokens.count(reply.text())));
        usage = usage.plus(used);
        Optional<BigDecimal> callCost = batched
                ? prices.batchCost(reply.provider(), reply.model(), used)
                : prices.cost(reply.provider(), reply.model(), used);
        if (callCost.isPresent()) {
            cost = cost.add(callCost.get());
        } else {
            costKnown = false;
        }
    }

    /** The tokens of every call so far. */
    public Usage usage() {
        return usage;
    }

    /** The cost of every call so far, or empty when a call's model has no price. */
    public Optional<BigDecimal> cost() {
        return costKnown ? Optional.of(cost) : Optional.empty();
    }

    /** The number of calls so far. */
    public int calls() {
        return calls;
    }

    /** Adds everything another spending has recorded. */
    public void merge(Spending other) {
        calls += other.calls;
        usage = usage.plus(other.usage);
        if (other.costKnown) {
            cost = cost.add(other.cost);
        } else {
            costKnown = false;
        }
    }

    /** Calls, tokens and cost so far, as one value. */
    public Spent spent() {
        return new Spent(calls, usage, cost());
    }
}
