package io.dragoman.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dragoman.core.article.ArticleJson;
import io.dragoman.core.article.CleanedArticle;
import io.dragoman.core.input.InputReader;
import io.dragoman.core.llm.ModelFailure;
import io.dragoman.core.llm.ModelProvider;
import io.dragoman.core.llm.NoProviderException;
import io.dragoman.core.llm.PermanentFailure;
import io.dragoman.core.llm.ProviderConfig;
import io.dragoman.core.llm.ProviderInfo;
import io.dragoman.core.llm.Usage;
import io.dragoman.core.pipeline.ArticleFormat;
import io.dragoman.core.pipeline.ArticleRecords;
import io.dragoman.core.pipeline.CleanBatch;
import io.dragoman.core.pipeline.CleanOutcome;
import io.dragoman.core.summary.Summarizer;
import io.dragoman.core.summary.Summary;
import io.dragoman.core.summary.SummaryException;
import io.dragoman.core.translate.CheckResult;
import io.dragoman.core.translate.Translation;
import io.dragoman.core.translate.TranslationException;
import io.dragoman.core.translate.Translator;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One batch as {@code run}, {@code translate} and {@code summarize} do it: clean every input, then translate and/or
 * summarise every cleaned article (several at once), and write {@code articles.jsonl}, {@code md/<id>.md} and {@code
 * failures.jsonl} into the output folder. A per-article failure is recorded and the batch goes on; a rejected key or
 * unknown model stops further calls.
 */
final class ArticleJob {

    /** What the model stages made of one cleaned article. */
    private record Result(
            Optional<Translation> translation, Optional<Summary> summary, Optional<RuntimeException> failure) {

        static final Result NOT_PROCESSED = new Result(Optional.empty(), Optional.empty(), Optional.empty());

        boolean processed() {
            return translation.isPresent() || summary.isPresent() || failure.isPresent();
        }
    }

    /** The model stages of a job. */
    record Stages(boolean translate, boolean summarize) {
        static final Stages CLEAN_ONLY = new Stages(false, false);

        boolean any() {
            return translate || summarize;
        }
    }

    private final DragomanCommand parent;
    private final InputOptions input;
    private final ModelOptions models;
    private final Path out;
    private final Stages stages;
    private final boolean dryRun;
    private final boolean quiet;
    private final PrintWriter stdout;
    private final PrintWriter stderr;

