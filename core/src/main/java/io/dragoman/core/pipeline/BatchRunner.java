package io.dragoman.core.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dragoman.core.article.ArticleId;
import io.dragoman.core.article.CleanedArticle;
import io.dragoman.core.article.RawArticle;
import io.dragoman.core.clean.Cleaner;
import io.dragoman.core.clean.CleaningException;
import io.dragoman.core.input.Input;
import io.dragoman.core.llm.CachingModelProvider;
import io.dragoman.core.llm.ModelFailure;
import io.dragoman.core.llm.PermanentFailure;
import io.dragoman.core.llm.Spent;
import io.dragoman.core.llm.SpentFailure;
import io.dragoman.core.llm.Usage;
import io.dragoman.core.summary.Summarizer;
import io.dragoman.core.summary.Summary;
import io.dragoman.core.summary.SummaryException;
import io.dragoman.core.translate.CheckResult;
import io.dragoman.core.translate.Translation;
import io.dragoman.core.translate.TranslationException;
import io.dragoman.core.translate.Translator;
import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * Runs a batch against a {@link RunStore}: takes inputs one by one from a stream (never holding them all), skips what
 * an earlier run finished, cleans, translates and summarises the rest on a bounded pool of workers, and commits each
 * finished stage before the next starts. A per-article failure is stored with its stage and reason and the batch goes
 * on; an interruption, the cost budget or a rejected key stops the intake while the articles in flight finish.
 */
public final class BatchRunner {

    /**
     * What to run.
     *
     * @param translate whether to translate
     * @param summarize whether to summarise
     * @param concurrency how many articles are processed at once
     * @param retryFailed whether articles that failed in an earlier run are tried again
     * @param maxCost stop before the spending (done plus reserved for articles in flight) would exceed this many US
     *     dollars; empty for no budget
     */
    public record Settings(
            boolean translate, boolean summarize, int concurrency, boolean retryFailed, Optional<BigDecimal> maxCost) {

        /** Validates the numbers. */
        public Settings {
            Objects.requireNonNull(maxCost, "maxCost");
            if (concurrency < 1) {
                throw new IllegalArgumentException("concurrency must be at least 1, was " + concurrency);
            }
        }
    }

    private final Cleaner cleaner;
    private final Optional<Translator> translator;
    private final Optional<Summarizer> summarizer;
    private final Optional<Estimator> estimator;
    private final RunStore store;
    private final Optional<CachingModelProvider> cache;
    private final Settings settings;
    private final Clock clock;
    private final StoredJson json = new StoredJson();
    private final ObjectMapper mapper = new ObjectMapper();

