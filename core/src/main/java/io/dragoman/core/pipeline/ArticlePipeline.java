package io.dragoman.core.pipeline;

import io.dragoman.core.article.ArticleId;
import io.dragoman.core.article.ArticleStatus;
import io.dragoman.core.article.CleanedArticle;
import io.dragoman.core.article.RawArticle;
import io.dragoman.core.article.Stage;
import io.dragoman.core.article.Stages;
import io.dragoman.core.clean.Cleaner;
import io.dragoman.core.clean.CleaningException;
import io.dragoman.core.lang.JTokkitTokenCounter;
import io.dragoman.core.llm.CallSession;
import io.dragoman.core.llm.DeferredCall;
import io.dragoman.core.llm.ModelCall;
import io.dragoman.core.llm.ModelFailure;
import io.dragoman.core.llm.PriceTable;
import io.dragoman.core.llm.SpentFailure;
import io.dragoman.core.store.StoredArticle;
import io.dragoman.core.store.StoredFailure;
import io.dragoman.core.summary.Summarizer;
import io.dragoman.core.summary.Summary;
import io.dragoman.core.summary.SummaryException;
import io.dragoman.core.translate.Translation;
import io.dragoman.core.translate.TranslationException;
import io.dragoman.core.translate.Translator;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The path of one article, the same for every executor: the facade's {@link io.dragoman.core.Dragoman#process}, the
 * batch runner and whatever sends the model requests later. It finds what an earlier attempt finished, cleans (or
 * takes the stored cleaning), translates and summarises as its {@link Stages} say, reusing every stage that is kept,
 * and records each finished stage and every failure through an {@link ArticleProgress} before going on. Per-article
 * problems become outcomes; it never throws for them. Thread-safe: one pipeline serves every worker.
 *
 * <p>It has two halves so an executor can put its own control between them (the stop flag, the cost budget):
 * {@link #clean} and {@link #models}. {@link #process} runs both for one article.
 */
public final class ArticlePipeline {

    private final Cleaner cleaner;
    private final Optional<Translator> translator;
    private final Optional<Summarizer> summarizer;
    private final Stages stages;
    private final Retries retries;
    private final PriceTable prices;

    /**
     * @param cleaner cleans each input
     * @param translator translates, needed when the stages translate
     * @param summarizer summarises, needed when the stages summarise
     * @param stages what to run
     * @param retries which articles an earlier run ended are tried again
     * @param prices what the calls of an article's session cost
     * @throws IllegalArgumentException when a stage is asked for without its translator or summarizer
     */
    public ArticlePipeline(
            Cleaner cleaner,
            Optional<Translator> translator,
            Optional<Summarizer> summarizer,
            Stages stages,
            Retries retries,
            PriceTable prices) {
        this.cleaner = Objects.requireNonNull(cleaner, "cleaner");
        this.translator = Objects.requireNonNull(translator, "translator");
        this.summarizer = Objects.requireNonNull(summarizer, "summarizer");
        this.stages = Objects.requireNonNull(stages, "stages");
        this.retries = Objects.requireNonNull(retries, "retries");
        this.prices = Objects.requireNonNull(prices, "prices");
        if (stages.translate() && translator.isEmpty() || stages.summarize() && summarizer.isEmpty()) {
            throw new IllegalArgumentException("A stage was asked for without its translator or summarizer.");
        }
    }

    /** The stages this pipeline runs. */
    public Stages stages() {
        return stages;
    }

    /**
     * Which articles that an earlier run ended are tried again.
     *
     * @param failed articles that failed (asked afresh, not answered from the call cache)
     * @param review articles whose translation needs review: each chunk with a doubtful finding gets the repair
     *     request again, with the findings, asked afresh
     */
    public record Retries(boolean failed, boolean review) {
        /** Failed articles are tried again; articles that need review wait for a person. */
        public static final Retries DEFAULT = new Retries(true, false);
    }

    /** An article after {@link #clean}: ready for its model stages, or already at its end. */
    public sealed interface Cleaning {

        /**
         * Cleaned (now or by an earlier run) and waiting for its model stages.
         *
         * @param article the cleaned article
         * @param location the input's path or URL
         * @param prior what an earlier run stored from the same input
         */
        record Ready(CleanedArticle article, String location, Optional<StoredArticle> prior) implements Cleaning {
            /**
             * True when an earlier attempt failed or left a translation for review: its cached replies are the ones
             * that failed, so ask afresh.
             */
            public boolean retry() {
                return prior.isPresent()
                        && (prior.get().status() == ArticleStatus.FAILED
                                || prior.get().needsReview());
            }
        }

        /**
         * Nothing more to do in this run.
         *
         * @param outcome done (cleaning only), failed to clean, or skipped as finished before
         */
        record Ended(ArticleOutcome outcome) implements Cleaning {}
    }

    /** Cleans, translates and summarises one article on its own, remembering nothing. */
    public ArticleOutcome process(RawArticle raw) {
        return process(raw, ArticleProgress.NONE, session(false, call -> {}));
    }

    /** Cleans, translates and summarises one article, recording its progress; a model failure never halts anything. */
    public ArticleOutcome process(RawArticle raw, ArticleProgress progress, CallSession session) {
        Cleaning cleaning = clean(raw, progress);
        if (cleaning instanceof Cleaning.Ended ended) {
            return ended.outcome();
        }
        return models((Cleaning.Ready) cleaning, progress, session, failure -> false);
    }

    /** A call session priced like this pipeline's calls. */
    public CallSession session(boolean fresh, Consumer<ModelCall> observer) {
        return new CallSession(fresh, observer, prices, JTokkitTokenCounter.o200k());
    }

    /**
     * The first half: skips an article an earlier run finished from the same input (or failed, when failures are not
     * retried), and cleans the rest unless the cleaning is stored; a cleaning failure is recorded.
     */
    public Cleaning clean(RawArticle raw, ArticleProgress progress) {
        String id = raw.id().value();
        String hash = InputHash.of(raw);
        Optional<StoredArticle> stored = progress.find(raw.id()).filter(s -> s.madeFrom(hash));
        if (stored.isPresent() && finished(stored.get())) {
            return new Cleaning.Ended(
                    new ArticleOutcome.Skipped(id, stored.get().status()));
        }
        if (stored.isPresent() && stored.get().status() == ArticleStatus.FAILED && !retries.failed()) {
            return new Cleaning.Ended(new ArticleOutcome.Skipped(id, ArticleStatus.FAILED));
        }
        CleanedArticle article;
        Optional<CleanedArticle> cleaned = stored.flatMap(StoredArticle::cleaned);
        if (cleaned.isPresent()) {
            article = cleaned.get();
        } else {
            try {
                article = cleaner.clean(raw);
            } catch (CleaningException e) {
                return cleanFailure(raw, hash, e.getMessage(), progress);
            } catch (RuntimeException | StackOverflowError e) {
                return cleanFailure(raw, hash, "cleaner failed unexpectedly: " + e, progress);
            }
            progress.cleaned(raw, hash, article);
        }
        if (!stages.anyModel()) {
            return new Cleaning.Ended(new ArticleOutcome.Done(article, Optional.empty(), Optional.empty()));
        }
        return new Cleaning.Ready(article, raw.location(), stored);
    }

    /**
     * The second half: translates and summarises a cleaned article as the stages say, keeping a stage an earlier run
     * stored, committing each one; a failure is recorded unless {@code halts} says it stops the whole run (then the
     * article is left for a later run).
     *
     * @param session the article's calls: cache bypass, what was paid, who hears of each call
     * @param halts true for a model failure every further call would meet too (a rejected key)
     * @return done with what the session paid, failed with the same, or deferred when halted
     */
    public ArticleOutcome models(
            Cleaning.Ready ready, ArticleProgress progress, CallSession session, Predicate<ModelFailure> halts) {
        CleanedArticle article = ready.article();
        String id = article.id().value();
        Optional<StoredArticle> stored = ready.prior();
        progress.started(article.id());
        Optional<Translation> translation = Optional.empty();
        boolean reviewAgain = stages.translate() && reviewAgain(stored);
        if (stages.translate()) {
            Optional<Translation> kept = stored.flatMap(StoredArticle::translation);
            if (kept.isPresent() && !reviewAgain) {
                translation = kept;
            } else {
                try {
                    Translation t = reviewAgain
                            ? translator.orElseThrow().repair(article, kept.orElseThrow(), session)
                            : translator.orElseThrow().translate(article, session);
                    progress.translated(t);
                    translation = Optional.of(t);
                } catch (TranslationException e) {
                    return modelFailure(id, ready.location(), Stage.TRANSLATE, e, progress, session, halts);
                }
            }
        }
        Optional<Summary> summary = Optional.empty();
        if (stages.summarize()) {
            Optional<Summary> kept = stored.filter(s -> s.holds(Stage.SUMMARIZE))
                    .filter(s -> !reviewAgain)
                    .filter(s -> !stages.translate() || s.holds(Stage.TRANSLATE))
                    .flatMap(StoredArticle::summary);
            if (kept.isPresent()) {
                summary = kept;
            } else {
                try {
                    Summary s = summarizer.orElseThrow().summarize(article, translation, session);
                    progress.summarized(s);
                    summary = Optional.of(s);
                } catch (SummaryException e) {
                    return modelFailure(id, ready.location(), Stage.SUMMARIZE, e, progress, session, halts);
                }
            }
        }
        return new ArticleOutcome.Done(article, translation, summary, session.paid());
    }

    private static Cleaning cleanFailure(RawArticle raw, String hash, String reason, ArticleProgress progress) {
        progress.failed(raw.id(), StoredFailure.of(Stage.CLEAN, reason, false).at(raw.location(), hash));
        return new Cleaning.Ended(ArticleOutcome.Failed.cleaning(raw.id().value(), raw.location(), reason));
    }

    private static ArticleOutcome modelFailure(
            String id,
            String location,
            Stage stage,
            SpentFailure e,
            ArticleProgress progress,
            CallSession session,
            Predicate<ModelFailure> halts) {
        Optional<ModelFailure> cause = e.modelFailure();
        if (cause.isPresent() && halts.test(cause.get())) {
            return new ArticleOutcome.Deferred(
                    id, cause.get().getMessage(), session.paid(), cause.get() instanceof DeferredCall);
        }
        progress.failed(
                new ArticleId(id),
                StoredFailure.of(stage, e.getMessage(), e.retriable()).withDetail(FailureDetail.of(e)));
        return ArticleOutcome.Failed.of(id, location, stage, e, session.paid());
    }

    /** True when the stored translation waits for review and this pipeline retries those. */
    private boolean reviewAgain(Optional<StoredArticle> stored) {
        return retries.review()
                && stored.filter(StoredArticle::needsReview)
                        .flatMap(StoredArticle::translation)
                        .isPresent();
    }

    private boolean finished(StoredArticle s) {
        if (s.status() == ArticleStatus.FAILED || s.status() == ArticleStatus.IN_FLIGHT) {
            return false;
        }
        if (stages.translate() && reviewAgain(Optional.of(s))) {
            return false;
        }
        boolean translated = !stages.translate() || s.holds(Stage.TRANSLATE);
        boolean summarized = !stages.summarize() || s.holds(Stage.SUMMARIZE);
        return s.holds(Stage.CLEAN) && translated && summarized;
    }
}
