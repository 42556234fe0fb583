package io.dragoman.cli;

import io.dragoman.core.article.Stage;
import io.dragoman.core.article.Stages;
import picocli.CommandLine.Command;

/** {@code dragoman summarize}: cleans articles and writes their structured summaries, without translating. */
@Command(
        name = "summarize",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Clean scraped articles and write a structured English summary of each, straight from the source language:"
                    + " headline, summary, key points, people, organisations, locations, quotes, topics, valid against"
                    + " the published schema (prompts/summary/schema.json).",
        },
        footer = {
            "",
            "Writes DIR/articles.jsonl (with a summary record per article), DIR/md/<id>.md and DIR/failures.jsonl.",
            ExitCodes.MODEL_JOB_HELP,
        })
final class SummarizeCommand extends ModelJobCommand {
    @Override
    Stages stages() {
        return Stages.only(Stage.SUMMARIZE);
    }
}