    /**
     * @param cleaner cleans each input
     * @param translator translates, when the settings ask for it
     * @param summarizer summarises, when the settings ask for it
     * @param estimator estimates an article's cost before its model calls, for the budget; needed with a budget
     * @param store where each stage's result is committed
     * @param cache the call cache in front of the model, if any: a retried failure asks the model afresh
     * @param settings what to run
     * @param clock for the elapsed time
     */
    public BatchRunner(
            Cleaner cleaner,
            Optional<Translator> translator,
            Optional<Summarizer> summarizer,
            Optional<Estimator> estimator,
            RunStore store,
            Optional<CachingModelProvider> cache,
            Settings settings,
            Clock clock) {
        this.cleaner = Objects.requireNonNull(cleaner, "cleaner");
        this.translator = Objects.requireNonNull(translator, "translator");
        this.summarizer = Objects.requireNonNull(summarizer, "summarizer");
        this.estimator = Objects.requireNonNull(estimator, "estimator");
        this.store = Objects.requireNonNull(store, "store");
        this.cache = Objects.requireNonNull(cache, "cache");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (settings.translate() && translator.isEmpty() || settings.summarize() && summarizer.isEmpty()) {
            throw new IllegalArgumentException("A stage was asked for without its translator or summarizer.");
        }
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
        store.resetInFlight();
        Tally tally = new Tally();
        Budget budget = new Budget(settings.maxCost());
        ExecutorService pool = Executors.newFixedThreadPool(settings.concurrency(), runnable -> {
            Thread t = new Thread(runnable, "dragoman-worker");
            t.setDaemon(true);
            return t;
        });
        Semaphore slots = new Semaphore(settings.concurrency() * 2);
        RunIds ids = new RunIds();
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
            store.resetInFlight();
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
     * One article, start to finish; never throws for a per-article problem.
     *
     * @param id the id an unreadable input's failure is stored under (a read article has its own)
     */
    ArticleOutcome process(Input input, String id, RunListener listener, Control control, Budget budget) {
        if (input instanceof Input.Unreadable u) {
            store.saveFailure(id, u.location(), "", Stage.CLEAN, u.reason(), false);
            return ArticleOutcome.Failed.cleaning(id, u.location(), u.reason());
        }
        RawArticle raw = ((Input.Read) input).article();
        String hash = inputHash(raw);
        Optional<StoredArticle> stored = store.find(id).filter(s -> s.madeFrom(hash));
        if (stored.isPresent() && finished(stored.get())) {
            return new ArticleOutcome.Skipped(id, stored.get().status());
        }
        if (stored.isPresent() && stored.get().status() == ArticleStatus.FAILED && !settings.retryFailed()) {
            return new ArticleOutcome.Skipped(id, ArticleStatus.FAILED);
        }
        CleanedArticle article;
        Optional<String> cleanedJson = stored.flatMap(StoredArticle::cleanedJson);
        if (cleanedJson.isPresent()) {
            article = json.cleaned(cleanedJson.get());
        } else {
            try {
                article = cleaner.clean(raw);
            } catch (CleaningException e) {
                return cleanFailure(id, raw, hash, e.getMessage());
            } catch (RuntimeException | StackOverflowError e) {
                return cleanFailure(id, raw, hash, "cleaner failed unexpectedly: " + e);
            }
            store.saveCleaned(id, raw.location(), hash, json.cleaned(article));
        }
        if (!settings.translate() && !settings.summarize()) {
            return new ArticleOutcome.Done(article, Optional.empty(), Optional.empty());
        }
        if (control.stopping()) {
            return new ArticleOutcome.Deferred(id, control.message.get());
        }
        // estimating renders and counts the prompts: only worth it when there is a budget to keep
        BigDecimal reserved = settings.maxCost().isEmpty()
                ? BigDecimal.ZERO
                : estimator
                        .map(e -> e.estimate(article).costHigh().orElse(BigDecimal.ZERO))
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
            boolean retry = stored.isPresent() && stored.get().status() == ArticleStatus.FAILED;
            if (cache.isEmpty()) {
                ArticleOutcome outcome = models(article, raw.location(), stored, control);
                budget.spend(paidFor(outcome));
                return outcome;
            }
            CachingModelProvider calls = cache.get();
            // a retried article's cached replies are the ones that failed; asking again is the point of the retry
            CachingModelProvider.Paid<ArticleOutcome> paid = calls.paying(
                    () -> retry
                            ? calls.fresh(() -> models(article, raw.location(), stored, control))
                            : models(article, raw.location(), stored, control),
                    call -> listener.called(id, call));
            budget.spend(paid.spent().cost());
            return withPaid(paid.value(), paid.spent());
        } finally {
            budget.release(reserved);
        }
    }

    private static Optional<BigDecimal> paidFor(ArticleOutcome outcome) {
        if (outcome instanceof ArticleOutcome.Done d) {
            return d.cost();
        }
        if (outcome instanceof ArticleOutcome.Failed f) {
            return f.cost();
        }
        return Optional.of(BigDecimal.ZERO);
    }

    /** The outcome with what this run paid for it in place of what its records cost. */
    private static ArticleOutcome withPaid(ArticleOutcome outcome, Spent paid) {
        if (outcome instanceof ArticleOutcome.Done d) {
            return new ArticleOutcome.Done(d.article(), d.translation(), d.summary(), paid);
        }
        if (outcome instanceof ArticleOutcome.Failed f) {
            return new ArticleOutcome.Failed(
                    f.id(),
                    f.location(),
                    f.stage(),
                    f.reason(),
                    f.retriable(),
                    paid.calls(),
                    paid.usage(),
                    paid.cost());
        }
        return outcome;
    }

