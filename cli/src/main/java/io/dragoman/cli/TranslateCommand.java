package io.dragoman.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code dragoman translate}: cleans and translates articles into English, without the later stages. */
@Command(
        name = "translate",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Clean scraped articles and translate them into English, paragraph by paragraph, with every translation"
                    + " checked (truncation, paragraph count, length, numbers, glossary, language, untranslated text,"
                    + " preamble).",
        },
        footer = {
            "",
            "Writes DIR/articles.jsonl, DIR/md/<id>.md (source and English side by side) and DIR/failures.jsonl.",
            "Exit codes: 0 all translated, 1 some articles failed (listed in failures.jsonl), 2 usage error,"
                    + " 3 configuration error (no provider, rejected key, unknown model).",
        })
final class TranslateCommand implements Callable<Integer> {
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

    @Override
    public Integer call() {
        return new ArticleJob(
                        parent,
                        input,
                        models,
                        out,
                        true,
                        quiet,
                        spec.commandLine().getOut(),
                        spec.commandLine().getErr())
                .run();
    }
}
