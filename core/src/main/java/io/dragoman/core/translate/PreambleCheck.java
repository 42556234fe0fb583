package io.dragoman.core.translate;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code preamble}: the reply holds only the translation: no text outside the marked paragraphs ("Here is the
 * translation:", a closing note, a Markdown fence) and no comment opening or closing a paragraph.
 */
final class PreambleCheck implements TranslationCheck {

    private static final Pattern OPENING = Pattern.compile(
            "^(?:here(?:'s| is| are)\\b|sure[,!.]|certainly[,!.]|of course[,!.]|translation\\s*:|english translation\\s*:|below is\\b|i have translated\\b)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CLOSING = Pattern.compile(
            "[(\\[]\\s*(?:note|translator'?s note|n\\.b\\.|translation note)\\s*:[^)\\]]*[)\\]]\\s*$",
            Pattern.CASE_INSENSITIVE);

    @Override
    public String name() {
        return "preamble";
    }

    @Override
    public Optional<Finding> check(ChunkReply r) {
        if (!r.reply().outside().isEmpty()) {
            String first = r.reply().outside().get(0);
            return Optional.of(Finding.of(
                    Severity.COSMETIC,
                    "The reply has text outside the marked paragraphs, such as \""
                            + (first.length() > 60 ? first.substring(0, 60) + "…" : first)
                            + "\". Answer with the marked paragraphs only."));
        }
        for (int i = 0; i < r.chunk().units().size(); i++) {
            String english = r.english(i).strip();
            if (OPENING.matcher(english).find()
                    && !OPENING.matcher(r.chunk().units().get(i).text().strip()).find()) {
                return Optional.of(
                        Finding.of(
                                Severity.COSMETIC,
                                "Paragraph [" + r.chunk().markers().get(i)
                                        + "] opens with a comment instead of the translation. Answer with the translation only."));
            }
            if (CLOSING.matcher(english).find()) {
                return Optional.of(Finding.of(
                        Severity.COSMETIC,
                        "Paragraph [" + r.chunk().markers().get(i)
                                + "] ends with a note of your own. Answer with the translation only."));
            }
        }
        return Optional.empty();
    }
}
