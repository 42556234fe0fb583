package io.dragoman.core.translate;

import io.dragoman.core.llm.FinishReason;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code truncated}: the model ran out of output tokens, or its last body paragraph stops mid-sentence where the
 * source's ends a sentence. A truncated chunk is split in two rather than repaired.
 */
final class TruncationCheck implements TranslationCheck {

    /** Ends like a sentence: terminal punctuation, optionally followed by closing quotes or brackets. */
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?…:;][\\s\"'“”„«»‘’)\\]]*$|[\"“”»’)]\\s*$");

    @Override
    public String name() {
        return "truncated";
    }

    @Override
    public Optional<Finding> check(ChunkReply r) {
        if (r.finishReason() == FinishReason.LENGTH) {
            return Optional.of(
                    Finding.of(Severity.UNUSABLE, "The reply was cut off: the model reached its output limit."));
        }
        List<Unit> units = r.chunk().units();
        int last = units.size() - 1;
        while (last >= 0 && r.english(last).isBlank()) {
            last--;
        }
        if (last < 0 || units.get(last).kind() != Unit.Kind.BODY) {
            return Optional.empty(); // nothing to judge here; the paragraph-count check reports missing paragraphs
        }
        String english = r.english(last).strip();
        if (SENTENCE_END.matcher(units.get(last).text().strip()).find()
                && !SENTENCE_END.matcher(english).find()) {
            return Optional.of(Finding.of(
                    Severity.UNUSABLE,
                    "Paragraph [" + r.chunk().markers().get(last) + "] stops mid-sentence: \"…"
                            + english.substring(Math.max(0, english.length() - 40)) + "\""
                            + (last < units.size() - 1 ? " and the reply ends there." : ".")));
        }
        return Optional.empty();
    }
}
