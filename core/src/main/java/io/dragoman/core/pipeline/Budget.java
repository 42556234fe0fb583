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
    private final java.util.Map<String, BigDecimal> held = new java.util.HashMap<>();
    private BigDecimal heldTotal = BigDecimal.ZERO;

    Budget(Optional<BigDecimal> max) {
        this.max = max;
    }

    /**
     * True when the budget has room for this much more for the article, which is then reserved; an article whose
     * reservation was held while it waited for a batch job gets that reservation back instead.
     *
     * @return the amount reserved, empty when there is no room
     */
    Optional<BigDecimal> reserve(String id, java.util.function.Supplier<BigDecimal> estimate) {
        synchronized (this) {
            BigDecimal kept = held.remove(id);
            if (kept != null) {
                heldTotal = heldTotal.subtract(kept);
                reserved = reserved.add(kept);
                return Optional.of(kept);
            }
        }
        BigDecimal amount = estimate.get(); // outside the lock: it renders and counts prompts
        return reserve(amount) ? Optional.of(amount) : Optional.empty();
    }

    /**
     * Keeps an article's reservation while its requests wait in a provider batch job: the job is paid for once it is
     * submitted, whenever the replies are used.
     */
    synchronized void hold(String id, BigDecimal amount) {
        reserved = reserved.subtract(amount);
        held.merge(id, amount, BigDecimal::add);
        heldTotal = heldTotal.add(amount);
    }

    /** True when the budget has room for this much more, which is then reserved. */
    synchronized boolean reserve(BigDecimal amount) {
        if (max.isPresent() && spent.add(reserved).add(heldTotal).add(amount).compareTo(max.get()) > 0) {
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
