package io.dragoman.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code dragoman run}: the main job. Cleans every input and translates every article into English. */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Process a batch of scraped articles into DIR: clean each article and translate it into English,"
                    + " paragraph by paragraph, with every translation checked.",
        },
        footer = {
            "",
            "Writes DIR/articles.jsonl (one record per article), DIR/md/<id>.md (source and English side by side) and"
                    + " DIR/failures.jsonl.",
            "Keys come from OPENAI_API_KEY, ANTHROPIC_API_KEY, GEMINI_API_KEY, MISTRAL_API_KEY or the config file,"
                    + " never from a flag.",
            "Exit codes: 0 all done, 1 some articles failed (listed in failures.jsonl), 2 usage error,"
                    + " 3 configuration error (no provider, rejected key, unknown model).",
        })
final class RunCommand implements Callable<Integer> {

    /** How far {@code run} goes. */
    enum Stage {
        clean,
        translate
    }

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
            names = "--only",
            paramLabel = "STAGE",
            description = "Stop after this stage: ${COMPLETION-CANDIDATES} (default: all stages).")
    Stage only;

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
                        only != Stage.clean,
                        quiet,
                        spec.commandLine().getOut(),
                        spec.commandLine().getErr())
                .run();
    }
}
