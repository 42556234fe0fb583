package io.dragoman.core.pipeline;

import io.dragoman.core.article.ArticleId;
import io.dragoman.core.article.RawArticle;
import io.dragoman.core.article.Stage;
import io.dragoman.core.input.Input;
import io.dragoman.core.llm.CachingModelProvider;
import io.dragoman.core.llm.CallSession;
import io.dragoman.core.llm.DeferredCall;
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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * Runs a batch against a {@link RunStore}: takes inputs one by one from a stream (never holding them all) and runs
 * each through the {@link ArticlePipeline}, cleaning a bounded number ahead of the model slots ({@link WorkerPools}),
 * which skips what an earlier run finished and commits each finished stage before the next starts. This class keeps the intake (ids in input order), the pool and
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
     * Asks a running batch to stop taking work. {@link #interrupt} is safe to call from any thread (a signal handler):
     * the intake stops, and the articles in flight get a grace period to finish and be committed; calls still going
     * after it are abandoned (their articles stay pending for the next run). A provider that rejects the key stops the
     * model stages but not the intake, so that every input is still cleaned and stored; one that cannot be reached
     * stops both.
     */
    public static final class Control {
        /** How long the articles in flight get to finish after an interrupt, unless a control says otherwise. */
        public static final Duration GRACE = Duration.ofSeconds(5);

        private final Duration grace;
        private final AtomicReference<RunResult.Stop> stop = new AtomicReference<>();
        private final AtomicReference<String> message = new AtomicReference<>("");
        private final AtomicReference<RuntimeException> error = new AtomicReference<>();
        private final AtomicBoolean intakeStopped = new AtomicBoolean();
        private final AtomicLong abandonAt = new AtomicLong(Long.MAX_VALUE);
        private final AtomicBoolean abandoning = new AtomicBoolean();
        private final AtomicInteger abandoned = new AtomicInteger();

        /** A control whose interrupt gives the calls in flight {@link #GRACE} to finish. */
        public Control() {
            this(GRACE);
        }

        /** @param grace how long the articles in flight get to finish after an interrupt; not negative */
        public Control(Duration grace) {
            if (grace.isNegative()) {
                throw new IllegalArgumentException("The grace period cannot be negative.");
            }
            this.grace = grace;
        }

        /** Stops the intake because the user interrupted the run; calls still going after the grace are abandoned. */
        public void interrupt() {
            stop(RunResult.Stop.INTERRUPTED, "Interrupted; the articles in flight were finished and committed.");
            intakeStopped.set(true);
            abandonAfterGrace();
        }

        void stop(RunResult.Stop reason, String why) {
            if (stop.compareAndSet(null, reason)) {
                message.set(why);
            }
            if (reason != RunResult.Stop.CONFIGURATION) {
                intakeStopped.set(true);
            }
            if (reason == RunResult.Stop.UNREACHABLE) {
                abandonAfterGrace();
            }
        }

        private void abandonAfterGrace() {
            long at = System.nanoTime() + grace.toNanos();
            abandonAt.accumulateAndGet(at, Math::min);
        }

        /** True once the run was asked to stop: no more model work starts. */
        public boolean stopping() {
            return stop.get() != null || error.get() != null || intakeStopped.get();
        }

        /** Why the run was stopped, once it was. */
        Optional<RunResult.Stop> stopReason() {
            return Optional.ofNullable(stop.get());
        }

        /** What to tell the user about the stop; empty while the run goes on. */
        String stopMessage() {
            return message.get();
        }

        /** True while the run takes inputs: it was not stopped, or only its model stages were (a rejected key). */
        boolean takesInputs() {
            return !intakeStopped.get() && error.get() == null;
        }

        /** True once the grace after an interrupt is over and the calls still in flight are being abandoned. */
        boolean abandoning() {
            return abandoning.get();
        }

        /** Articles whose calls were abandoned when the grace was over; they stay pending for the next run. */
        public int abandoned() {
            return abandoned.get();
        }

        /** True, once, when the grace is over and the calls in flight should be abandoned. */
        boolean abandonNow() {
            return System.nanoTime() - abandonAt.get() >= 0
                    && abandonAt.get() != Long.MAX_VALUE
                    && abandoning.compareAndSet(false, true);
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
        return run(inputs, listener, control, id -> false);
    }

    /**
     * Runs the batch, leaving out the articles {@code settled} names (those an earlier pass of the same run ended):
     * they get no outcome and are not tried again.
     *
     * @throws RunStoreException as {@link #run(Stream, RunListener, Control)}
     */
    public RunResult run(
            Stream<Input> inputs, RunListener listener, Control control, java.util.function.Predicate<String> settled) {
        return run(inputs, listener, control, settled, new Budget(settings.maxCost()));
    }

    /** A budget of this runner's settings, for passes that share one. */
    Budget newBudget() {
        return new Budget(settings.maxCost());
    }

    /** Runs the batch as above against a budget the passes of one run share. */
    RunResult run(
            Stream<Input> inputs,
            RunListener listener,
            Control control,
            java.util.function.Predicate<String> settled,
            Budget budget) {
        Instant start = clock.instant();
        long hitsBefore = cache.map(CachingModelProvider::hits).orElse(0L);
        store.articles().resetInFlight();
        RunTally tally = new RunTally();
        WorkerPools pools = new WorkerPools(settings.concurrency(), WorkerPools.defaultCleaners());
        RunIds ids = new RunIds(id -> store.articles().find(new ArticleId(id)).flatMap(StoredArticle::location));
        try (inputs) {
            var it = inputs.iterator();
            while (control.takesInputs() && it.hasNext()) {
                Input input = it.next();
                // ids are settled here, on the intake thread, in input order: the same on every rerun
                String failureId;
                if (input instanceof Input.Unreadable u) {
                    failureId = ids.unreadable(u.location());
                } else {
                    input = new Input.Read(ids.read(((Input.Read) input).article()));
                    failureId = ((Input.Read) input).article().id().value();
                }
                if (settled.test(failureId)) {
                    continue;
                }
                Input taken = input;
                if (!pools.admit(control)) {
                    break;
                }
                // per-article problems are outcomes; what escapes (the store refusing a write) stops the run
                pools.clean(
                        () -> {
                            listener.started(failureId);
                            Cleaned cleaned = clean(taken, failureId);
                            if (cleaned.outcome().isPresent()) {
                                finish(cleaned.outcome().get(), tally, listener);
                                return Optional.empty();
                            }
                            return Optional.of(() -> {
                                cleaned.row().commit();
                                finish(models(cleaned.ready(), failureId, listener, control, budget), tally, listener);
                            });
                        },
                        control::abort,
                        // the run is being abandoned: the article stays pending for the next run
                        () -> finish(new ArticleOutcome.Deferred(failureId, control.message.get()), tally, listener));
            }
        } finally {
            pools.finish(control);
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

    private static void finish(ArticleOutcome outcome, RunTally tally, RunListener listener) {
        tally.add(outcome);
        listener.finished(outcome);
    }

    /** A cleaned article ready for its model stages, or what became of it when it ended at cleaning. */
    private record Cleaned(ArticlePipeline.Cleaning.Ready ready, Optional<ArticleOutcome> outcome, HeldClean row) {}

    /**
     * Cleans an input; never throws for a per-article problem. An article that ends here is stored at once; one ready
     * for its model stages holds its cleaned row back for its slot to commit ({@link HeldClean}).
     */
    private Cleaned clean(Input input, String id) {
        HeldClean row = new HeldClean(progress);
        if (input instanceof Input.Unreadable u) {
            progress.failed(
                    new ArticleId(id),
                    StoredFailure.of(Stage.CLEAN, u.reason(), false).at(u.location(), ""));
            return new Cleaned(null, Optional.of(ArticleOutcome.Failed.cleaning(id, u.location(), u.reason())), row);
        }
        RawArticle raw = ((Input.Read) input).article();
        ArticlePipeline.Cleaning cleaning = pipeline.clean(raw, row);
        if (cleaning instanceof ArticlePipeline.Cleaning.Ended ended) {
            row.commit();
            return new Cleaned(null, Optional.of(ended.outcome()), row);
        }
        return new Cleaned((ArticlePipeline.Cleaning.Ready) cleaning, Optional.empty(), row);
    }

    /** The model stages of a cleaned article, with the run's control and budget before them. */
    private ArticleOutcome models(
            ArticlePipeline.Cleaning.Ready ready, String id, RunListener listener, Control control, Budget budget) {
        if (control.stopping()) {
            return new ArticleOutcome.Deferred(id, control.message.get());
        }
        // estimating renders and counts the prompts: only worth it when there is a budget to keep
        Optional<BigDecimal> reservation = settings.maxCost().isEmpty()
                ? Optional.of(BigDecimal.ZERO)
                : budget.reserve(id, () -> estimator
                        .map(e -> e.estimate(ready.article()).costHigh().orElse(BigDecimal.ZERO))
                        .orElse(BigDecimal.ZERO));
        if (reservation.isEmpty()) {
            control.stop(
                    RunResult.Stop.BUDGET,
                    "Stopped before the cost budget of $"
                            + settings.maxCost().get().toPlainString()
                            + " would be exceeded; rerun the same command with a larger --max-cost to continue.");
            return new ArticleOutcome.Deferred(id, control.message.get());
        }
        BigDecimal reserved = reservation.get();
        boolean held = false;
        try {
            CallSession session = pipeline.session(ready.retry(), call -> listener.called(id, call));
            ArticleOutcome outcome = pipeline.models(ready, progress, session, failure -> halts(failure, control));
            budget.spend(session.paid().cost());
            if (outcome instanceof ArticleOutcome.Deferred d && d.awaitsBatch()) {
                budget.hold(id, reserved);
                held = true;
            } else if (outcome instanceof ArticleOutcome.Deferred && control.abandoning()) {
                control.abandoned.incrementAndGet();
            }
            return outcome;
        } finally {
            if (!held) {
                budget.release(reserved);
            }
        }
    }

    /**
     * Whether a model failure leaves the article pending instead of failed: it stops the run, or it is a call
     * abandoned because the run is stopping.
     */
    private static boolean halts(ModelFailure failure, Control control) {
        if (failure instanceof DeferredCall) {
            return true; // its request waits for a provider batch job
        }
        if (failure instanceof PermanentFailure && failure.noConnection()) {
            control.stop(RunResult.Stop.UNREACHABLE, failure.getMessage());
            return true;
        }
        if (stopsTheRun(failure)) {
            control.stop(RunResult.Stop.CONFIGURATION, failure.getMessage());
            return true;
        }
        return control.abandoning() || control.stop.get() == RunResult.Stop.UNREACHABLE;
    }

    /** A rejected key, a forbidden or unknown model: every further call would fail the same way. */
    static boolean stopsTheRun(ModelFailure failure) {
        return failure instanceof PermanentFailure
                && (failure.httpStatus() == 401 || failure.httpStatus() == 403 || failure.httpStatus() == 404);
    }
}
