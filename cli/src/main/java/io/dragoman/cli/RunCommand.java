package io.dragoman.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dragoman.core.article.ArticleJson;
import io.dragoman.core.article.CleanedArticle;
import io.dragoman.core.input.InputReader;
import io.dragoman.core.pipeline.ArticleFormat;
import io.dragoman.core.pipeline.CleanBatch;
import io.dragoman.core.pipeline.CleanOutcome;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code dragoman run}: the main job. Today it cleans every input and writes the results; translation and summaries
 * are added to the same run when model providers arrive.
 */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = {"Process a batch of scraped articles into DIR: clean each article and write the results."},
        footer = {
            "",
            "Writes DIR/articles.jsonl (one record per article), DIR/md/<id>.md and DIR/failures.jsonl.",
            "Exit codes: 0 all done, 1 some inputs failed (listed in failures.jsonl), 2 usage error.",
        })
final class RunCommand implements Callable<Integer> {
    static final String MODEL_NOTE = "Translation and summaries need a model provider (set OPENAI_API_KEY,"
            + " ANTHROPIC_API_KEY, GEMINI_API_KEY or MISTRAL_API_KEY, or run Ollama on localhost:11434);"
            + " this version does not call models yet, so only cleaning was done.";

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

    @Option(
            names = {"-q", "--quiet"},
            description = "Print only errors.")
    boolean quiet;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        OutputFiles.directory(out);
        OutputFiles.directory(out.resolve("md"));
        ObjectMapper mapper = ArticleJson.mapper();
        StringBuilder articles = new StringBuilder();
        StringBuilder failures = new StringBuilder();
        CleanBatch batch =
                new CleanBatch(new InputReader(input.maxBytes, parent.stdin()), parent.newCleaner(input.maxBytes));
        CleanBatch.Totals totals = batch.run(input.inputs, outcome -> {
            if (outcome instanceof CleanOutcome.Failed failed) {
                stderr.println("dragoman: " + failed.location() + ": " + failed.reason());
                stderr.flush();
                ObjectNode record = mapper.createObjectNode();
                record.put("location", failed.location());
                record.put("stage", "clean");
                record.put("reason", failed.reason());
                failures.append(record).append('\n');
                return;
            }
            CleanedArticle article = ((CleanOutcome.Cleaned) outcome).article();
            ObjectNode record = mapper.valueToTree(article);
            record.put("status", "cleaned");
            articles.append(record).append('\n');
            OutputFiles.write(
                    out.resolve("md").resolve(article.id().value() + ".md"), ArticleFormat.MD.render(article, mapper));
        });
        OutputFiles.write(out.resolve("articles.jsonl"), articles.toString());
        OutputFiles.write(out.resolve("failures.jsonl"), failures.toString());
        if (!quiet) {
            stdout.printf(
                    "Cleaned %d of %d articles into %s (articles.jsonl, md/)%s%n",
                    totals.cleaned(),
                    totals.cleaned() + totals.failed(),
                    out,
                    totals.failed() > 0 ? "; " + totals.failed() + " failed, listed in failures.jsonl" : ".");
            stdout.println(MODEL_NOTE);
        }
        stdout.flush();
        stderr.flush();
        return totals.failed() > 0 ? ExitCodes.SOME_FAILED : ExitCodes.OK;
    }
}
