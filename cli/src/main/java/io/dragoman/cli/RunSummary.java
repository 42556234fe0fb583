package io.dragoman.cli;

import io.dragoman.core.article.Stage;
import io.dragoman.core.article.Stages;
import io.dragoman.core.llm.ProviderInfo;
import io.dragoman.core.llm.Spent;
import io.dragoman.core.pipeline.ArticleOutcome;
import io.dragoman.core.pipeline.RunReport;
import io.dragoman.core.pipeline.RunResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The lines that end a batch run on the terminal: what it did, what it paid, what needs a person. */
final class RunSummary {

    private final InputOptions input;
    private final ModelOptions models;
    private final Path out;
    private final Stages stages;
    private final boolean quiet;
    private final PrintWriter stdout;
    private final PrintWriter stderr;

    RunSummary(
            InputOptions input,
            ModelOptions models,
            Path out,
            Stages stages,
            boolean quiet,
            PrintWriter stdout,
            PrintWriter stderr) {
        this.input = input;
        this.models = models;
        this.out = out;
        this.stages = stages;
        this.quiet = quiet;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /** Whether the run went through all its inputs and they held no article: the command ends with exit code 1. */
    static boolean foundNothing(RunResult r) {
        return Inputs.reached(r) == 0 && r.stop() == RunResult.Stop.COMPLETED;
    }

    /**
     * How many inputs a run was given, as far as the counting pass before it knows.
     *
     * @param counted the inputs it counted
     * @param all true when that is all of them; false when standard input was read too, so there may be more
     */
    record Inputs(int counted, boolean all) {

        /** The number of articles the run was given: every input reached, and those counted but not reached. */
        int total(RunResult r) {
            return Math.max(counted, reached(r));
        }

        /** The total as the lines say it: {@code ≥ N} when inputs were not all counted and not all reached. */
        String said(RunResult r) {
            boolean known = all || r.stop() == RunResult.Stop.COMPLETED;
            return (known ? "" : "≥ ") + total(r);
        }

        static int reached(RunResult r) {
            return r.done() + r.failed() + r.skipped() + r.deferred();
        }
    }

    /**
     * Prints the end of a run: what was done of how many, usage and checks, the reviewer's findings, what the cache
     * answered, what was skipped or failed, and what was not reached.
     *
     * @param inputs how many inputs the run was given
     * @param configError why no model could be used, when none could
     */
    void print(RunResult r, Inputs inputs, Optional<ProviderInfo> provider, String configError) {
        String total = inputs.said(r);
        if (foundNothing(r)) {
            stderr.println(input.nothingFound());
            stderr.flush();
        }
        if (quiet) {
            return;
        }
        RunResult.Work work = r.work();
        int cleanFailed = work.failedAt(Stage.CLEAN);
        if (!stages.anyModel()) {
            stdout.printf(
                    "Cleaned %d of %s articles into %s (articles.jsonl, md/, site/index.html)%s%n",
                    r.done() + r.skipped(),
                    total,
                    out,
                    cleanFailed > 0 ? "; " + cleanFailed + " failed, listed in failures.jsonl" : ".");
        } else {
            String model = provider.map(p -> " with " + p.kind().id() + " " + p.model())
                    .orElse("");
            List<String> done = new ArrayList<>();
            if (stages.translate()) {
                done.add("Translated " + work.translated());
            }
            if (stages.summarize()) {
                done.add((done.isEmpty() ? "Summarized " : "summarized ") + work.summarized());
            }
            stdout.printf(
                    "%s of %s articles into %s%s (articles.jsonl, md/, report.md, site/index.html).%n",
                    String.join(" and ", done), total, out, model);
            breakdown(r, inputs);
            if (r.calls() > 0) {
                stdout.printf(
                        Locale.ROOT,
                        "Usage: %d calls, %,d input%s and %,d output tokens, %s. Checks: %d repaired, %d re-asked,"
                                + " %d warnings.%n",
                        r.calls(),
                        r.usage().inputTokens(),
                        RunReport.cached(r.usage().cachedInputTokens()),
                        r.usage().outputTokens(),
                        r.cost()
                                .map(c -> "$" + c.stripTrailingZeros().toPlainString())
                                .orElse("cost unknown (model not in the price table)"),
                        work.repaired(),
                        work.reasked(),
                        work.warnings());
            }
            models.plannedReviewer()
                    .filter(reviewer -> stages.translate())
                    .ifPresent(reviewer -> stdout.printf(
                            "Reviewed by %s %s: findings on %d of %d translations (sent back once; what remained is"
                                    + " left for review).%n",
                            reviewer.kind().id(), reviewer.model(), work.reviewFindings(), work.translated()));
            if (r.replayed() > 0) {
                stdout.printf(
                        "%d %s answered from the call cache in %s (not paid again).%n",
                        r.replayed(), r.replayed() == 1 ? "call" : "calls", out.resolve("dragoman.db"));
            }
            if (r.skipped() > 0) {
                stdout.printf("%d already done by an earlier run into %s (skipped).%n", r.skipped(), out);
            }
            int notReached = notReached(r, inputs);
            if (notReached > 0) {
                stdout.printf("%d not reached; rerun the same command to go on.%n", notReached);
            }
            if (r.failed() > 0) {
                stdout.printf(
                        "%d failed (%d cleaning, %d translation, %d summary), listed in failures.jsonl.%n",
                        r.failed(), cleanFailed, work.failedAt(Stage.TRANSLATE), work.failedAt(Stage.SUMMARIZE));
            }
            long notProcessed = configError != null ? r.done() : r.deferred();
            if (notProcessed > 0) {
                stdout.printf("%d cleaned but not processed by a model.%n", notProcessed);
            }
        }
        stdout.flush();
    }

    /**
     * One line that accounts for every input when the run did more than finish them all now: done now, done before,
     * failed, needing review, not reached.
     */
    private void breakdown(RunResult r, Inputs inputs) {
        int needsReview = r.work().needsReview();
        int doneNow = r.done() - needsReview;
        int notReached = notReached(r, inputs);
        if (doneNow == inputs.total(r)) {
            return;
        }
        stdout.printf(
                "Of %s: %d done now, %d done before, %d failed, %d %s review, %d not reached.%n",
                inputs.said(r),
                doneNow,
                r.skipped(),
                r.failed(),
                needsReview,
                needsReview == 1 ? "needs" : "need",
                notReached);
    }

    /**
     * The inputs no model finished or failed in this run nor before: never taken, or taken and left pending (cleaned,
     * then the run stopped; a call abandoned at a stop).
     */
    private static int notReached(RunResult r, Inputs inputs) {
        return inputs.total(r) - r.done() - r.skipped() - r.failed();
    }

    /** Says how many articles wait for a person's review, and what to do about them. */
    void needingReview(long n) {
        if (quiet || n == 0) {
            return;
        }
        stdout.printf(
                "%d %s review: the checks found doubtful passages (paragraphs listed in report.md and at the top"
                        + " of each md/ page); rerun with --retry-review, or --accept-review ID to accept one.%n",
                n, n == 1 ? "needs" : "need");
        stdout.flush();
    }

    /** The calls, tokens and cost an article's records say it took, and its warnings. */
    static String describe(ArticleOutcome.Done done) {
        Spent recorded = done.recorded();
        int warnings = done.warnings();
        return String.format(
                Locale.ROOT,
                "%d %s, %,d + %,d tokens%s%s",
                recorded.calls(),
                recorded.calls() == 1 ? "call" : "calls",
                recorded.usage().inputTokens(),
                recorded.usage().outputTokens(),
                recorded.cost()
                        .map(c -> ", $" + c.stripTrailingZeros().toPlainString())
                        .orElse(""),
                warnings == 0 ? "" : ", " + warnings + (warnings == 1 ? " warning" : " warnings"));
    }
}
