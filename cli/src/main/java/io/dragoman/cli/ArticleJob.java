package io.dragoman.cli;

import io.dragoman.core.Dragoman;
import io.dragoman.core.article.ArticleId;
import io.dragoman.core.article.Review;
import io.dragoman.core.article.Stages;
import io.dragoman.core.clean.Cleaner;
import io.dragoman.core.input.InputReader;
import io.dragoman.core.llm.ModelCall;
import io.dragoman.core.llm.ModelReply;
import io.dragoman.core.llm.ProviderConfig;
import io.dragoman.core.llm.ProviderInfo;
import io.dragoman.core.llm.retry.RateLimiter;
import io.dragoman.core.llm.setup.NoProviderException;
import io.dragoman.core.pipeline.ArticleOutcome;
import io.dragoman.core.pipeline.BatchRunner;
import io.dragoman.core.pipeline.RunListener;
import io.dragoman.core.pipeline.RunReport;
import io.dragoman.core.pipeline.RunResult;
import io.dragoman.core.store.RunStoreException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One batch as {@code run}, {@code translate} and {@code summarize} do it, through the {@link Dragoman} facade: the
 * run store {@code DIR/dragoman.db} makes it resumable and caches every model call, the outputs are rendered from the
 * store, and the end of the run prints what happened. {@link RunLock} keeps a second run out of the directory, {@link
 * Progress} shows the run going, and Ctrl-C or SIGTERM stops the intake and lets the articles in flight finish (a
 * second one aborts them); the exit code says how the run ended.
 */
final class ArticleJob {

    /** How the job treats earlier runs and money. */
    record RunOptions(
            boolean dryRun,
            boolean force,
            boolean retryFailed,
            boolean retryReview,
            List<String> acceptReview,
            Optional<BigDecimal> maxCost) {}

    /**
     * How a run ended: its result, the report rendered from the store after it, and the signal that stopped it, if
     * one did.
     */
    private record Ended(
            RunResult result,
            RunSummary.Inputs inputs,
            RunReport report,
            Optional<Interrupts.Kind> signal,
            int abandoned) {

        long needingReview() {
            return report.articles().getOrDefault(Review.NEEDS_REVIEW.label(), 0L);
        }
    }

    private final DragomanCommand parent;
    private final String command;
    private final InputOptions input;
    private final ModelOptions models;
    private final PaceOptions pace;
    private final BatchOptions batch;
    private final Path out;
    private final Stages stages;
    private final RunOptions options;
    private final DisplayOptions display;
    private final boolean quiet;
    private final boolean verbose;
    private final PrintWriter stdout;
    private final PrintWriter stderr;

