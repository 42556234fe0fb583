package io.dragoman.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dragoman.core.article.ArticleJson;
import io.dragoman.core.article.CleanedArticle;
import io.dragoman.core.input.InputReader;
import io.dragoman.core.pipeline.ArticleFormat;
import io.dragoman.core.pipeline.CleanBatch;
import io.dragoman.core.pipeline.CleanOutcome;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.IntConsumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code dragoman clean}: strips page chrome and prints or writes the articles with their metadata. */
@Command(
        name = "clean",
        mixinStandardHelpOptions = true,
        description = {
            "Strip navigation, footers and other page chrome from scraped articles (plain text or HTML).",
            "Keeps the title, body paragraphs and metadata. Needs no model.",
        },
        footer = {
            "",
            ExitCodes.CLEAN_HELP,
        })
final class CleanCommand implements Callable<Integer> {
    @ParentCommand
    DragomanCommand parent;

    @Spec
    CommandSpec spec;

    @Mixin
    InputOptions input;

    @Option(
            names = {"-f", "--format"},
            paramLabel = "FORMAT",
            description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).",
            converter = FormatConverter.class,
            completionCandidates = FormatConverter.class,
            defaultValue = "text")
    ArticleFormat format;

    @Option(
            names = {"-o", "--out"},
            paramLabel = "DIR",
            description =
                    "Write one file per article (<id>.<format>; jsonl: articles.jsonl) into DIR instead of printing.")
    Path out;

    @Mixin
    DisplayOptions display;

    @Override
    public Integer call() throws IOException {
        PrintWriter stderr = spec.commandLine().getErr();
        if (out == null) {
            return clean(new Progress.Display(Optional.empty(), true, Progress.LOG_EVERY));
        }
        Optional<RunLock> lock;
        try {
            OutputFiles.directory(out);
            lock = RunLock.take(out, "clean", parent.environment());
        } catch (RunLock.Held e) {
            stderr.println("dragoman: " + e.getMessage());
            stderr.flush();
            return ExitCodes.USAGE;
        } catch (UncheckedIOException e) {
            return cannotWrite(e);
        }
        try {
            lock.flatMap(RunLock::takenOver).ifPresent(line -> stderr.println("dragoman: " + line));
            return clean(display.display(parent.terminal()));
        } catch (UncheckedIOException e) {
            return cannotWrite(e);
        } finally {
            lock.ifPresent(RunLock::close);
        }
    }

    private int cannotWrite(UncheckedIOException e) {
        return OutputFiles.cannotWrite(e, spec.commandLine().getErr(), input.verbose);
    }

    /** Cleans every input, printing the articles or writing them into {@code out}, with this progress display. */
    private int clean(Progress.Display shown) throws IOException {
        PrintWriter stderr = spec.commandLine().getErr();
        InputReader reader = input.reader(parent.stdin());
        CleanBatch batch = new CleanBatch(reader, parent.newCleaner(input.maxBytes));
        Sink sink = new Sink();
        CleanBatch.Totals totals;
        try (Progress progress = Progress.start(shown, false, stderr, Clock.systemUTC())) {
            IntConsumer counted = n -> {
                progress.counted(n, !input.inputs.contains("-"));
                if (!display.quiet) {
                    InputOptions.skipped(reader).forEach(progress::say);
                }
            };
            totals = batch.run(input.inputs, counted, outcome -> {
                progress.cleaned(outcome instanceof CleanOutcome.Cleaned);
                if (outcome instanceof CleanOutcome.Failed failed) {
                    progress.say("dragoman: " + failed.location() + ": " + failed.reason());
                } else {
                    sink.accept(((CleanOutcome.Cleaned) outcome).article());
                }
            });
        }
        sink.finish();
        if (totals.cleaned() + totals.failed() == 0) {
            stderr.println(input.nothingFound());
            stderr.flush();
            return ExitCodes.SOME_FAILED;
        }
        if (totals.failed() > 0) {
            stderr.printf("dragoman: %d of %d inputs failed%n", totals.failed(), totals.cleaned() + totals.failed());
            stderr.flush();
            return ExitCodes.SOME_FAILED;
        }
        return ExitCodes.OK;
    }

    /**
     * Where the cleaned articles go: printed as they come, gathered for one JSON array or one {@code articles.jsonl},
     * or written one file each.
     */
    private final class Sink {
        private final ObjectMapper mapper = ArticleJson.mapper();
        private final PrintWriter stdout = spec.commandLine().getOut();
        private final List<String> jsonl = new ArrayList<>();
        private final List<CleanedArticle> articles = new ArrayList<>();
        private int printed;

        void accept(CleanedArticle article) {
            String rendered = format.render(article, mapper);
            if (out == null) {
                if (format == ArticleFormat.JSON) {
                    articles.add(article);
                } else {
                    if (printed++ > 0 && format != ArticleFormat.JSONL) {
                        stdout.println(format == ArticleFormat.MD ? "\n---\n" : "");
                    }
                    stdout.print(rendered);
                    stdout.flush();
                }
            } else if (format == ArticleFormat.JSONL) {
                jsonl.add(rendered);
            } else {
                OutputFiles.write(out.resolve(article.id().value() + "." + format.extension()), rendered);
            }
        }

        void finish() throws IOException {
            if (out == null && format == ArticleFormat.JSON) {
                stdout.print(
                        articles.size() == 1
                                ? format.render(articles.get(0), mapper)
                                : mapper.writerWithDefaultPrettyPrinter().writeValueAsString(articles) + "\n");
            }
            if (out != null && format == ArticleFormat.JSONL) {
                OutputFiles.write(out.resolve("articles.jsonl"), String.join("", jsonl));
            }
            stdout.flush();
        }
    }
}
