package io.dragoman.cli;

import io.dragoman.core.article.Stages;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * What {@code run}, {@code translate} and {@code summarize} share: inputs, an output directory, the model options,
 * and one {@link ArticleJob} whose stages each command chooses.
 */
abstract class ModelJobCommand implements Callable<Integer> {
    @ParentCommand
    DragomanCommand parent;

    @Spec
    CommandSpec spec;

    @Mixin
    InputOptions input;

    @Option(
            names = {"-o", "--out"},
            required = true,
            paramLabel = "DIR",
            description = "Output directory (created if missing).")
    Path out;

    @Mixin
    ModelOptions models;

    @Mixin
    PaceOptions pace;

    @Mixin
    BatchOptions batch;

    @Mixin
    DisplayOptions display;

    @Option(
            names = "--dry-run",
            description = "Send nothing and write nothing: print the requests for the first article and the estimated"
                    + " tokens and cost of all.")
    boolean dryRun;

    @Option(
            names = "--force",
            description =
                    "Start over: forget what earlier runs into DIR finished (cached model calls are still reused).")
    boolean force;

    @Option(
            names = "--retry-failed",
            negatable = true,
            defaultValue = "true",
            fallbackValue = "true",
            description = "Try articles that failed in an earlier run again (default); --no-retry-failed keeps their"
                    + " failures.")
    boolean retryFailed;

    @Option(
            names = "--retry-review",
            description = "Ask again for the doubtful passages of translations that need review: each one is sent"
                    + " back with what the checks found (not answered from the call cache).")
    boolean retryReview;

    @Option(
            names = "--accept-review",
            paramLabel = "ID",
            split = ",",
            description = "Accept these articles' translations as reviewed by you: they no longer count as needing"
                    + " review (ids as in articles.jsonl; several separated by commas, or the option repeated).")
    java.util.List<String> acceptReview = new java.util.ArrayList<>();

    @Option(
            names = "--max-cost",
            paramLabel = "USD",
            description =
                    "Stop cleanly (exit 4, resumable) before the spending, counting calls in flight, would go over"
                            + " USD dollars.")
    java.math.BigDecimal maxCost;

    /** The model stages this command runs after cleaning. */
    abstract Stages stages();

    @Override
    public Integer call() {
        return new ArticleJob(
                        parent,
                        spec.name(),
                        input,
                        models,
                        pace,
                        batch,
                        out,
                        stages(),
                        new ArticleJob.RunOptions(
                                dryRun,
                                force,
                                retryFailed,
                                retryReview,
                                acceptReview,
                                java.util.Optional.ofNullable(maxCost)),
                        display,
                        spec.commandLine().getOut(),
                        spec.commandLine().getErr())
                .run();
    }
}
