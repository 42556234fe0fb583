package io.dragoman.cli;

import io.dragoman.core.Dragoman;
import io.dragoman.core.input.InputReader;
import io.dragoman.core.llm.ModelCall;
import io.dragoman.core.llm.ModelReply;
import io.dragoman.core.llm.NoProviderException;
import io.dragoman.core.llm.ProviderConfig;
import io.dragoman.core.llm.ProviderInfo;
import io.dragoman.core.llm.Usage;
import io.dragoman.core.pipeline.ArticleOutcome;
import io.dragoman.core.pipeline.BatchRunner;
import io.dragoman.core.pipeline.RunListener;
import io.dragoman.core.pipeline.RunResult;
import io.dragoman.core.pipeline.RunStoreException;
import io.dragoman.core.pipeline.Stage;
import io.dragoman.core.pipeline.Stages;
import io.dragoman.core.summary.Summary;
import io.dragoman.core.translate.CheckResult;
import io.dragoman.core.translate.Translation;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One batch as {@code run}, {@code translate} and {@code summarize} do it, through the {@link Dragoman} facade: the
 * run store {@code DIR/dragoman.db} makes it resumable and caches every model call, the outputs are rendered from the
 * store, and the end of the run prints what happened. Ctrl-C stops the intake and lets the articles in flight finish
 * (a second Ctrl-C aborts them); the exit code says how the run ended.
 */
final class ArticleJob {

    /** How the job treats earlier runs and money. */
    record RunOptions(boolean dryRun, boolean force, boolean retryFailed, Optional<BigDecimal> maxCost) {}

    private final DragomanCommand parent;
    private final InputOptions input;
    private final ModelOptions models;
    private final Path out;
    private final Stages stages;
    private final RunOptions options;
    private final boolean quiet;
    private final boolean verbose;
    private final PrintWriter stdout;
    private final PrintWriter stderr;

