package io.dragoman.core.pipeline;

import io.dragoman.core.article.ArticleStatus;
import io.dragoman.core.article.CleanedArticle;
import io.dragoman.core.article.Stage;
import io.dragoman.core.llm.Spent;
import io.dragoman.core.llm.SpentFailure;
import io.dragoman.core.llm.Usage;
import io.dragoman.core.summary.Summary;
import io.dragoman.core.translate.Translation;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/** What became of one article in a run: done, failed at a stage, skipped as already done, or left for a later run. */
public sealed interface ArticleOutcome {

    /** The article's id. */
    String id();

    /**
     * Every requested stage finished.
     *
     * @param article the cleaned article
     * @param translation its translation, when the run translates
     * @param summary its summary, when the run summarises
     * @param paid what this run paid for the article: the calls that reached the provider, not the replies replayed
     *     from the call cache nor the stages kept from an earlier run (their records still show what they cost)
     */
    record Done(CleanedArticle article, Optional<Translation> translation, Optional<Summary> summary, Spent paid)
            implements ArticleOutcome {
        /** Validates that nothing is null. */
        public Done {
            Objects.requireNonNull(article, "article");
            Objects.requireNonNull(translation, "translation");
            Objects.requireNonNull(summary, "summary");
            Objects.requireNonNull(paid, "paid");
        }

        /** An article whose translation and summary were all paid for now, with no cache in between. */
        public Done(CleanedArticle article, Optional<Translation> translation, Optional<Summary> summary) {
            this(article, translation, summary, recorded(translation, summary));
        }

        /**
         * What producing the article's records cost, as they say (cached replies and stages kept from an earlier run
         * included): the translation's calls and the summary's together.
         */
        public Spent recorded() {
            return recorded(translation, summary);
        }

        private static Spent recorded(Optional<Translation> translation, Optional<Summary> summary) {
            return translation
                    .map(t -> t.provenance().spent())
                    .orElse(Spent.NONE)
                    .plus(summary.map(s -> s.provenance().spent()).orElse(Spent.NONE));
        }

        /** The checks left as warnings: the translation's and the summary's. */
        public int warnings() {
            return translation.map(t -> t.warnings().size()).orElse(0)
                    + summary.map(s -> s.warnings().size()).orElse(0);
        }

        @Override
        public String id() {
            return article.id().value();
        }

        /** The calls this run paid for (0 when every result came from the store or the call cache). */
        public int calls() {
            return paid.calls();
        }

        /** The tokens of those calls. */
        public Usage usage() {
            return paid.usage();
        }

        /** Their cost, or empty when a model's price is unknown. */
        public Optional<BigDecimal> cost() {
            return paid.cost();
        }
    }

    /**
     * A stage failed; what came before it is kept.
     *
     * @param id the article id
     * @param location the input's path or URL
     * @param stage the stage that failed
     * @param reason one line saying what went wrong
     * @param retriable true when a rerun may succeed without changes
     * @param calls the model calls this run paid for before the failure (replies from the call cache not counted)
     * @param usage their tokens
     * @param cost their cost, or empty when unknown
     */
    record Failed(
            String id,
            String location,
            Stage stage,
            String reason,
            boolean retriable,
            int calls,
            Usage usage,
            Optional<BigDecimal> cost)
            implements ArticleOutcome {
        /** Validates that nothing is null. */
        public Failed {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(location, "location");
            Objects.requireNonNull(stage, "stage");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(usage, "usage");
            Objects.requireNonNull(cost, "cost");
        }

        /** A failure of the model stages: its message is the reason, and it says what was spent before it. */
        public static Failed of(String id, String location, Stage stage, SpentFailure e) {
            return new Failed(id, location, stage, e.getMessage(), e.retriable(), e.calls(), e.usage(), e.cost());
        }

        /** A failure of the model stages, with what this run paid for the article's calls before it. */
        public static Failed of(String id, String location, Stage stage, SpentFailure e, Spent paid) {
            return new Failed(
                    id, location, stage, e.getMessage(), e.retriable(), paid.calls(), paid.usage(), paid.cost());
        }

        /** A failure to clean the article: no model call was made. */
        public static Failed cleaning(String id, String location, String reason) {
            return new Failed(
                    id, location, Stage.CLEAN, reason, false, 0, new Usage(0, 0), Optional.of(BigDecimal.ZERO));
        }
    }

    /**
     * Not processed by this run: already done by an earlier run (or failed before and not to be retried).
     *
     * @param id the article id
     * @param status its status in the store
     */
    record Skipped(String id, ArticleStatus status) implements ArticleOutcome {
        /** Validates that nothing is null. */
        public Skipped {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(status, "status");
        }
    }

    /**
     * Left pending, because the run stopped (interrupted, budget reached, configuration rejected) or the next request
     * waits for a provider batch job; a rerun (or the next pass) continues from the stages stored.
     *
     * @param id the article id
     * @param reason why it was left
     * @param paid what its calls before it was left cost (a stage finished in this pass, say)
     * @param awaitsBatch true when its next request waits for a provider batch job
     */
    record Deferred(String id, String reason, Spent paid, boolean awaitsBatch) implements ArticleOutcome {
        /** Validates that nothing is null. */
        public Deferred {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(paid, "paid");
        }

        /** Left before any call was paid, not for a batch job. */
        public Deferred(String id, String reason) {
            this(id, reason, Spent.NONE, false);
        }
    }
}
