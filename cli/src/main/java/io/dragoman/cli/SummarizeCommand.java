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
            "Exit codes: 0 all summarised, 1 some articles failed (listed in failures.jsonl), 2 usage error or DIR in"
                    + " use by another run, 3 configuration error (no provider, rejected key, unknown model),"
                    + " 4 cost budget reached, 5 the store or an output file could not be written, 130 interrupted"
                    + " (Ctrl-C), 143 terminated (SIGTERM); all but 2 resume with the same command.",
        })
final class SummarizeCommand extends ModelJobCommand {
    @Override
    Stages stages() {
        return Stages.only(Stage.SUMMARIZE);
    }
}
