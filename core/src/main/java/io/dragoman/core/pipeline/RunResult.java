package io.dragoman.core.pipeline;

import io.dragoman.core.article.Stage;
import io.dragoman.core.llm.Usage;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
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
 * @param work what the model stages of the articles done in this run produced, and where the failures were
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
        Duration elapsed,
        Work work) {

    /**
     * What the model stages of a run's articles produced.
     *
     * @param translated articles translated in this run (or taken from an earlier one) among those done
     * @param summarized articles summarised among those done
     * @param repaired checks that failed on a first reply and passed after the repair request
     * @param reasked summaries whose first reply was invalid and whose re-ask was valid
     * @param warnings checks left as warnings, translation and summary together
     * @param needsReview articles done whose translation a person should review (a doubtful finding is left)
     * @param reviewFindings articles done on whose translation a reviewing model ({@code --review-model}) found
     *     something, repaired or left for review
     * @param failedAt how many articles failed in each stage
     */
    public record Work(
            int translated,
            int summarized,
            int repaired,
            int reasked,
            int warnings,
            int needsReview,
            int reviewFindings,
            Map<Stage, Integer> failedAt) {
        /** Copies the map. */
        public Work {
            failedAt = Map.copyOf(failedAt);
        }

        /** How many articles failed in a stage. */
        public int failedAt(Stage stage) {
            return failedAt.getOrDefault(stage, 0);
        }
    }

    /** Why a run ended. */
    public enum Stop {
        /** Every input was taken. */
        COMPLETED,
        /** The user interrupted it; in-flight articles finished. */
        INTERRUPTED,
        /** The next article would have gone over the cost budget. */
        BUDGET,
        /**
         * The provider rejected the key or does not know the model: every further call would fail. The intake went on,
         * so every input was cleaned and stored.
         */
        CONFIGURATION,
        /** The provider could not be reached, again and again: the articles not reached stay pending. */
        UNREACHABLE,
        /** The run submitted provider batch jobs and did not wait for them; the same run again collects them. */
        WAITING
    }

    /** Validates that nothing is null. */
    public RunResult {
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(cost, "cost");
        Objects.requireNonNull(stop, "stop");
        Objects.requireNonNull(stopMessage, "stopMessage");
        Objects.requireNonNull(elapsed, "elapsed");
        Objects.requireNonNull(work, "work");
    }
}