    ArticleJob(
            DragomanCommand parent,
            InputOptions input,
            ModelOptions models,
            Path out,
            Stages stages,
            boolean dryRun,
            boolean quiet,
            PrintWriter stdout,
            PrintWriter stderr) {
        this.parent = parent;
        this.input = input;
        this.models = models;
        this.out = out;
        this.stages = stages;
        this.dryRun = dryRun;
        this.quiet = quiet;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    int run() {
        if (dryRun) {
            return dryRun();
        }
        Optional<Translator> translator = Optional.empty();
        Optional<Summarizer> summarizer = Optional.empty();
        Optional<ProviderConfig> provider = Optional.empty();
        AtomicReference<String> configError = new AtomicReference<>();
        if (stages.any()) {
            models.validate();
            try {
                ProviderConfig config = models.resolve(parent.environment(), parent.ollamaAnswers(), stderr);
                provider = Optional.of(config);
                ModelProvider model = models.model(config);
                translator = stages.translate() ? Optional.of(models.translator(model)) : Optional.empty();
                summarizer = stages.summarize() ? Optional.of(models.summarizer(model)) : Optional.empty();
            } catch (NoProviderException e) {
                configError.set(e.getMessage());
            }
        }
        OutputFiles.directory(out);
        OutputFiles.directory(out.resolve("md"));

        List<CleanOutcome> cleaned = new ArrayList<>();
        CleanBatch batch =
                new CleanBatch(new InputReader(input.maxBytes, parent.stdin()), parent.newCleaner(input.maxBytes));
        batch.run(input.inputs, outcome -> {
            if (outcome instanceof CleanOutcome.Failed failed) {
                stderr.println("dragoman: " + failed.location() + ": " + failed.reason());
                stderr.flush();
            }
            cleaned.add(outcome);
        });

        List<Result> results = provider.isPresent()
                ? processAll(translator, summarizer, cleaned, configError)
                : cleaned.stream()
                        .filter(o -> o instanceof CleanOutcome.Cleaned)
                        .map(o -> Result.NOT_PROCESSED)
                        .toList();
        return write(cleaned, results, provider, configError.get());
    }

    /** Cleans, then prints what the model stages would send and cost; sends and writes nothing. */
    private int dryRun() {
        if (!stages.any()) {
            throw new IllegalArgumentException("--dry-run shows model requests; --only clean sends none.");
        }
        models.validate();
        ProviderInfo info = models.plannedModel(parent.environment(), parent.ollamaAnswers(), stderr);
        List<CleanedArticle> articles = new ArrayList<>();
        int[] failed = {0};
        new CleanBatch(new InputReader(input.maxBytes, parent.stdin()), parent.newCleaner(input.maxBytes))
                .run(input.inputs, outcome -> {
                    if (outcome instanceof CleanOutcome.Cleaned c) {
                        articles.add(c.article());
                    } else if (outcome instanceof CleanOutcome.Failed f) {
                        failed[0]++;
                        stderr.println("dragoman: " + f.location() + ": " + f.reason());
                    }
                });
        RunCommand.Stage only = stages.translate() && stages.summarize()
                ? null
                : stages.translate() ? RunCommand.Stage.translate : RunCommand.Stage.summarize;
        new EstimateReport(EstimateCommand.estimator(models, info, only), info, stdout).dryRun(articles);
        stdout.flush();
        stderr.flush();
        return failed[0] > 0 ? ExitCodes.SOME_FAILED : ExitCodes.OK;
    }

    private List<Result> processAll(
            Optional<Translator> translator,
            Optional<Summarizer> summarizer,
            List<CleanOutcome> cleaned,
            AtomicReference<String> configError) {
        ExecutorService pool = Executors.newFixedThreadPool(models.concurrency, runnable -> {
            Thread t = new Thread(runnable, "dragoman-model");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Result>> futures = new ArrayList<>();
            for (CleanOutcome outcome : cleaned) {
                if (outcome instanceof CleanOutcome.Cleaned c) {
                    futures.add(pool.submit(() -> processOne(translator, summarizer, c.article(), configError)));
                }
            }
            List<Result> results = new ArrayList<>();
            for (Future<Result> f : futures) {
                try {
                    results.add(f.get());
                } catch (ExecutionException e) {
                    throw new IllegalStateException("Processing crashed: " + e.getCause(), e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while processing", e);
                }
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private Result processOne(
            Optional<Translator> translator,
            Optional<Summarizer> summarizer,
            CleanedArticle article,
            AtomicReference<String> configError) {
        if (configError.get() != null) {
            return Result.NOT_PROCESSED;
        }
        Optional<Translation> translation = Optional.empty();
        try {
            if (translator.isPresent()) {
                translation = Optional.of(translator.get().translate(article));
            }
        } catch (TranslationException e) {
            return failed(article, e, e.modelFailure(), configError, Optional.empty());
        }
        Optional<Summary> summary = Optional.empty();
        try {
            if (summarizer.isPresent()) {
                summary = Optional.of(summarizer.get().summarize(article, translation));
            }
        } catch (SummaryException e) {
            return failed(article, e, e.modelFailure(), configError, translation);
        }
        if (!quiet) {
            synchronized (stderr) {
                stderr.println("dragoman: " + (summary.isPresent() ? "summarized " : "translated ") + article.id()
                        + " (" + describe(translation, summary) + ")");
                stderr.flush();
            }
        }
        return new Result(translation, summary, Optional.empty());
    }

    private Result failed(
            CleanedArticle article,
            RuntimeException e,
            Optional<ModelFailure> cause,
            AtomicReference<String> configError,
            Optional<Translation> translation) {
        if (cause.isPresent() && stopsTheRun(cause.get())) {
            configError.compareAndSet(null, cause.get().getMessage());
            return translation.isPresent()
                    ? new Result(translation, Optional.empty(), Optional.empty())
                    : Result.NOT_PROCESSED;
        }
        synchronized (stderr) {
            stderr.println("dragoman: " + article.metadata().location() + ": " + e.getMessage());
            stderr.flush();
        }
        return new Result(translation, Optional.empty(), Optional.of(e));
    }

    /** A rejected key, a forbidden or unknown model: every further call would fail the same way. */
    private static boolean stopsTheRun(ModelFailure failure) {
        return failure instanceof PermanentFailure
                && (failure.httpStatus() == 401 || failure.httpStatus() == 403 || failure.httpStatus() == 404);
    }

    private int write(
            List<CleanOutcome> cleaned, List<Result> results, Optional<ProviderConfig> provider, String configError) {
        ObjectMapper mapper = ArticleJson.mapper();
        ArticleRecords records = new ArticleRecords(mapper);
        StringBuilder articles = new StringBuilder();
        StringBuilder failures = new StringBuilder();
        int cleanFailed = 0;
        int translated = 0;
        int summarized = 0;
        int translateFailed = 0;
        int summarizeFailed = 0;
        int notProcessed = 0;
        int reasked = 0;
        int repaired = 0;
        int warnings = 0;
        RunSpending spent = new RunSpending();
        int next = 0;
        for (CleanOutcome outcome : cleaned) {
            if (outcome instanceof CleanOutcome.Failed failed) {
                cleanFailed++;
                ObjectNode record = mapper.createObjectNode();
                record.put("location", failed.location());
                record.put("stage", "clean");
                record.put("reason", failed.reason());
                failures.append(record).append('\n');
                continue;
            }
            CleanedArticle article = ((CleanOutcome.Cleaned) outcome).article();
            Result result = results.get(next++);
            Path md = out.resolve("md").resolve(article.id().value() + ".md");
            if (!result.processed()) {
                notProcessed++;
            }
            String status = result.failure().isPresent()
                    ? "failed"
                    : result.summary().isPresent()
                            ? "summarized"
                            : result.translation().isPresent() ? "translated" : "cleaned";
            ObjectNode record = result.translation().isPresent()
                    ? records.translated(article, result.translation().get())
                    : records.cleaned(article, status);
            record.put("status", status);
            StringBuilder page = new StringBuilder(
                    result.translation().isPresent()
                            ? records.markdown(article, result.translation().get())
                            : ArticleFormat.MD.render(article, mapper));
            if (result.translation().isPresent()) {
                Translation tr = result.translation().get();
                translated++;
                spent.add(tr.calls(), tr.usage(), tr.cost());
                repaired += (int) tr.checks().stream()
                        .filter(c -> c.status() == CheckResult.Status.REPAIRED)
                        .count();
                warnings += tr.warnings().size();
            }
            if (result.summary().isPresent()) {
                Summary sum = result.summary().get();
                summarized++;
                spent.add(sum.calls(), sum.usage(), sum.cost());
                warnings += sum.warnings().size();
                reasked += sum.reasked() ? 1 : 0;
                record.set("summary", records.summary(article, sum));
                page.append(records.summaryMarkdown(sum));
            }
            if (result.failure().isPresent()) {
                ObjectNode failure;
                if (result.failure().get() instanceof TranslationException te) {
                    translateFailed++;
                    spent.add(te.calls(), te.usage(), te.cost());
                    failure = (ObjectNode) records.failed(article, te).get("failure");
                } else {
                    SummaryException se = (SummaryException) result.failure().get();
                    summarizeFailed++;
                    spent.add(se.calls(), se.usage(), se.cost());
                    failure = records.summaryFailure(se);
                }
                record.set("failure", failure);
                ObjectNode listed = mapper.createObjectNode();
                listed.put("id", article.id().value());
                listed.put("location", article.metadata().location());
                listed.setAll(failure);
                failures.append(listed).append('\n');
            }
            articles.append(record).append('\n');
            OutputFiles.write(md, page.toString());
        }
        OutputFiles.write(out.resolve("articles.jsonl"), articles.toString());
        OutputFiles.write(out.resolve("failures.jsonl"), failures.toString());

        int total = cleaned.size();
        int cleanedCount = total - cleanFailed;
        int modelFailed = translateFailed + summarizeFailed;
        if (!quiet) {
            if (!stages.any()) {
                stdout.printf(
                        "Cleaned %d of %d articles into %s (articles.jsonl, md/)%s%n",
                        cleanedCount,
                        total,
                        out,
                        cleanFailed > 0 ? "; " + cleanFailed + " failed, listed in failures.jsonl" : ".");
            } else {
                String model = provider.map(p -> " with " + p.kind().id() + " " + p.model())
                        .orElse("");
                List<String> done = new ArrayList<>();
                if (stages.translate()) {
                    done.add("Translated " + translated);
                }
                if (stages.summarize()) {
                    done.add((done.isEmpty() ? "Summarized " : "summarized ") + summarized);
                }
                stdout.printf(
                        "%s of %d articles into %s%s (articles.jsonl, md/).%n",
                        String.join(" and ", done), total, out, model);
                if (spent.calls > 0) {
                    stdout.printf(
                            Locale.ROOT,
                            "Usage: %d calls, %,d input and %,d output tokens, %s. Checks: %d repaired, %d re-asked,"
                                    + " %d warnings.%n",
                            spent.calls,
                            spent.usage.inputTokens(),
                            spent.usage.outputTokens(),
                            spent.costKnown
                                    ? "$" + spent.cost.stripTrailingZeros().toPlainString()
                                    : "cost unknown (model not in the price table)",
                            repaired,
                            reasked,
                            warnings);
                }
                if (cleanFailed + modelFailed > 0) {
                    stdout.printf(
                            "%d failed (%d cleaning, %d translation, %d summary), listed in failures.jsonl.%n",
                            cleanFailed + modelFailed, cleanFailed, translateFailed, summarizeFailed);
                }
                if (notProcessed > 0 && configError != null) {
                    stdout.printf("%d cleaned but not processed by a model.%n", notProcessed);
                }
            }
        }
        stdout.flush();
        if (configError != null) {
            stderr.println("dragoman: " + configError);
            stderr.println("dragoman: the cleaned articles are in " + out
                    + "; run the same command again once a provider is configured (or use --only clean).");
            stderr.flush();
            return ExitCodes.CONFIG;
        }
        return cleanFailed + modelFailed > 0 ? ExitCodes.SOME_FAILED : ExitCodes.OK;
    }

    /** The calls, tokens and cost of a whole run, summed over its articles. */
    private static final class RunSpending {
        int calls;
        Usage usage = new Usage(0, 0);
        BigDecimal cost = BigDecimal.ZERO;
        boolean costKnown = true;

        void add(int moreCalls, Usage moreUsage, Optional<BigDecimal> moreCost) {
            calls += moreCalls;
            usage = usage.plus(moreUsage);
            if (moreCost.isPresent()) {
                cost = cost.add(moreCost.get());
            } else if (moreCalls > 0) {
                costKnown = false;
            }
        }
    }

    private static String describe(Optional<Translation> translation, Optional<Summary> summary) {
        int calls = translation.map(Translation::calls).orElse(0)
                + summary.map(Summary::calls).orElse(0);
        Usage usage = translation
                .map(Translation::usage)
                .orElse(new Usage(0, 0))
                .plus(summary.map(Summary::usage).orElse(new Usage(0, 0)));
        Optional<BigDecimal> cost =
                translation.isPresent() && translation.get().cost().isEmpty()
                                || summary.isPresent() && summary.get().cost().isEmpty()
                        ? Optional.empty()
                        : Optional.of(translation
                                .flatMap(Translation::cost)
                                .orElse(BigDecimal.ZERO)
                                .add(summary.flatMap(Summary::cost).orElse(BigDecimal.ZERO)));
        long warnings = translation.map(t -> t.warnings().size()).orElse(0)
                + summary.map(s -> s.warnings().size()).orElse(0);
        return String.format(
                Locale.ROOT,
                "%d %s, %,d + %,d tokens%s%s",
                calls,
                calls == 1 ? "call" : "calls",
                usage.inputTokens(),
                usage.outputTokens(),
                cost.map(c -> ", $" + c.stripTrailingZeros().toPlainString()).orElse(""),
                warnings == 0 ? "" : ", " + warnings + (warnings == 1 ? " warning" : " warnings"));
    }
}
