package io.dragoman.core.pipeline;

import io.dragoman.core.article.CleanedArticle;
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
     */
    record Done(CleanedArticle article, Optional<Translation> translation, Optional<Summary> summary)
            implements ArticleOutcome {
        /** Validates that nothing is null. */
        public Done {
            Objects.requireNonNull(article, "article");
            Objects.requireNonNull(translation, "translation");
            Objects.requireNonNull(summary, "summary");
        }

        @Override
        public String id() {
            return article.id().value();
        }

        /** The calls this run made for the article (0 when every result came from the store). */
        public int calls() {
            return translation.map(Translation::calls).orElse(0)
                    + summary.map(Summary::calls).orElse(0);
        }

        /** The tokens of those calls. */
        public Usage usage() {
            return translation
                    .map(Translation::usage)
                    .orElse(new Usage(0, 0))
                    .plus(summary.map(Summary::usage).orElse(new Usage(0, 0)));
        }

        /** Their cost, or empty when a model's price is unknown. */
        public Optional<BigDecimal> cost() {
            Optional<BigDecimal> t = translation.isPresent() ? translation.get().cost() : Optional.of(BigDecimal.ZERO);
            Optional<BigDecimal> s = summary.isPresent() ? summary.get().cost() : Optional.of(BigDecimal.ZERO);
            return t.isPresent() && s.isPresent() ? Optional.of(t.get().add(s.get())) : Optional.empty();
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
     * @param calls the model calls made before the failure
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
     * Cleaned but not sent to the model, because the run stopped (interrupted, budget reached, configuration
     * rejected); a rerun continues from the stored cleaned article.
     *
     * @param id the article id
     * @param reason why it was left
     */
    record Deferred(String id, String reason) implements ArticleOutcome {
        /** Validates that nothing is null. */
        public Deferred {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
