package io.dragoman.cli;

import io.dragoman.core.llm.ModelFailure;
import io.dragoman.core.llm.PriceTable;
import io.dragoman.core.llm.ProviderConfig;
import io.dragoman.core.llm.batch.BatchClient;
import io.dragoman.core.llm.setup.NoProviderException;
import io.dragoman.core.store.RunStore;
import io.dragoman.core.store.StoredBatchJob;
import java.io.PrintWriter;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code dragoman batches DIR}: the provider batch jobs of a run directory, from its store; and cancelling them. */
@Command(
        name = "batches",
        mixinStandardHelpOptions = true,
        description = {
            "List the provider batch jobs of a run directory (run --batch), from its store: the provider's job id,"
                    + " state, requests, answered and errored, age and cost at the batch price. With --cancel, ask the"
                    + " provider to cancel the jobs still open (the replies already made are collected by the next"
                    + " run, the rest asked again).",
        })
final class BatchesCommand implements Callable<Integer> {
    @ParentCommand
    DragomanCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "The --out directory of a run.")
    Path dir;

    @Option(names = "--cancel", description = "Cancel the jobs that are still open, at the provider.")
    boolean cancel;

    @Mixin
    ModelOptions models;

    private final Clock clock = Clock.systemUTC();

    @Override
    public Integer call() {
        Path db = dir.resolve("dragoman.db");
        if (!Files.isRegularFile(db)) {
            throw new IllegalArgumentException(dir
                    + " holds no run store (dragoman.db): run 'dragoman run INPUT… --batch --out " + dir + "' first.");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<StoredBatchJob> jobs;
        try (RunStore store = RunStore.open(db)) {
            jobs = store.batchJobs().all();
        }
        if (cancel) {
            return cancel(jobs, err);
        }
        if (jobs.isEmpty()) {
            out.println("No batch jobs in " + dir + ".");
            out.flush();
            return ExitCodes.OK;
        }
        PriceTable prices = models.prices();
        String format = "%-24s %-28s %-12s %8s %8s %8s %8s %10s%n";
        out.printf(Locale.ROOT, format, "JOB", "MODEL", "STATE", "REQUESTS", "ANSWERED", "ERRORED", "AGE", "COST");
        for (StoredBatchJob job : jobs) {
            String cost = prices.batchCost(job.provider(), job.model(), job.usage())
                    .map(c -> "$" + c.setScale(4, RoundingMode.HALF_UP).toPlainString())
                    .orElse("unknown");
            out.printf(
                    Locale.ROOT,
                    format,
                    job.jobId().orElse("(not submitted)"),
                    job.provider().id() + " " + job.model(),
                    job.stateLabel() + (job.fetched() || job.state().equals(StoredBatchJob.NOT_SUBMITTED) ? "" : "*"),
                    job.requests(),
                    job.succeeded(),
                    job.failed(),
                    age(Duration.between(job.createdAt(), clock.instant())),
                    job.usage().inputTokens() == 0 && !job.fetched() ? "-" : cost);
        }
        long open = jobs.stream().filter(j -> !j.fetched()).count();
        if (open > 0) {
            out.println("* still open: the next 'dragoman run … --batch --out " + dir + "' collects the replies.");
        }
        out.flush();
        return ExitCodes.OK;
    }

    private int cancel(List<StoredBatchJob> jobs, PrintWriter err) {
        List<StoredBatchJob> open =
                jobs.stream().filter(j -> !j.fetched() && j.jobId().isPresent()).toList();
        if (open.isEmpty()) {
            err.println("dragoman: no open batch job in " + dir + " to cancel.");
            err.flush();
            return ExitCodes.OK;
        }
        models.validate();
        ProviderConfig config;
        try {
            config = models.resolve(parent.environment(), parent.ollamaAnswers(), err);
        } catch (NoProviderException e) {
            err.println("dragoman: " + e.getMessage());
            err.flush();
            return ExitCodes.CONFIG;
        }
        BatchClient client = new BatchOptions().client(config);
        int failed = 0;
        for (StoredBatchJob job : open) {
            try {
                client.cancel(job.jobId().get());
                err.println("dragoman: batch job " + job.jobId().get() + ": cancelling");
            } catch (ModelFailure e) {
                failed++;
                err.println("dragoman: batch job " + job.jobId().get() + ": could not cancel: " + e.getMessage());
            }
        }
        err.flush();
        return failed == 0 ? ExitCodes.OK : ExitCodes.SOME_FAILED;
    }

    private static String age(Duration age) {
        if (age.toMinutes() < 1) {
            return age.toSeconds() + " s";
        }
        if (age.toHours() < 1) {
            return age.toMinutes() + " min";
        }
        if (age.toDays() < 1) {
            return age.toHours() + " h";
        }
        return age.toDays() + " d";
    }
}
