package io.dragoman.core.llm;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * What some model work has cost: calls, tokens and US dollars.
 *
 * @param calls the number of calls
 * @param usage their tokens
 * @param cost their cost in US dollars, or empty when a call's model has no price
 */
public record Spent(int calls, Usage usage, Optional<BigDecimal> cost) {

    /** Nothing: no call, no token, no cost. */
    public static final Spent NONE = new Spent(0, new Usage(0, 0), Optional.of(BigDecimal.ZERO));

    /** Validates that nothing is null and the count is not negative. */
    public Spent {
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(cost, "cost");
        if (calls < 0) {
            throw new IllegalArgumentException("calls must not be negative: " + calls);
        }
    }

    /** Both together; the cost is unknown when either is. */
    public Spent plus(Spent other) {
        Optional<BigDecimal> both = cost.isPresent() && other.cost.isPresent()
                ? Optional.of(cost.get().add(other.cost.get()))
                : Optional.empty();
        return new Spent(calls + other.calls, usage.plus(other.usage), both);
    }
}
