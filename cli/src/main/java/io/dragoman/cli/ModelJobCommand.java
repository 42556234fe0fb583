package io.dragoman.cli;

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

    @Option(
            names = {"-q", "--quiet"},
            description = "Print only errors.")
    boolean quiet;

    @Option(
            names = "--dry-run",
            description = "Send nothing and write nothing: print the requests for the first article and the estimated"
                    + " tokens and cost of all.")
    boolean dryRun;

    /** The model stages this command runs after cleaning. */
    abstract ArticleJob.Stages stages();

    @Override
    public Integer call() {
        return new ArticleJob(
                        parent,
                        input,
                        models,
                        out,
                        stages(),
                        dryRun,
                        quiet,
                        spec.commandLine().getOut(),
                        spec.commandLine().getErr())
                .run();
    }
}
