package io.dragoman.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dragoman.core.article.ArticleJson;
import io.dragoman.core.article.CleanedArticle;
import io.dragoman.core.input.InputReader;
import io.dragoman.core.llm.ModelFailure;
import io.dragoman.core.llm.NoProviderException;
import io.dragoman.core.llm.PermanentFailure;
import io.dragoman.core.llm.ProviderConfig;
import io.dragoman.core.llm.Usage;
import io.dragoman.core.pipeline.ArticleFormat;
import io.dragoman.core.pipeline.CleanBatch;
import io.dragoman.core.pipeline.CleanOutcome;
import io.dragoman.core.pipeline.TranslationRecords;
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
 * One batch as {@code run} and {@code translate} do it: clean every input, translate every cleaned article (several
 * at once), and write {@code articles.jsonl}, {@code md/<id>.md} and {@code failures.jsonl} into the output folder.
 * A per-article failure is recorded and the batch goes on; a rejected key or unknown model stops further calls.
 */
final class ArticleJob {

    /** What became of one cleaned article's translation. */
    private sealed interface Result {
        record Translated(Translation translation) implements Result {}

        record Failed(TranslationException failure) implements Result {}

        record NotTranslated() implements Result {}
    }

    private final DragomanCommand parent;
    private final InputOptions input;
    private final ModelOptions models;
    private final Path out;
    private final boolean translate;
    private final boolean quiet;
    private final PrintWriter stdout;
    private final PrintWriter stderr;

