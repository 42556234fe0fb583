package io.dragoman.core.pipeline;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * What processing an article (or a batch) is expected to use before any call is made: the input tokens exactly as the
 * first attempt would send them, and a range for output tokens and cost.
 *
 * @param calls the calls of a first attempt (repairs and re-asks not included)
 * @param inputTokens the tokens of the rendered requests
 * @param outputLow the fewest output tokens expected
 * @param outputHigh the most output tokens expected without repairs
 * @param costLow the cost in US dollars with {@code outputLow}; empty when the model has no price
 * @param costHigh the cost with {@code outputHigh}; empty when the model has no price
 */
public record Estimate(
        int calls,
        long inputTokens,
        long outputLow,
        long outputHigh,
        Optional<BigDecimal> costLow,
        Optional<BigDecimal> costHigh) {

    /** Nothing at all. */
    public static final Estimate ZERO =
            new Estimate(0, 0, 0, 0, Optional.of(BigDecimal.ZERO), Optional.of(BigDecimal.ZERO));

    /** Validates the counts. */
    public Estimate {
        Objects.requireNonNull(costLow, "costLow");
        Objects.requireNonNull(costHigh, "costHigh");
        if (calls < 0 || inputTokens < 0 || outputLow < 0 || outputHigh < outputLow) {
            throw new IllegalArgumentException("Inconsistent estimate: " + calls + " calls, " + inputTokens + " in, "
                    + outputLow + "–" + outputHigh + " out");
        }
    }

    /** The sum of two estimates; a cost is known only when both are. */
    public Estimate plus(Estimate other) {
        return new Estimate(
                calls + other.calls,
                inputTokens + other.inputTokens,
                outputLow + other.outputLow,
                outputHigh + other.outputHigh,
                sum(costLow, other.costLow),
                sum(costHigh, other.costHigh));
    }

    private static Optional<BigDecimal> sum(Optional<BigDecimal> a, Optional<BigDecimal> b) {
        return a.isPresent() && b.isPresent() ? Optional.of(a.get().add(b.get())) : Optional.empty();
    }
}