    /** @param command the subcommand's name, for the lock another run would find */
    ArticleJob(
            DragomanCommand parent,
            String command,
            InputOptions input,
            ModelOptions models,
            PaceOptions pace,
            BatchOptions batch,
            Path out,
            Stages stages,
            RunOptions options,
            DisplayOptions display,
            PrintWriter stdout,
            PrintWriter stderr) {
        this.parent = parent;
        this.command = command;
        this.input = input;
        this.models = models;
        this.pace = pace;
        this.batch = batch;
        this.out = out;
        this.stages = stages;
        this.options = options;
        this.display = display;
        this.quiet = display.quiet;
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
            pace.validate();
            batch.validate(input.inputs);
            try {
                provider = Optional.of(models.resolve(parent.environment(), parent.ollamaAnswers(), stderr));
            } catch (NoProviderException e) {
                configError = e.getMessage();
            }
            if (batch.enabled()) {
                provider.ifPresent(p -> batch.check(p.kind()));
            }
        }
        Optional<RunLock> lock;
        try {
            OutputFiles.directory(out);
            lock = RunLock.take(out, command, parent.environment());
        } catch (RunLock.Held e) {
            stderr.println("dragoman: " + e.getMessage());
            stderr.flush();
            return ExitCodes.USAGE;
        } catch (UncheckedIOException e) {
            return OutputFiles.cannotWrite(e, stderr, verbose);
        }
        try {
            return runLocked(provider, configError, lock.flatMap(RunLock::takenOver));
        } finally {
            lock.ifPresent(RunLock::close);
        }
    }

    private int runLocked(Optional<ProviderConfig> provider, String configError, Optional<String> takenOver) {
        Cleaner cleaner = parent.newCleaner(input.maxBytes);
        BatchRunner.Control control = new BatchRunner.Control();
        InputReader reader = input.reader(parent.stdin());
        // the learning pass reads the inputs while the models load and the store opens
        try (LearningPass learning = new LearningPass(
                cleaner,
                () -> reader.read(
                        input.inputs.stream().filter(a -> !a.equals("-")).toList()),
                control::stopping)) {
            return runLocked(provider, configError, takenOver, new Start(cleaner, control, reader, learning));
        }
    }

    /** What a run starts with before its models are loaded: the cleaner, learning from the inputs meanwhile. */
    private record Start(Cleaner cleaner, BatchRunner.Control control, InputReader reader, LearningPass learning) {}

    private int runLocked(
            Optional<ProviderConfig> provider, String configError, Optional<String> takenOver, Start start) {
        Dragoman.Builder builder = Dragoman.builder()
                .cleaner(start.cleaner())
                .languages(parent.languages())
                .store(out.resolve("dragoman.db"))
                .stages(stages)
                .concurrency(pace.concurrency(provider.map(ProviderConfig::kind)))
                .retryFailed(options.retryFailed())
                .retryReview(options.retryReview())
                .chunkTokens(models.chunkTokens);
        if (stages.anyModel()) {
            builder.prompts(models.library()).glossary(models.userGlossary()).prices(models.prices());
        }
        // one limiter for the account: a reviewer on the same provider and address shares it, another gets its own
        RateLimiter limiter = RateLimiter.of(pace.limits());
        provider.ifPresent(p -> builder.model(models.model(p, limiter)));
        if (provider.isPresent() && stages.translate()) {
            ProviderConfig main = provider.get();
            try {
                models.reviewer(parent.environment(), parent.ollamaAnswers(), main)
                        .ifPresent(r -> builder.reviewModel(models.model(
                                r,
                                r.kind() == main.kind() && r.baseUrl().equals(main.baseUrl())
                                        ? limiter
                                        : RateLimiter.of(pace.limits()))));
            } catch (NoProviderException e) {
                stderr.println("dragoman: --review-model: " + e.getMessage());
                stderr.flush();
                return ExitCodes.CONFIG;
            }
        }
        options.maxCost().ifPresent(builder::maxCost);
        if (batch.enabled() && provider.isPresent()) {
            builder.batch(batch.client(provider.get()), batch.settings());
        }
        Ended ended;
        try {
            ended = runAndRender(builder, takenOver, start);
        } catch (RunStoreException | OutputsNotWritten e) {
            // a full disk, a file size limit, a read-only directory: one line that says which file and why
            return OutputFiles.cannotWrite(e, stderr, verbose);
        }
        RunResult result = ended.result();
        RunSummary summary = new RunSummary(input, models, out, stages, quiet, stdout, stderr);
        summary.print(result, ended.inputs(), provider.map(ProviderConfig::info), configError);
        if (RunSummary.foundNothing(result)) {
            return ExitCodes.SOME_FAILED;
        }
        summary.needingReview(ended.needingReview());
        if (configError != null) {
            // the message lists the ways to choose a provider, one a line
            stderr.println("dragoman: " + configError);
            return stop(
                    "the cleaned articles are in " + out
                            + "; run the same command again once a provider is configured (or use --only clean).",
                    ExitCodes.CONFIG);
        }
        if (result.stop() == RunResult.Stop.CONFIGURATION) {
            return stop(
                    result.stopMessage() + "; the cleaned articles are in " + out
                            + ", run the same command again once that is fixed.",
                    ExitCodes.CONFIG);
        }
        if (result.stop() == RunResult.Stop.UNREACHABLE) {
            return stop(
                    result.stopMessage() + "; the articles not reached stay pending, run the same command again once"
                            + " the server answers.",
                    ExitCodes.CONFIG);
        }
        if (result.stop() == RunResult.Stop.BUDGET) {
            return stop(result.stopMessage(), ExitCodes.BUDGET);
        }
        if (result.stop() == RunResult.Stop.WAITING) {
            say(result.stopMessage());
            return ExitCodes.OK;
        }
        if (result.stop() == RunResult.Stop.INTERRUPTED) {
            Interrupts.Kind signal = ended.signal().orElse(Interrupts.Kind.INT);
            int abandoned = ended.abandoned();
            String inFlight = abandoned == 0
                    ? "the articles in flight were finished and committed"
                    : abandoned + (abandoned == 1 ? " article" : " articles") + " still waiting for the model after "
                            + BatchRunner.Control.GRACE.toSeconds() + " s "
                            + (abandoned == 1 ? "was" : "were") + " left pending, the others committed";
            String jobs = batch.enabled() ? ", the batch jobs go on at the provider" : "";
            return stop(
                    signal.word() + ": " + inFlight + jobs + " and the outputs written; rerun the same command to"
                            + " continue where it stopped.",
                    signal.exitCode());
        }
        return result.failed() > 0 || ended.needingReview() > 0 ? ExitCodes.SOME_FAILED : ExitCodes.OK;
    }

    /** Says in one line why the run stopped, and ends with {@code code}. */
    private int stop(String why, int code) {
        say(why);
        return code;
    }

    private void say(String line) {
        stderr.println("dragoman: " + line);
        stderr.flush();
    }

    /**
     * Runs the batch against the store, with the progress display and the signal handlers, and renders the outputs
     * from the store.
     *
     * @param takenOver the line to print once the store is open, when the lock was taken over from a run that is gone
     * @throws RunStoreException when the store cannot be opened or written
     * @throws OutputsNotWritten when an output file cannot be written
     */
    private Ended runAndRender(Dragoman.Builder builder, Optional<String> takenOver, Start start) {
        try (Dragoman dragoman = builder.build()) {
            takenOver.ifPresent(this::say);
            BatchRunner.Control control = start.control();
            AtomicBoolean rendering = new AtomicBoolean();
            try (Progress progress = Progress.start(
                            display.display(parent.terminal()), stages.anyModel(), stderr, Clock.systemUTC());
                    Interrupts interrupts =
                            Interrupts.install(control, progress::say, () -> left(progress, rendering.get()))) {
                if (options.force()) {
                    dragoman.forgetArticles();
                }
                if (!options.acceptReview().isEmpty()) {
                    accept(dragoman);
                }
                InputReader reader = start.reader();
                int learned = start.learning().await(progress);
                progress.counted(learned, !input.inputs.contains("-"));
                if (!quiet) {
                    InputOptions.skipped(reader).forEach(progress::say);
                }
                RunResult result =
                        dragoman.runBatched(() -> reader.read(input.inputs), new Lines(progress), control, line -> {
                            if (!quiet) {
                                progress.say("dragoman: " + line);
                            }
                        });
                progress.close();
                if (options.force() && result.stop() == RunResult.Stop.COMPLETED) {
                    dragoman.dropForgotten();
                }
                rendering.set(true);
                try {
                    return new Ended(
                            result,
                            new RunSummary.Inputs(learned, !input.inputs.contains("-")),
                            dragoman.writeOutputs(out, Optional.of(result)),
                            interrupts.received(),
                            control.abandoned());
                } catch (UncheckedIOException e) {
                    throw new OutputsNotWritten(e);
                }
            }
        }
    }

    /** Marks the translations named by {@code --accept-review} as reviewed, and says which needed no review. */
    private void accept(Dragoman dragoman) {
        List<ArticleId> ids =
                options.acceptReview().stream().map(ArticleId::new).toList();
        List<ArticleId> accepted = dragoman.acceptReview(ids);
        List<String> others = ids.stream()
                .filter(id -> !accepted.contains(id))
                .map(ArticleId::value)
                .toList();
        if (!accepted.isEmpty() && !quiet) {
            say("accepted as reviewed: "
                    + String.join(", ", accepted.stream().map(ArticleId::value).toList()));
        }
        if (!others.isEmpty()) {
            say("not waiting for review in " + out + ", left as they are: " + String.join(", ", others));
        }
    }

    /** What aborting the run now would leave, for the line a second Ctrl-C or SIGTERM prints. */
    private String left(Progress progress, boolean rendering) {
        if (rendering) {
            return "the output files were being written, some may still be those of the run before; rerun the same"
                    + " command to write them again (no model calls needed).";
        }
        int inFlight = progress.inFlight();
        return (inFlight == 0
                        ? "no article was in flight"
                        : inFlight + (inFlight == 1 ? " article" : " articles")
                                + " in flight left unfinished (their finished stages are kept in "
                                + out.resolve("dragoman.db")
                                + ")")
                + " and the output files as they were; rerun the same command to continue.";
    }

    /** The output files could not be written; the message names the file and why. */
    private static final class OutputsNotWritten extends RuntimeException {
        private static final long serialVersionUID = 1L;

        OutputsNotWritten(UncheckedIOException cause) {
            super(cause.getMessage(), cause);
        }
    }

    /**
     * Feeds the progress display and prints a line for each article that failed, and with {@code -v} for each one a
     * model worked on and for each call; the run's stop is said once, at its end.
     */
    private final class Lines implements RunListener {
        private final Progress progress;

        Lines(Progress progress) {
            this.progress = progress;
        }

        @Override
        public void started(String id) {
            progress.started(id);
        }

        @Override
        public void finished(ArticleOutcome outcome) {
            progress.finished(outcome);
            if (outcome instanceof ArticleOutcome.Done done) {
                if (!quiet
                        && verbose
                        && (done.translation().isPresent() || done.summary().isPresent())) {
                    progress.say("dragoman: " + (done.summary().isPresent() ? "summarized " : "translated ")
                            + done.id() + " (" + RunSummary.describe(done)
                            + (done.calls() == 0
                                    ? "; nothing paid: replayed from the call cache or kept from a run before"
                                    : "")
                            + ")");
                }
            } else if (outcome instanceof ArticleOutcome.Failed failed) {
                progress.say("dragoman: " + failed.location() + ": " + failed.reason());
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
            progress.say(line.append(String.format(
                            Locale.ROOT, ", %.1f s", call.elapsed().toMillis() / 1000.0))
                    .toString());
        }
    }

    /** Cleans, then prints what the model stages would send and cost; sends and writes nothing. */
    private int dryRun() {
        if (!stages.anyModel()) {
            throw new IllegalArgumentException("--dry-run shows model requests; --only clean sends none.");
        }
        models.validate();
        pace.validate();
        ProviderInfo info = models.plannedModel(parent.environment(), parent.ollamaAnswers(), stderr);
        EstimateCommand.Cleaned cleaned = EstimateCommand.clean(parent, input, !quiet, stderr);
        if (cleaned.foundNothing()) {
            stderr.println(input.nothingFound());
            stderr.flush();
            return ExitCodes.SOME_FAILED;
        }
        new EstimateReport(
                        EstimateCommand.estimator(models, info, stages, batch.enabled()), info, stdout, batch.enabled())
                .dryRun(cleaned.articles());
        stdout.flush();
        stderr.flush();
        return cleaned.failed() > 0 ? ExitCodes.SOME_FAILED : ExitCodes.OK;
    }
}
