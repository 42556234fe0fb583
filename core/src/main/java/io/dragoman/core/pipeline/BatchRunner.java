package io.dragoman.core.pipeline;

import io.dragoman.core.article.ArticleId;
import io.dragoman.core.article.RawArticle;
import io.dragoman.core.article.Stage;
import io.dragoman.core.input.Input;
import io.dragoman.core.llm.CachingModelProvider;
import io.dragoman.core.llm.CallSession;
import io.dragoman.core.llm.ModelFailure;
import io.dragoman.core.llm.PermanentFailure;
import io.dragoman.core.store.RunStore;
import io.dragoman.core.store.RunStoreException;
import io.dragoman.core.store.StoredArticle;
import io.dragoman.core.store.StoredFailure;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * Runs a batch against a {@link RunStore}: takes inputs one by one from a stream (never holding them all) and runs
 * each through the {@link ArticlePipeline} on a bounded pool of workers, which skips what an earlier run finished and
 * commits each finished stage before the next starts. This class keeps the intake (ids in input order), the pool and
 * the control: an interruption, the cost budget or a rejected key stops the intake while the articles in flight
 * finish. A per-article failure is an outcome and the batch goes on.
 */
public final class BatchRunner {

    /**
     * How to run.
     *
     * @param concurrency how many articles are processed at once
     * @param maxCost stop before the spending (done plus reserved for articles in flight) would exceed this many US
     *     dollars; empty for no budget
     */
    public record Settings(int concurrency, Optional<BigDecimal> maxCost) {

        /** Validates the numbers. */
        public Settings {
            Objects.requireNonNull(maxCost, "maxCost");
            if (concurrency < 1) {
                throw new IllegalArgumentException("concurrency must be at least 1, was " + concurrency);
            }
        }
    }

    private final ArticlePipeline pipeline;
    private final Optional<Estimator> estimator;
    private final RunStore store;
    private final ArticleProgress progress;
    private final Optional<CachingModelProvider> cache;
    private final Settings settings;
    private final Clock clock;

    /**
     * @param pipeline the path of each article
     * @param estimator estimates an article's cost before its model calls, for the budget; needed with a budget
     * @param store where each stage's result is committed
     * @param cache the call cache in front of the model, if any, for the count of replayed calls
     * @param settings how to run
     * @param clock for the elapsed time
     */
    public BatchRunner(
            ArticlePipeline pipeline,
            Optional<Estimator> estimator,
            RunStore store,
            Optional<CachingModelProvider> cache,
            Settings settings,
            Clock clock) {
        this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
        this.estimator = Objects.requireNonNull(estimator, "estimator");
        this.store = Objects.requireNonNull(store, "store");
        this.progress = new StoreProgress(store);
        this.cache = Objects.requireNonNull(cache, "cache");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (settings.maxCost().isPresent() && estimator.isEmpty()) {
            throw new IllegalArgumentException("A cost budget needs an estimator.");
        }
    }

    /**
     * Asks a running batch to stop taking work. {@link #stop} is safe to call from any thread (a signal handler); the
     * articles in flight finish and are committed.
     */
    public static final class Control {
        private final AtomicReference<RunResult.Stop> stop = new AtomicReference<>();
        private final AtomicReference<String> message = new AtomicReference<>("");
        private final AtomicReference<RuntimeException> error = new AtomicReference<>();

        /** Stops the intake because the user interrupted the run. */
        public void interrupt() {
            stop(RunResult.Stop.INTERRUPTED, "Interrupted; the articles in flight were finished and committed.");
        }

        void stop(RunResult.Stop reason, String why) {
            if (stop.compareAndSet(null, reason)) {
                message.set(why);
            }
        }

        /** True once the run was asked to stop. */
        public boolean stopping() {
            return stop.get() != null || error.get() != null;
        }

        /** Stops the run because of an error no article can get past, such as a run store that cannot be written. */
        void abort(RuntimeException e) {
            if (!error.compareAndSet(null, e)) {
                // the first error is the one to report; the others are mostly the same error again
                if (error.get() != e && error.get().getSuppressed().length < 3) {
                    error.get().addSuppressed(e);
                }
            }
        }
    }