    private ArticleOutcome models(
            CleanedArticle article, String location, Optional<StoredArticle> stored, Control control) {
        String id = article.id().value();
        store.markInFlight(id);
        Optional<Translation> translation = Optional.empty();
        if (settings.translate()) {
            Optional<String> kept = stored.flatMap(StoredArticle::translationJson);
            if (kept.isPresent()) {
                translation = Optional.of(json.translation(kept.get()));
            } else {
                try {
                    Translation t = translator.orElseThrow().translate(article);
                    store.saveTranslation(id, json.translation(t));
                    translation = Optional.of(t);
                } catch (TranslationException e) {
                    return modelFailure(id, location, Stage.TRANSLATE, e, control);
                }
            }
        }
        Optional<Summary> summary = Optional.empty();
        if (settings.summarize()) {
            Optional<String> kept = stored.flatMap(StoredArticle::summaryJson)
                    .filter(s -> !settings.translate()
                            || stored.flatMap(StoredArticle::translationJson).isPresent());
            if (kept.isPresent()) {
                summary = Optional.of(json.summary(kept.get()));
            } else {
                try {
                    Summary s = summarizer.orElseThrow().summarize(article, translation);
                    store.saveSummary(id, json.summary(s));
                    summary = Optional.of(s);
                } catch (SummaryException e) {
                    return modelFailure(id, location, Stage.SUMMARIZE, e, control);
                }
            }
        }
        return new ArticleOutcome.Done(article, translation, summary);
    }

    private ArticleOutcome cleanFailure(String id, RawArticle raw, String hash, String reason) {
        store.saveFailure(id, raw.location(), hash, Stage.CLEAN, reason, false);
        return ArticleOutcome.Failed.cleaning(id, raw.location(), reason);
    }

    private ArticleOutcome modelFailure(String id, String location, Stage stage, SpentFailure e, Control control) {
        Optional<ModelFailure> cause = e.modelFailure();
        if (cause.isPresent() && stopsTheRun(cause.get())) {
            control.stop(RunResult.Stop.CONFIGURATION, cause.get().getMessage());
            return new ArticleOutcome.Deferred(id, cause.get().getMessage());
        }
        store.saveFailure(id, null, null, stage, e.getMessage(), e.retriable(), detail(e));
        return ArticleOutcome.Failed.of(id, location, stage, e);
    }

    /** What a failure spent, and its raw reply or checks, as JSON for the store. */
    private String detail(SpentFailure e) {
        ObjectNode detail = mapper.createObjectNode();
        detail.put("calls", e.calls());
        detail.putObject("usage")
                .put("inputTokens", e.usage().inputTokens())
                .put("outputTokens", e.usage().outputTokens());
        e.cost().ifPresentOrElse(c -> detail.put("costUsd", c.stripTrailingZeros()), () -> detail.putNull("costUsd"));
        if (e instanceof TranslationException te) {
            ArrayNode checks = detail.putArray("checks");
            for (CheckResult c : te.checks()) {
                ObjectNode check = checks.addObject();
                check.put("check", c.check());
                check.put("status", c.status().name().toLowerCase(java.util.Locale.ROOT));
                ArrayNode details = check.putArray("details");
                c.details().forEach(details::add);
            }
        }
        if (e instanceof SummaryException se) {
            se.rawReply().ifPresent(raw -> detail.put("rawReply", raw));
        }
        return detail.toString();
    }

    /** A rejected key, a forbidden or unknown model: every further call would fail the same way. */
    static boolean stopsTheRun(ModelFailure failure) {
        return failure instanceof PermanentFailure
                && (failure.httpStatus() == 401 || failure.httpStatus() == 403 || failure.httpStatus() == 404);
    }

    private boolean finished(StoredArticle s) {
        if (s.status() == ArticleStatus.FAILED || s.status() == ArticleStatus.IN_FLIGHT) {
            return false;
        }
        boolean translated = !settings.translate() || s.translationJson().isPresent();
        boolean summarized = !settings.summarize() || s.summaryJson().isPresent();
        return s.cleanedJson().isPresent() && translated && summarized;
    }

    /**
     * The hex SHA-256 of what an input says: its bytes, its URL and its extra fields, so that a changed input (even
     * only its URL or metadata in a JSONL line) is redone.
     */
    static String inputHash(RawArticle raw) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(raw.content());
            sha.update((byte) 0);
            sha.update(raw.url().orElse("").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(raw.extra().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This JVM has no SHA-256.", e);
        }
    }

