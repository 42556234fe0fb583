package io.dragoman.cli;

import io.dragoman.core.article.Stage;
import io.dragoman.core.article.Stages;
import picocli.CommandLine.Command;

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
            "Exit codes: 0 all translated, 1 some articles failed (listed in failures.jsonl), 2 usage error or DIR in"
                    + " use by another run, 3 configuration error (no provider, rejected key, unknown model),"
                    + " 4 cost budget reached, 5 the store or an output file could not be written, 130 interrupted"
                    + " (Ctrl-C), 143 terminated (SIGTERM); all but 2 resume with the same command.",
        })
final class TranslateCommand extends ModelJobCommand {
    @Override
    Stages stages() {
        return Stages.only(Stage.TRANSLATE);
    }
}
