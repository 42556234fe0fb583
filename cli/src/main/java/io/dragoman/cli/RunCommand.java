package io.dragoman.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code dragoman run}: the main job. Cleans every input, translates every article into English and writes its
 * structured summary.
 */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Process a batch of scraped articles into DIR: clean each article, translate it into English paragraph by"
                    + " paragraph with every translation checked, and write a structured summary that validates"
                    + " against the published schema.",
        },
        footer = {
            "",
            "Writes DIR/articles.jsonl (one record per article: cleaned text, translation, summary, checks, tokens,"
                    + " cost), DIR/md/<id>.md (source and English side by side, then the summary) and"
                    + " DIR/failures.jsonl.",
            "Keys come from OPENAI_API_KEY, ANTHROPIC_API_KEY, GEMINI_API_KEY, MISTRAL_API_KEY or the config file,"
                    + " never from a flag.",
            "Exit codes: 0 all done, 1 some articles failed (listed in failures.jsonl), 2 usage error,"
                    + " 3 configuration error (no provider, rejected key, unknown model).",
        })
final class RunCommand extends ModelJobCommand {

    /** How far {@code run} goes. */
    enum Stage {
        clean,
        translate,
        summarize
    }

    @Option(
            names = "--only",
            paramLabel = "STAGE",
            description = "Only this stage after cleaning: ${COMPLETION-CANDIDATES} (clean: no model; summarize:"
                    + " straight from the source language, without translating). Default: translate and summarize.")
    Stage only;

    @Override
    ArticleJob.Stages stages() {
        if (only == null) {
            return new ArticleJob.Stages(true, true);
        }
        return switch (only) {
            case clean -> ArticleJob.Stages.CLEAN_ONLY;
            case translate -> new ArticleJob.Stages(true, false);
            case summarize -> new ArticleJob.Stages(false, true);
        };
    }
}