    ArticleJob(
            DragomanCommand parent,
            InputOptions input,
            ModelOptions models,
            Path out,
            Stages stages,
            RunOptions options,
            boolean quiet,
            PrintWriter stdout,
            PrintWriter stderr) {
        this.parent = parent;
        this.input = input;
        this.models = models;
        this.out = out;
        this.stages = stages;
        this.options = options;
        this.quiet = quiet;
        this.verbose = input.verbose;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    int run() {
        if (options.dryRun()) {
            return dryRun();
        }
        Optional<ProviderConfig> provider = Optional.empty();
        String configError = null;
        if (stages.anyModel()) {
            models.validate();
            try {
                provider = Optional.of(models.resolve(parent.environment(), parent.ollamaAnswers(), stderr));
            } catch (NoProviderException e) {
                configError = e.getMessage();
            }
        }
        OutputFiles.directory(out);
        Dragoman.Builder builder = Dragoman.builder()
                .cleaner(parent.newCleaner(input.maxBytes))
                .languages(parent.languages())
                .store(out.resolve("dragoman.db"))
                .stages(stages)
                .concurrency(models.concurrency(provider.map(ProviderConfig::kind)))
                .retryFailed(options.retryFailed())
                .chunkTokens(models.chunkTokens);
        if (stages.anyModel()) {
            builder.prompts(models.library()).glossary(models.userGlossary()).prices(models.prices());
        }
        provider.ifPresent(p -> builder.model(models.model(p)));
        options.maxCost().ifPresent(builder::maxCost);
        Tally tally = new Tally();
        RunResult result;
        try {
            result = runAndRender(builder, tally);
        } catch (RunStoreException | OutputsNotWritten e) {
            // a full disk, a file size limit, a read-only directory: one line that says which file and why
            stderr.println("dragoman: " + e.getMessage());
            if (verbose) {
                e.printStackTrace(stderr);
            }
            stderr.flush();
            return ExitCodes.CANNOT_WRITE;
        }
        printSummary(result, tally, provider.map(ProviderConfig::info), configError);
        if (configError != null || result.stop() == RunResult.Stop.CONFIGURATION) {
            stderr.println("dragoman: " + (configError != null ? configError : result.stopMessage()));
            stderr.println("dragoman: the cleaned articles are in " + out
                    + "; run the same command again once a provider is configured (or use --only clean).");
            stderr.flush();
            return ExitCodes.CONFIG;
        }
        if (result.stop() == RunResult.Stop.BUDGET) {
            stderr.println("dragoman: " + result.stopMessage());
            stderr.flush();
            return ExitCodes.BUDGET;
        }
        if (result.stop() == RunResult.Stop.INTERRUPTED) {
            stderr.println("dragoman: interrupted; rerun the same command to continue where it stopped.");
            stderr.flush();
            return ExitCodes.INTERRUPTED;
        }
        return result.failed() > 0 ? ExitCodes.SOME_FAILED : ExitCodes.OK;
    }

    /**
     * Runs the batch against the store and renders the outputs from it.
     *
     * @throws RunStoreException when the store cannot be opened or written
     * @throws OutputsNotWritten when an output file cannot be written
     */
    private RunResult runAndRender(Dragoman.Builder builder, Tally tally) {
        try (Dragoman dragoman = builder.build()) {
            if (options.force()) {
                dragoman.forgetArticles();
            }
            InputReader reader = input.reader(parent.stdin());
            dragoman.learn(reader.read(
                    input.inputs.stream().filter(a -> !a.equals("-")).toList()));
            BatchRunner.Control control = new BatchRunner.Control();
            RunResult result;
            try (Interrupts interrupts = Interrupts.install(control, stderr)) {
                result = dragoman.run(reader.read(input.inputs), tally, control);
            }
            try {
                dragoman.writeOutputs(out, Optional.of(result));
            } catch (UncheckedIOException e) {
                throw new OutputsNotWritten(e);
            }
            return result;
        }
    }

    /** The output files could not be written; the message names the file and why. */
    private static final class OutputsNotWritten extends RuntimeException {
        private static final long serialVersionUID = 1L;

        OutputsNotWritten(UncheckedIOException cause) {
            super(cause.getMessage(), cause);
        }
    }

    /** Counts what the outcomes say and prints a line for each article that needed a model or failed. */
    private final class Tally implements RunListener {
        final AtomicInteger translated = new AtomicInteger();
        final AtomicInteger summarized = new AtomicInteger();
        final AtomicInteger repaired = new AtomicInteger();
        final AtomicInteger reasked = new AtomicInteger();
        final AtomicInteger warnings = new AtomicInteger();
        final int[] failedAt = new int[Stage.values().length];

        @Override
        public void finished(ArticleOutcome outcome) {
            if (outcome instanceof ArticleOutcome.Done done) {
                done.translation().ifPresent(t -> {
                    translated.incrementAndGet();
                    repaired.addAndGet((int) t.checks().stream()
                            .filter(c -> c.status() == CheckResult.Status.REPAIRED)
                            .count());
                    warnings.addAndGet(t.warnings().size());
                });
                done.summary().ifPresent(s -> {
                    summarized.incrementAndGet();
                    reasked.addAndGet(s.reasked() ? 1 : 0);
                    warnings.addAndGet(s.warnings().size());
                });
                if (!quiet
                        && verbose
                        && (done.translation().isPresent() || done.summary().isPresent())) {
                    say("dragoman: " + (done.summary().isPresent() ? "summarized " : "translated ") + done.id() + " ("
                            + describe(done.translation(), done.summary())
                            + (done.calls() == 0
                                    ? "; nothing paid: replayed from the call cache or kept from a run before"
                                    : "")
                            + ")");
                }
            } else if (outcome instanceof ArticleOutcome.Failed failed) {
                synchronized (failedAt) {
                    failedAt[failed.stage().ordinal()]++;
                }
                say("dragoman: " + failed.location() + ": " + failed.reason());
            }
        }

        @Override
        public void called(String id, ModelCall call) {
            if (quiet || !verbose) {
                return;
            }
            StringBuilder line = new StringBuilder("dragoman: call for ")
                    .append(id)
                    .append(" (")
                    .append(call.structured() ? "JSON" : "text")
                    .append(", ")
                    .append(call.provider().kind().id())
                    .append(' ')
                    .append(call.provider().model())
                    .append("): ");
            if (call.cached()) {
                line.append("replayed from the call cache");
            } else if (call.reply().isPresent()) {
                ModelReply reply = call.reply().get();
                line.append(reply.usage()
                                .map(u -> String.format(
                                        Locale.ROOT, "%,d in, %,d out tokens", u.inputTokens(), u.outputTokens()))
                                .orElse("usage not reported"))
                        .append(", ")
                        .append(reply.finishReason().name().toLowerCase(Locale.ROOT));
            } else {
                line.append("failed: ").append(call.failure().orElse(""));
            }
            say(line.append(String.format(
                            Locale.ROOT, ", %.1f s", call.elapsed().toMillis() / 1000.0))
                    .toString());
        }

        @Override
        public void stopping(String reason) {
            if (!quiet) {
                say("dragoman: stopping: " + reason);
            }
        }

        private void say(String line) {
            synchronized (stderr) {
                stderr.println(line);
                stderr.flush();
            }
        }
    }

    private void printSummary(RunResult r, Tally t, Optional<ProviderInfo> provider, String configError) {
        int total = r.done() + r.failed() + r.skipped() + r.deferred();
        if (total == 0 && r.stop() == RunResult.Stop.COMPLETED) {
            stderr.println(input.nothingFound());
            stderr.flush();
        }
        if (quiet) {
            return;
        }
        int cleanFailed = t.failedAt[Stage.CLEAN.ordinal()];
        if (!stages.anyModel()) {
            stdout.printf(
                    "Cleaned %d of %d articles into %s (articles.jsonl, md/)%s%n",
                    r.done() + r.skipped(),
                    total,
                    out,
                    cleanFailed > 0 ? "; " + cleanFailed + " failed, listed in failures.jsonl" : ".");
        } else {
            String model = provider.map(p -> " with " + p.kind().id() + " " + p.model())
                    .orElse("");
            List<String> done = new ArrayList<>();
            if (stages.translate()) {
                done.add("Translated " + t.translated.get());
            }
            if (stages.summarize()) {
                done.add((done.isEmpty() ? "Summarized " : "summarized ") + t.summarized.get());
            }
            stdout.printf(
                    "%s of %d articles into %s%s (articles.jsonl, md/, report.md).%n",
                    String.join(" and ", done), total, out, model);
            if (r.calls() > 0) {
                stdout.printf(
                        Locale.ROOT,
                        "Usage: %d calls, %,d input and %,d output tokens, %s. Checks: %d repaired, %d re-asked,"
                                + " %d warnings.%n",
                        r.calls(),
                        r.usage().inputTokens(),
                        r.usage().outputTokens(),
                        r.cost()
                                .map(c -> "$" + c.stripTrailingZeros().toPlainString())
                                .orElse("cost unknown (model not in the price table)"),
                        t.repaired.get(),
                        t.reasked.get(),
                        t.warnings.get());
            }
            if (r.replayed() > 0) {
                stdout.printf(
                        "%d %s answered from the call cache in %s (not paid again).%n",
                        r.replayed(), r.replayed() == 1 ? "call" : "calls", out.resolve("dragoman.db"));
            }
            if (r.skipped() > 0) {
                stdout.printf("%d already done by an earlier run into %s (skipped).%n", r.skipped(), out);
            }
            if (r.failed() > 0) {
                stdout.printf(
                        "%d failed (%d cleaning, %d translation, %d summary), listed in failures.jsonl.%n",
                        r.failed(),
                        cleanFailed,
                        t.failedAt[Stage.TRANSLATE.ordinal()],
                        t.failedAt[Stage.SUMMARIZE.ordinal()]);
            }
            long notProcessed = configError != null ? r.done() : r.deferred();
            if (notProcessed > 0) {
                stdout.printf("%d cleaned but not processed by a model.%n", notProcessed);
            }
        }
        stdout.flush();
    }

    /** Cleans, then prints what the model stages would send and cost; sends and writes nothing. */
    private int dryRun() {
        if (!stages.anyModel()) {
            throw new IllegalArgumentException("--dry-run shows model requests; --only clean sends none.");
        }
        models.validate();
        ProviderInfo info = models.plannedModel(parent.environment(), parent.ollamaAnswers(), stderr);
        EstimateCommand.Cleaned cleaned = EstimateCommand.clean(parent, input, stderr);
        new EstimateReport(EstimateCommand.estimator(models, info, stages), info, stdout).dryRun(cleaned.articles());
        stdout.flush();
        stderr.flush();
        return cleaned.failed() > 0 ? ExitCodes.SOME_FAILED : ExitCodes.OK;
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
