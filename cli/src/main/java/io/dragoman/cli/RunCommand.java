package io.dragoman.cli;

import io.dragoman.core.article.Stage;
import io.dragoman.core.article.Stages;
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
            ExitCodes.MODEL_JOB_HELP,
        })
final class RunCommand extends ModelJobCommand {

    @Option(
            names = "--only",
            paramLabel = "STAGE",
            converter = StageOption.class,
            completionCandidates = StageOption.class,
            description = "Only this stage after cleaning: ${COMPLETION-CANDIDATES} (clean: no model; summarize:"
                    + " straight from the source language, without translating). Default: translate and summarize.")
    Stage only;

    @Override
    Stages stages() {
        return only == null ? Stages.ALL : Stages.only(only);
    }
}
