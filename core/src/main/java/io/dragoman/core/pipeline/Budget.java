package io.dragoman.core.pipeline;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Money spent and reserved for the articles in flight, against an optional budget: an article's model stages start
 * only when what is spent, what is reserved and the article's own estimate stay within it. Thread-safe.
 */
final class Budget {
    private final Optional<BigDecimal> max;
    private BigDecimal spent = BigDecimal.ZERO;
    private BigDecimal reserved = BigDecimal.ZERO;

    Budget(Optional<BigDecimal> max) {
        this.max = max;
    }

    /** True when the budget has room for this much more, which is then reserved. */
    synchronized boolean reserve(BigDecimal amount) {
        if (max.isPresent() && spent.add(reserved).add(amount).compareTo(max.get()) > 0) {
            return false;
        }
        reserved = reserved.add(amount);
        return true;
    }

    synchronized void release(BigDecimal amount) {
        reserved = reserved.subtract(amount);
    }

    synchronized void spend(Optional<BigDecimal> amount) {
        amount.ifPresent(a -> spent = spent.add(a));
    }
}