    ArticleJob(
            DragomanCommand parent,
            InputOptions input,
            ModelOptions models,
            Path out,
            boolean translate,
            boolean quiet,
            PrintWriter stdout,
            PrintWriter stderr) {
        this.parent = parent;
        this.input = input;
        this.models = models;
        this.out = out;
        this.translate = translate;
        this.quiet = quiet;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    int run() {
        Optional<Translator> translator = Optional.empty();
        Optional<ProviderConfig> provider = Optional.empty();
        AtomicReference<String> configError = new AtomicReference<>();
        if (translate) {
            models.validate();
            try {
                ProviderConfig config = models.resolve(parent.environment(), parent.ollamaAnswers(), stderr);
                provider = Optional.of(config);
                translator = Optional.of(models.translator(config));
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

        List<Result> results = translator.isPresent()
                ? translateAll(translator.get(), cleaned, configError)
                : cleaned.stream()
                        .filter(o -> o instanceof CleanOutcome.Cleaned)
                        .map(o -> (Result) new Result.NotTranslated())
                        .toList();
        return write(cleaned, results, provider, configError.get());
    }

    private List<Result> translateAll(
            Translator translator, List<CleanOutcome> cleaned, AtomicReference<String> configError) {
        ExecutorService pool = Executors.newFixedThreadPool(models.concurrency, runnable -> {
            Thread t = new Thread(runnable, "dragoman-translate");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Result>> futures = new ArrayList<>();
            for (CleanOutcome outcome : cleaned) {
                if (outcome instanceof CleanOutcome.Cleaned c) {
                    futures.add(pool.submit(() -> translateOne(translator, c.article(), configError)));
                }
            }
            List<Result> results = new ArrayList<>();
            for (Future<Result> f : futures) {
                try {
                    results.add(f.get());
                } catch (ExecutionException e) {
                    throw new IllegalStateException("Translation crashed: " + e.getCause(), e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while translating", e);
                }
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private Result translateOne(Translator translator, CleanedArticle article, AtomicReference<String> configError) {
        if (configError.get() != null) {
            return new Result.NotTranslated();
        }
        try {
            Translation t = translator.translate(article);
            if (!quiet) {
                synchronized (stderr) {
                    stderr.println("dragoman: translated " + article.id() + " (" + describe(t) + ")");
                    stderr.flush();
                }
            }
            return new Result.Translated(t);
        } catch (TranslationException e) {
            Optional<ModelFailure> cause = e.modelFailure();
            if (cause.isPresent() && stopsTheRun(cause.get())) {
                configError.compareAndSet(null, cause.get().getMessage());
                return new Result.NotTranslated();
            }
            synchronized (stderr) {
                stderr.println("dragoman: " + article.metadata().location() + ": " + e.getMessage());
                stderr.flush();
            }
            return new Result.Failed(e);
        }
    }

    /** A rejected key, a forbidden or unknown model: every further call would fail the same way. */
    private static boolean stopsTheRun(ModelFailure failure) {
        return failure instanceof PermanentFailure
                && (failure.httpStatus() == 401 || failure.httpStatus() == 403 || failure.httpStatus() == 404);
    }

    private int write(
            List<CleanOutcome> cleaned, List<Result> results, Optional<ProviderConfig> provider, String configError) {
        ObjectMapper mapper = ArticleJson.mapper();
        TranslationRecords records = new TranslationRecords(mapper);
        StringBuilder articles = new StringBuilder();
        StringBuilder failures = new StringBuilder();
        int cleanFailed = 0;
        int translated = 0;
        int translateFailed = 0;
        int notTranslated = 0;
        int calls = 0;
        int repaired = 0;
        int warnings = 0;
        Usage usage = new Usage(0, 0);
        BigDecimal cost = BigDecimal.ZERO;
        boolean costKnown = true;
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
            if (result instanceof Result.Translated t) {
                translated++;
                Translation tr = t.translation();
                calls += tr.calls();
                usage = usage.plus(tr.usage());
                if (tr.cost().isPresent()) {
                    cost = cost.add(tr.cost().get());
                } else {
                    costKnown = false;
                }
                repaired += (int) tr.checks().stream()
                        .filter(c -> c.status() == CheckResult.Status.REPAIRED)
                        .count();
                warnings += tr.warnings().size();
                articles.append(records.translated(article, tr)).append('\n');
                OutputFiles.write(md, records.markdown(article, tr));
            } else if (result instanceof Result.Failed f) {
                translateFailed++;
                calls += f.failure().calls();
                usage = usage.plus(f.failure().usage());
                ObjectNode record = records.failed(article, f.failure());
                articles.append(record).append('\n');
                ObjectNode failure = mapper.createObjectNode();
                failure.put("id", article.id().value());
                failure.put("location", article.metadata().location());
                failure.setAll((ObjectNode) record.get("failure"));
                failures.append(failure).append('\n');
                OutputFiles.write(md, ArticleFormat.MD.render(article, mapper));
            } else {
                notTranslated++;
                articles.append(records.cleaned(article, "cleaned")).append('\n');
                OutputFiles.write(md, ArticleFormat.MD.render(article, mapper));
            }
        }
        OutputFiles.write(out.resolve("articles.jsonl"), articles.toString());
        OutputFiles.write(out.resolve("failures.jsonl"), failures.toString());

        int total = cleaned.size();
        int cleanedCount = total - cleanFailed;
        if (!quiet) {
            if (!translate) {
                stdout.printf(
                        "Cleaned %d of %d articles into %s (articles.jsonl, md/)%s%n",
                        cleanedCount,
                        total,
                        out,
                        cleanFailed > 0 ? "; " + cleanFailed + " failed, listed in failures.jsonl" : ".");
            } else {
                String model = provider.map(p -> " with " + p.kind().id() + " " + p.model())
                        .orElse("");
                stdout.printf(
                        "Translated %d of %d articles into %s%s (articles.jsonl, md/).%n",
                        translated, total, out, model);
                if (calls > 0) {
                    stdout.printf(
                            Locale.ROOT,
                            "Usage: %d calls, %,d input and %,d output tokens, %s. Checks: %d repaired, %d warnings.%n",
                            calls,
                            usage.inputTokens(),
                            usage.outputTokens(),
                            costKnown
                                    ? "$" + cost.stripTrailingZeros().toPlainString()
                                    : "cost unknown (model not" + " in the price table)",
                            repaired,
                            warnings);
                }
                if (cleanFailed + translateFailed > 0) {
                    stdout.printf(
                            "%d failed (%d cleaning, %d translation), listed in failures.jsonl.%n",
                            cleanFailed + translateFailed, cleanFailed, translateFailed);
                }
                if (notTranslated > 0 && configError != null) {
                    stdout.printf("%d cleaned but not translated.%n", notTranslated);
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
        return cleanFailed + translateFailed > 0 ? ExitCodes.SOME_FAILED : ExitCodes.OK;
    }

    private static String describe(Translation t) {
        long warnings = t.warnings().size();
        return String.format(
                Locale.ROOT,
                "%d %s, %,d + %,d tokens%s%s",
                t.calls(),
                t.calls() == 1 ? "call" : "calls",
                t.usage().inputTokens(),
                t.usage().outputTokens(),
                t.cost()
                        .map(c -> ", $" + c.stripTrailingZeros().toPlainString())
                        .orElse(""),
                warnings == 0 ? "" : ", " + warnings + (warnings == 1 ? " warning" : " warnings"));
    }
}
