package io.dragoman.core;

import io.dragoman.core.article.ArticleId;
import io.dragoman.core.article.RawArticle;
import io.dragoman.core.article.Stages;
import io.dragoman.core.clean.BoilerplateProfiles;
import io.dragoman.core.clean.Cleaner;
import io.dragoman.core.clean.DetectingCleaner;
import io.dragoman.core.input.Input;
import io.dragoman.core.lang.JTokkitTokenCounter;
import io.dragoman.core.lang.LanguageDetector;
import io.dragoman.core.lang.OpenNlpLanguageDetector;
import io.dragoman.core.llm.CachingModelProvider;
import io.dragoman.core.llm.ModelProvider;
import io.dragoman.core.llm.PriceTable;
import io.dragoman.core.llm.batch.BatchClient;
import io.dragoman.core.llm.batch.BatchedModel;
import io.dragoman.core.llm.retry.Sleeper;
import io.dragoman.core.output.CsvTables;
import io.dragoman.core.output.SiteWriter;
import io.dragoman.core.pipeline.ArticleOutcome;
import io.dragoman.core.pipeline.ArticlePipeline;
import io.dragoman.core.pipeline.BatchRounds;
import io.dragoman.core.pipeline.BatchRunner;
import io.dragoman.core.pipeline.Estimator;
import io.dragoman.core.pipeline.OutputWriter;
import io.dragoman.core.pipeline.RenderedOutputs;
import io.dragoman.core.pipeline.RunListener;
import io.dragoman.core.pipeline.RunReport;
import io.dragoman.core.pipeline.RunResult;
import io.dragoman.core.prompt.PromptLibrary;
import io.dragoman.core.store.RunStore;
import io.dragoman.core.summary.Summarizer;
import io.dragoman.core.translate.Glossary;
import io.dragoman.core.translate.Reviewer;
import io.dragoman.core.translate.Translator;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The library's front door: cleans, translates and summarises one article ({@link #process}) or a batch ({@link
 * #run}) with one model, the way the {@code dragoman} command does. A batch runs against a store file that makes it
 * resumable and caches every model call; its output files are rendered from that store. Build one with {@link
 * #builder()}; close it to close the store.
 *
 * <pre>{@code
 * try (Dragoman dragoman = Dragoman.builder().model(model).store(Path.of("out/dragoman.db")).build()) {
 *     RunResult result = dragoman.run(inputs, outcome -> System.out.println(outcome), new BatchRunner.Control());
 *     dragoman.writeOutputs(Path.of("out"), Optional.of(result));
 * }
 * }</pre>
 */
public final class Dragoman implements AutoCloseable {

    private final Cleaner cleaner;
    private final ArticlePipeline pipeline;
    private final Optional<Estimator> estimator;
    private final Optional<RunStore> store;
    private final Optional<CachingModelProvider> cache;
    private final BatchRunner.Settings settings;
    private final Clock clock;
    private final Optional<BatchedModel> batched;
    private final Optional<BatchClient> batchClient;
    private final BatchRounds.Settings batchSettings;

    private Dragoman(Builder b) {
        LanguageDetector languages = b.languages != null ? b.languages : new OpenNlpLanguageDetector();
        this.cleaner = b.cleaner != null
                ? b.cleaner
                : new DetectingCleaner(BoilerplateProfiles.builtIn(), languages, DetectingCleaner.DEFAULT_MAX_BYTES);
        this.clock = b.clock;
        this.store = Optional.ofNullable(b.storeFile).map(RunStore::open);
        Optional<ModelProvider> model = Optional.ofNullable(b.model);
        this.cache = model.flatMap(m -> store.map(s -> new CachingModelProvider(m, s.callCache())));
        this.batchClient = Optional.ofNullable(b.batchClient);
        this.batchSettings = b.batchSettings;
        this.batched = batchClient.flatMap(
                client -> cache.flatMap(c -> store.map(s -> new BatchedModel(c, s.callCache(), s.batchJobs()))));
        Optional<ModelProvider> calling =
                batched.<ModelProvider>map(m -> m).or(() -> cache.map(c -> c)).or(() -> model);
        Stages stages = calling.isPresent() ? b.stages : Stages.CLEAN_ONLY;
        Optional<ModelProvider> reviewing = Optional.ofNullable(b.reviewModel)
                .map(r -> store.<ModelProvider>map(s -> new CachingModelProvider(r, s.callCache()))
                        .orElse(r));
        Optional<Translator> translator = stages.translate()
                ? Optional.of(Translator.standard(
                        calling.get(),
                        b.prompts,
                        b.glossary,
                        b.prices,
                        Translator.Settings.DEFAULT.withChunkTokens(b.chunkTokens),
                        languages))
                : Optional.empty();
        if (reviewing.isPresent()) {
            translator = translator.map(t -> t.withReviewer(new Reviewer(reviewing.get(), b.prompts)));
        }
        Optional<Summarizer> summarizer = stages.summarize()
                ? Optional.of(Summarizer.standard(calling.get(), b.prompts, b.prices, languages))
                : Optional.empty();
        this.estimator = calling.isPresent()
                ? Optional.of(new Estimator(
                        translator,
                        summarizer,
                        JTokkitTokenCounter.o200k(),
                        batched.isPresent() ? b.prices.atBatchPrices() : b.prices,
                        calling.get().info()))
                : Optional.empty();
        this.pipeline = new ArticlePipeline(
                cleaner,
                translator,
                summarizer,
                stages,
                new ArticlePipeline.Retries(b.retryFailed, b.retryReview),
                b.prices);
        this.settings = new BatchRunner.Settings(b.concurrency, Optional.ofNullable(b.maxCost));
    }

    /** A builder with no model (cleaning only), the standard cleaner, built-in prompts and prices. */
    public static Builder builder() {
        return new Builder();
    }

    /** Configures a {@link Dragoman}. */
    public static final class Builder {
        private Cleaner cleaner;
        private LanguageDetector languages;
        private ModelProvider model;
        private ModelProvider reviewModel;
        private PromptLibrary prompts = PromptLibrary.builtIn();
        private Glossary glossary = Glossary.EMPTY;
        private PriceTable prices = PriceTable.builtIn();
        private Stages stages = Stages.ALL;
        private int chunkTokens = Translator.Settings.DEFAULT.chunkTokens();
        private Path storeFile;
        private int concurrency = 4;
        private boolean retryFailed = true;
        private boolean retryReview;
        private BigDecimal maxCost;
        private Clock clock = Clock.systemUTC();
        private BatchClient batchClient;
        private BatchRounds.Settings batchSettings = BatchRounds.Settings.DEFAULT;

        private Builder() {}

        /**
         * Sends the model requests of {@link #runBatched} as provider batch jobs through this client (at the batch
         * price, for replies within a day), in rounds as {@code settings} say; needs a model and a store.
         */
        public Builder batch(BatchClient client, BatchRounds.Settings settings) {
            this.batchClient = Objects.requireNonNull(client, "client");
            this.batchSettings = Objects.requireNonNull(settings, "settings");
            return this;
        }

        /** The cleaner; default {@link DetectingCleaner#standard()}. */
        public Builder cleaner(Cleaner cleaner) {
            this.cleaner = Objects.requireNonNull(cleaner, "cleaner");
            return this;
        }

        /**
         * The language detector the cleaner and the checks share; default OpenNLP's (loaded once per {@link
         * Dragoman}, about a second).
         */
        public Builder languages(LanguageDetector languages) {
            this.languages = Objects.requireNonNull(languages, "languages");
            return this;
        }

        /**
         * A second model that reviews each chunk's translation (the same one is fine); its findings are sent back in a
         * repair request, and what it still finds leaves the article for review. Default none.
         */
        public Builder reviewModel(ModelProvider reviewer) {
            this.reviewModel = Objects.requireNonNull(reviewer, "reviewer");
            return this;
        }

        /** The model for translation and summaries (see {@code ModelProviders.create}); none means cleaning only. */
        public Builder model(ModelProvider model) {
            this.model = Objects.requireNonNull(model, "model");
            return this;
        }

        /** Where prompts come from; default the built-in ones. */
        public Builder prompts(PromptLibrary prompts) {
            this.prompts = Objects.requireNonNull(prompts, "prompts");
            return this;
        }

        /** The user's glossary, added to the built-in one of each source. */
        public Builder glossary(Glossary glossary) {
            this.glossary = Objects.requireNonNull(glossary, "glossary");
            return this;
        }

        /** The price table; default the built-in one. */
        public Builder prices(PriceTable prices) {
            this.prices = Objects.requireNonNull(prices, "prices");
            return this;
        }

        /** Which stages run; default {@link Stages#ALL}. Without a model only cleaning runs. */
        public Builder stages(Stages stages) {
            this.stages = Objects.requireNonNull(stages, "stages");
            return this;
        }

        /** The most source tokens per translation call. */
        public Builder chunkTokens(int tokens) {
            this.chunkTokens = tokens;
            return this;
        }

        /** The run store file (created if missing); needed for {@link Dragoman#run}. */
        public Builder store(Path file) {
            this.storeFile = Objects.requireNonNull(file, "file");
            return this;
        }

        /** How many articles are processed at once; default 4. */
        public Builder concurrency(int concurrency) {
            this.concurrency = concurrency;
            return this;
        }

        /** Whether a rerun tries articles that failed before again; default true. */
        public Builder retryFailed(boolean retry) {
            this.retryFailed = retry;
            return this;
        }

        /**
         * Whether a rerun asks again for the chunks of translations that need review, sending the repair request with
         * their findings (not answered from the call cache); default false: they wait for a person.
         */
        public Builder retryReview(boolean retry) {
            this.retryReview = retry;
            return this;
        }

        /** Stop before spending more than this many US dollars (calls in flight counted); default no limit. */
        public Builder maxCost(BigDecimal usd) {
            if (usd.signum() <= 0) {
                throw new IllegalArgumentException("The cost budget must be positive, was " + usd);
            }
            this.maxCost = usd;
            return this;
        }

        /** The clock for elapsed times. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Builds it; opens the store when one is set. */
        public Dragoman build() {
            return new Dragoman(this);
        }
    }

    /**
     * Cleans, translates and summarises one article, without recording it in the store (its model calls still go
     * through the call cache when there is a store). The same per-article path as a batch.
     *
     * @return {@link ArticleOutcome.Done} or {@link ArticleOutcome.Failed} with the stage and reason
     */
    public ArticleOutcome process(RawArticle raw) {
        return pipeline.process(raw);
    }

    /**
     * Lets the cleaner learn the chrome the batch's pages share (a first pass over the inputs, one at a time).
     *
     * @return how many inputs there are, for progress displays
     */
    public int learn(Stream<Input> inputs) {
        int[] count = {0};
        try (inputs) {
            inputs.forEach(input -> {
                count[0]++;
                if (input instanceof Input.Read read) {
                    cleaner.observe(read.article());
                }
            });
        }
        return count[0];
    }

    /**
     * Runs a batch against the store: skips what is done, resumes the rest, commits every stage.
     *
     * @throws IllegalStateException when no store was configured
     */
    public RunResult run(Stream<Input> inputs, RunListener listener, BatchRunner.Control control) {
        RunStore runStore = store.orElseThrow(() -> new IllegalStateException("A batch run needs a store file."));
        return new BatchRunner(pipeline, estimator, runStore, cache, settings, clock).run(inputs, listener, control);
    }

    /**
     * Runs a batch against the store with provider batch jobs (see {@link Builder#batch}): each pass over the inputs
     * takes every article as far as the replies in hand allow and collects the requests it needs next, which go to the
     * provider as a job; the run waits for it, and passes again. Without a batch client it is {@link #run}.
     *
     * @param inputs the inputs, read again for every pass
     * @param events hears what the jobs do (submitted, states, counts)
     * @throws IllegalStateException when no store was configured
     */
    public RunResult runBatched(
            Supplier<Stream<Input>> inputs,
            RunListener listener,
            BatchRunner.Control control,
            BatchRounds.Events events) {
        RunStore runStore = store.orElseThrow(() -> new IllegalStateException("A batch run needs a store file."));
        if (batched.isEmpty()) {
            return run(inputs.get(), listener, control);
        }
        BatchRunner runner = new BatchRunner(pipeline, estimator, runStore, cache, settings, clock);
        return new BatchRounds(
                        batched.get(), batchClient.get(), runStore.batchJobs(), batchSettings, Sleeper.system(), events)
                .run(inputs, runner, listener, control);
    }

    /**
     * Runs a batch of articles read by the caller (from a database, a crawler, a message queue) against the store,
     * to the end: skips what is done, resumes the rest, commits every stage. Ids must be unique within the batch.
     *
     * @throws IllegalStateException when no store was configured
     */
    public RunResult run(Stream<RawArticle> articles, RunListener listener) {
        return run(articles.<Input>map(Input.Read::new), listener, new BatchRunner.Control());
    }

    /**
     * Renders the output files of the store into a directory: {@code articles.jsonl}, {@code md/}, the report, the CSV
     * tables ({@code articles.csv}, {@code people.csv}…) and the reader site in {@code site/}. When no article changed
     * since they were last rendered there by the same code (see {@link RenderedOutputs}), only the report is.
     */
    public RunReport writeOutputs(Path dir, Optional<RunResult> run) {
        RunStore runStore = store.orElseThrow(() -> new IllegalStateException("Writing outputs needs a store file."));
        OutputWriter writer = new OutputWriter(dir);
        writer.prepare();
        RenderedOutputs rendered = new RenderedOutputs(dir);
        String source = RenderedOutputs.of(runStore);
        if (rendered.upToDate(source)) {
            // no article changed since the last render: the records, pages, tables and site are as they would be
            return writer.writeReport(runStore, run);
        }
        rendered.clear();
        RunReport report = writer.render(runStore, run);
        new CsvTables(dir).write(runStore);
        new SiteWriter(dir.resolve("site")).write(runStore);
        rendered.rendered(source);
        return report;
    }

    /**
     * Marks translations that need review as accepted by a person: they count as done from now on.
     *
     * @return the ids that needed review and are now accepted; the others did not need review
     * @throws IllegalStateException without a store
     */
    public List<ArticleId> acceptReview(List<ArticleId> ids) {
        return store.orElseThrow(() -> new IllegalStateException("Accepting a review needs a store file."))
                .articles()
                .acceptReview(ids);
    }

    /**
     * Starts afresh ({@code --force}): every stored article is done again when a run reaches it, its cached calls
     * answering; until then it keeps its results, so an interrupted fresh start leaves the outputs as full as before.
     * After a run that took every input, {@link #dropForgotten()} removes the articles it did not reach.
     */
    public void forgetArticles() {
        store.ifPresent(s -> s.articles().forgetInputs());
    }

    /**
     * Removes the articles {@link #forgetArticles()} marked that no run has reached since (inputs that are no longer
     * given); call it after a run that completed.
     */
    public void dropForgotten() {
        store.ifPresent(s -> s.articles().removeForgotten());
    }

    /** How many model calls the cache answered in this session. */
    public long cacheHits() {
        return cache.map(CachingModelProvider::hits).orElse(0L);
    }

    /** The estimator for this configuration, when there is a model. */
    public Optional<Estimator> estimator() {
        return estimator;
    }

    @Override
    public void close() {
        store.ifPresent(RunStore::close);
    }
}
