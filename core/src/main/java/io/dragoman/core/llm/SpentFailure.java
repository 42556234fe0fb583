package io.dragoman.core.llm;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * A piece of model work (an article's translation, its summary) that failed after spending something: carries the
 * calls, tokens and cost up to the failure, so a failed article is accounted for, and tells whether a rerun may
 * succeed. The message names the article and the reason and never contains an API key.
 */
public abstract class SpentFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Usage usage;
    private final transient Optional<BigDecimal> cost;
    private final int calls;

    /**
     * @param message what failed and why
     * @param spent what the work had spent when it failed
     * @param cause the model failure behind it, or null when the replies were the problem
     */
    protected SpentFailure(String message, Spending spent, ModelFailure cause) {
        super(message, cause);
        this.usage = spent.usage();
        this.cost = spent.cost();
        this.calls = spent.calls();
    }

    /** Tokens spent before the failure. */
    public Usage usage() {
        return usage;
    }

    /** What the calls before the failure cost in US dollars; empty when the model's price is unknown. */
    public Optional<BigDecimal> cost() {
        return cost;
    }

    /** Model calls made before the failure. */
    public int calls() {
        return calls;
    }

    /** The model failure behind this, when the model could not be reached or refused the request. */
    public Optional<ModelFailure> modelFailure() {
        return getCause() instanceof ModelFailure f ? Optional.of(f) : Optional.empty();
    }

    /**
     * True when trying again later may succeed (the model was unavailable or answered badly); false when the user
     * must change something first (a rejected key, an unknown model).
     */
    public boolean retriable() {
        return !(getCause() instanceof PermanentFailure);
    }
}
