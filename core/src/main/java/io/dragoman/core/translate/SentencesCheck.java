package io.dragoman.core.translate;

import io.dragoman.core.lang.SentenceSplitter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code sentences}: every sentence of a paragraph has its translation, and the translation adds none. The sentences
 * of source and translation are aligned by length ({@link SentenceAlignment}), so that a translator's merged or split
 * sentences pass; a source sentence left without counterpart, an English sentence without source, or a group of
 * sentences whose translation is far shorter or longer than they are is a sentence probably dropped or added, even
 * when the paragraph as a whole stays within the length ratio.
 */
final class SentencesCheck implements TranslationCheck {

    /** Paragraphs shorter than this are not judged: one sentence more or less is within their variation. */
    static final int MIN_PARAGRAPH_CHARS = 120;
    /** A sentence without counterpart is reported from this length on. */
    static final int MIN_SENTENCE_CHARS = 40;
    /** A bead of this many characters or more is judged by its length ratio. */
    static final int MIN_BEAD_CHARS = 60;

    static final double MIN_RATIO = 0.5;
    static final double MAX_RATIO = 2.0;
    /**
     * A merged or split bead (2–1, 1–2, …) is a translator's choice only when its length stays close to the usual
     * ratio ({@link SentenceAlignment#RATIO}); beyond these bounds, relative to it, a sentence was probably dropped
     * or added. A split sentence gains words (a subject, a connective: good splits measured up to 1.31), a merged
     * one loses some, so the bounds lean that way.
     */
    static final double SPLIT_MAX = 1.4;

    static final double MERGE_MIN = 0.65;
    /** The bounds of a bead that is neither split nor merged, such as 2–2. */
    static final double REGROUPED_MIN = 0.7;

    static final double REGROUPED_MAX = 1.3;

    private final SentenceSplitter sourceSentences;
    private final SentenceSplitter englishSentences;

    SentencesCheck(SentenceSplitter sourceSentences, SentenceSplitter englishSentences) {
        this.sourceSentences = Objects.requireNonNull(sourceSentences, "sourceSentences");
        this.englishSentences = Objects.requireNonNull(englishSentences, "englishSentences");
    }

    @Override
    public String name() {
        return "sentences";
    }

    @Override
    public Optional<Finding> check(ChunkReply r) {
        List<String> problems = new ArrayList<>();
        List<Integer> involved = new ArrayList<>();
        List<Unit> units = r.chunk().units();
        for (int i = 0; i < units.size(); i++) {
            String source = units.get(i).text();
            String english = r.english(i);
            if (units.get(i).kind() != Unit.Kind.BODY || english.isBlank() || source.length() < MIN_PARAGRAPH_CHARS) {
                continue;
            }
            List<String> from = sourceSentences.split(source);
            List<String> to = englishSentences.split(english);
            Optional<String> problem = problem(from, to);
            if (problem.isPresent()) {
                involved.add(i);
                problems.add("[" + r.chunk().markers().get(i) + "] " + problem.get());
            }
        }
        if (problems.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Finding(
                Severity.DOUBTFUL,
                "Sentences seem to be left out or added: " + String.join("; ", problems)
                        + ". Translate every sentence of the source, and add none.",
                involved));
    }

    /** What the alignment of one paragraph's sentences cannot explain, if anything. */
    static Optional<String> problem(List<String> source, List<String> english) {
        for (SentenceAlignment.Bead b : SentenceAlignment.align(lengths(source), lengths(english))) {
            if (b.targetCount() == 0 && b.sourceChars() >= MIN_SENTENCE_CHARS) {
                return Optional.of(
                        "source sentence " + (b.sourceFrom() + 1) + " of " + source.size() + " has no translation");
            }
            if (b.sourceCount() == 0 && b.targetChars() >= MIN_SENTENCE_CHARS) {
                return Optional.of("sentence " + (b.targetFrom() + 1) + " of the translation has no source");
            }
            if (b.sourceCount() == 0 || b.targetCount() == 0) {
                continue;
            }
            double ratio = (double) b.targetChars() / b.sourceChars();
            double relative = ratio / SentenceAlignment.RATIO;
            double min;
            double max;
            if (b.sourceCount() == 1 && b.targetCount() == 1) {
                min = MIN_RATIO / SentenceAlignment.RATIO;
                max = MAX_RATIO / SentenceAlignment.RATIO;
            } else if (b.sourceCount() < b.targetCount()) {
                min = REGROUPED_MIN;
                max = SPLIT_MAX;
            } else if (b.sourceCount() > b.targetCount()) {
                min = MERGE_MIN;
                max = REGROUPED_MAX;
            } else {
                min = REGROUPED_MIN;
                max = REGROUPED_MAX;
            }
            if (b.sourceChars() >= MIN_BEAD_CHARS && relative < min) {
                return Optional.of(String.format(
                        Locale.ROOT,
                        "the translation of %s is only %.2f times as long: text may be left out",
                        sentences(b, source.size()),
                        ratio));
            }
            if (b.targetChars() >= MIN_BEAD_CHARS && relative > max) {
                return Optional.of(String.format(
                        Locale.ROOT,
                        "the translation of %s is %.2f times as long: text may be added",
                        sentences(b, source.size()),
                        ratio));
            }
        }
        return Optional.empty();
    }

    private static int[] lengths(List<String> sentences) {
        return sentences.stream().mapToInt(String::length).toArray();
    }

    /** The source sentences of a bead by number (the message never repeats the article's text). */
    private static String sentences(SentenceAlignment.Bead b, int of) {
        return b.sourceCount() == 1
                ? "source sentence " + (b.sourceFrom() + 1) + " of " + of
                : "source sentences " + (b.sourceFrom() + 1) + "–" + b.sourceTo() + " of " + of;
    }
}