    /**
     * Runs the batch.
     *
     * @param inputs the inputs, read lazily; an unreadable one is stored as a failure of the clean stage
     * @param listener hears each outcome
     * @param control lets another thread stop the intake
     * @throws RunStoreException when the store cannot be written (a full disk, a file size limit, a read-only
     *     directory): the intake stops at the first such error, the articles in flight end without their model calls
     *     where they can, and everything committed before stays; a rerun resumes from there
     */
    public RunResult run(Stream<Input> inputs, RunListener listener, Control control) {
        Instant start = clock.instant();
        long hitsBefore = cache.map(CachingModelProvider::hits).orElse(0L);
        store.articles().resetInFlight();
        RunTally tally = new RunTally();
        Budget budget = new Budget(settings.maxCost());
        ExecutorService pool = Executors.newFixedThreadPool(settings.concurrency(), runnable -> {
            Thread t = new Thread(runnable, "dragoman-worker");
            t.setDaemon(true);
            return t;
        });
        Semaphore slots = new Semaphore(settings.concurrency() * 2);
        RunIds ids = new RunIds(id -> store.articles().find(new ArticleId(id)).flatMap(StoredArticle::location));
        try (inputs) {
            var it = inputs.iterator();
            while (!control.stopping() && it.hasNext()) {
                Input input = it.next();
                // ids are settled here, on the intake thread, in input order: the same on every rerun
                String failureId;
                if (input instanceof Input.Unreadable u) {
                    failureId = ids.unreadable(u.location());
                } else {
                    input = new Input.Read(ids.read(((Input.Read) input).article()));
                    failureId = ((Input.Read) input).article().id().value();
                }
                Input taken = input;
                slots.acquireUninterruptibly();
                if (control.stopping()) {
                    slots.release();
                    break;
                }
                pool.execute(() -> {
                    try {
                        listener.started(failureId);
                        ArticleOutcome outcome = process(taken, failureId, listener, control, budget);
                        tally.add(outcome);
                        listener.finished(outcome);
                    } catch (RuntimeException e) {
                        // per-article problems are outcomes; what escapes (the store refusing a write) stops the run
                        control.abort(e);
                    } finally {
                        slots.release();
                    }
                });
            }
        } finally {
            pool.shutdown();
            awaitQuietly(pool);
            resetInFlight(control);
        }
        RuntimeException error = control.error.get();
        if (error != null) {
            throw error;
        }
        if (control.stopping()) {
            listener.stopping(control.message.get());
        }
        RunResult.Stop stop = Optional.ofNullable(control.stop.get()).orElse(RunResult.Stop.COMPLETED);
        long replayed = cache.map(CachingModelProvider::hits).orElse(0L) - hitsBefore;
        return tally.result(stop, control.message.get(), replayed, Duration.between(start, clock.instant()));
    }

    /**
     * Returns the rows in flight to their last finished state; when the store refuses even that after an error, the
     * next run does it (it starts with the same reset), and the first error is the one reported.
     */
    private void resetInFlight(Control control) {
        try {
            store.articles().resetInFlight();
        } catch (RuntimeException e) {
            if (control.error.get() == null) {
                throw e;
            }
            control.abort(e);
        }
    }

    private static void awaitQuietly(ExecutorService pool) {
        boolean interrupted = false;
        while (true) {
            try {
                if (pool.awaitTermination(1, TimeUnit.SECONDS)) {
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * One article, start to finish, through the pipeline, with the run's control between cleaning and the model
     * stages; never throws for a per-article problem.
     *
     * @param id the id an unreadable input's failure is stored under (a read article has its own)
     */
    ArticleOutcome process(Input input, String id, RunListener listener, Control control, Budget budget) {
        if (input instanceof Input.Unreadable u) {
            progress.failed(
                    new ArticleId(id),
                    StoredFailure.of(Stage.CLEAN, u.reason(), false).at(u.location(), ""));
            return ArticleOutcome.Failed.cleaning(id, u.location(), u.reason());
        }
        RawArticle raw = ((Input.Read) input).article();
        ArticlePipeline.Cleaning cleaning = pipeline.clean(raw, progress);
        if (cleaning instanceof ArticlePipeline.Cleaning.Ended ended) {
            return ended.outcome();
        }
        ArticlePipeline.Cleaning.Ready ready = (ArticlePipeline.Cleaning.Ready) cleaning;
        if (control.stopping()) {
            return new ArticleOutcome.Deferred(id, control.message.get());
        }
        // estimating renders and counts the prompts: only worth it when there is a budget to keep
        BigDecimal reserved = settings.maxCost().isEmpty()
                ? BigDecimal.ZERO
                : estimator
                        .map(e -> e.estimate(ready.article()).costHigh().orElse(BigDecimal.ZERO))
                        .orElse(BigDecimal.ZERO);
        if (!budget.reserve(reserved)) {
            control.stop(
                    RunResult.Stop.BUDGET,
                    "Stopped before the cost budget of $"
                            + settings.maxCost().get().toPlainString()
                            + " would be exceeded; rerun the same command with a larger --max-cost to continue.");
            return new ArticleOutcome.Deferred(id, control.message.get());
        }
        try {
            CallSession session = pipeline.session(ready.retry(), call -> listener.called(id, call));
            ArticleOutcome outcome = pipeline.models(ready, progress, session, failure -> halts(failure, control));
            budget.spend(session.paid().cost());
            return outcome;
        } finally {
            budget.release(reserved);
        }
    }

    private static boolean halts(ModelFailure failure, Control control) {
        if (stopsTheRun(failure)) {
            control.stop(RunResult.Stop.CONFIGURATION, failure.getMessage());
            return true;
        }
        return false;
    }

    /** A rejected key, a forbidden or unknown model: every further call would fail the same way. */
    static boolean stopsTheRun(ModelFailure failure) {
        return failure instanceof PermanentFailure
                && (failure.httpStatus() == 401 || failure.httpStatus() == 403 || failure.httpStatus() == 404);
    }
}
