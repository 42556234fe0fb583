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
            ExitCodes.MODEL_JOB_HELP,
        })
final class TranslateCommand extends ModelJobCommand {
    @Override
    Stages stages() {
        return Stages.only(Stage.TRANSLATE);
    }
}
