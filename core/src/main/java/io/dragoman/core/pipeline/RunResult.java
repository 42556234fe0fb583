package io.dragoman.core.pipeline;

import io.dragoman.core.llm.Usage;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How a batch run ended.
 *
 * @param done articles whose requested stages all finished in this run
 * @param skipped articles an earlier run had finished (or failed, when failures are not retried)
 * @param failed articles that failed in this run
 * @param deferred articles left for a later run because the run stopped
 * @param calls model calls made and paid for (a reply from the call cache is not counted)
 * @param replayed calls answered from the call cache instead
 * @param usage the paid calls' tokens
 * @param cost their cost in US dollars, or empty when a model's price is unknown
 * @param stop why the run ended
 * @param stopMessage what to tell the user about it; empty when the run completed
 * @param elapsed how long the run took
 */
public record RunResult(
        int done,
        int skipped,
        int failed,
        int deferred,
        int calls,
        long replayed,
        Usage usage,
        Optional<BigDecimal> cost,
        Stop stop,
        String stopMessage,
        Duration elapsed) {

    /** Why a run ended. */
    public enum Stop {
        /** Every input was taken. */
        COMPLETED,
        /** The user interrupted it; in-flight articles finished. */
        INTERRUPTED,
        /** The next article would have gone over the cost budget. */
        BUDGET,
        /** The provider rejected the key or does not know the model: every further call would fail. */
        CONFIGURATION
    }

    /** Validates that nothing is null. */
    public RunResult {
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(cost, "cost");
        Objects.requireNonNull(stop, "stop");
        Objects.requireNonNull(stopMessage, "stopMessage");
        Objects.requireNonNull(elapsed, "elapsed");
    }
}