    /**
     * The ids of one run's inputs with their locations. A read article brings its id; an unreadable input gets one
     * made from its location, suffixed ({@code -2}, {@code -3}) when that id belongs to another location in this run
     * or in the store, so that two failures never share a row (paths that differ only in characters an id cannot
     * hold, such as {@code мост/a.txt} and {@code путь/a.txt}, or only after 200 characters). An id the store holds for
     * the same location is taken again, so a rerun finds its earlier failure. Used from the intake thread only.
     */
    private final class RunIds {
        private static final int MAX_LENGTH = 200;
        private final Map<String, String> locations = new HashMap<>();

        /**
         * The article, under another id when an unreadable input of this run already holds its id (the reader keeps
         * the ids of read articles apart, but an unreadable input's id comes from its location).
         */
        RawArticle read(RawArticle raw) {
            String base = raw.id().value();
            for (int n = 1; ; n++) {
                String candidate = n == 1 ? base : suffixed(base, n);
                String owner = locations.putIfAbsent(candidate, raw.location());
                if (owner == null || owner.equals(raw.location())) {
                    return n == 1
                            ? raw
                            : new RawArticle(
                                    new ArticleId(candidate),
                                    raw.location(),
                                    raw.content(),
                                    raw.contentType(),
                                    raw.url(),
                                    raw.extra());
                }
            }
        }

        String unreadable(String location) {
            String base = ArticleId.derive(location).value();
            for (int n = 1; ; n++) {
                String candidate = n == 1 ? base : suffixed(base, n);
                String owner = locations.get(candidate);
                if (owner == null) {
                    owner = store.find(candidate)
                            .flatMap(StoredArticle::location)
                            .orElse(null);
                }
                if (owner == null || owner.equals(location)) {
                    locations.put(candidate, location);
                    return candidate;
                }
            }
        }

        private static String suffixed(String base, int n) {
            String suffix = "-" + n;
            return (base.length() + suffix.length() > MAX_LENGTH
                            ? base.substring(0, MAX_LENGTH - suffix.length())
                            : base)
                    + suffix;
        }
    }

    /** Money spent and reserved for articles in flight, against an optional budget. Thread-safe. */
    static final class Budget {
        private final Optional<BigDecimal> max;
        private BigDecimal spent = BigDecimal.ZERO;
        private BigDecimal reserved = BigDecimal.ZERO;

        Budget(Optional<BigDecimal> max) {
            this.max = max;
        }

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

    /** The counts and spending of a run. Thread-safe. */
    private static final class Tally {
        private final AtomicInteger done = new AtomicInteger();
        private final AtomicInteger skipped = new AtomicInteger();
        private final AtomicInteger failed = new AtomicInteger();
        private final AtomicInteger deferred = new AtomicInteger();
        private int calls;
        private Usage usage = new Usage(0, 0);
        private BigDecimal cost = BigDecimal.ZERO;
        private boolean costKnown = true;

        void add(ArticleOutcome outcome) {
            if (outcome instanceof ArticleOutcome.Done d) {
                done.incrementAndGet();
                spend(d.calls(), d.usage(), d.cost());
            } else if (outcome instanceof ArticleOutcome.Failed f) {
                failed.incrementAndGet();
                spend(f.calls(), f.usage(), f.cost());
            } else if (outcome instanceof ArticleOutcome.Skipped) {
                skipped.incrementAndGet();
            } else {
                deferred.incrementAndGet();
            }
        }

        private synchronized void spend(int moreCalls, Usage moreUsage, Optional<BigDecimal> moreCost) {
            calls += moreCalls;
            usage = usage.plus(moreUsage);
            if (moreCost.isPresent()) {
                cost = cost.add(moreCost.get());
            } else if (moreCalls > 0) {
                costKnown = false;
            }
        }

        synchronized RunResult result(RunResult.Stop stop, String message, long replayed, Duration elapsed) {
            return new RunResult(
                    done.get(),
                    skipped.get(),
                    failed.get(),
                    deferred.get(),
                    calls,
                    replayed,
                    usage,
                    costKnown ? Optional.of(cost) : Optional.empty(),
                    stop,
                    message,
                    elapsed);
        }
    }
}
