package io.dragoman.core.translate;

import io.dragoman.core.lang.SentenceSplitter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@code untranslated}: a sentence of the translation was left in the source language, wholly or in part, wherever it
 * sits in its paragraph: a source sentence reproduced as it is, or nearly (its lower-case words are the source
 * sentence's), or a sentence of {@value #MIN_WORDS} words or more that reads as German by {@link SourceTraces} (its
 * German function words and the German words it copies from the source). Doubtful when some sentences are; unusable
 * when they hold most ({@value #MOSTLY}) of the chunk's words, as a reply that echoes the source does.
 */
final class UntranslatedCheck implements TranslationCheck {

    /** Sentences with fewer words are not judged alone. */
    static final int MIN_WORDS = 5;
    /** A chunk with more than this share of its words in such sentences is mostly untranslated: no translation. */
    static final double MOSTLY = 0.6;

    private final SentenceSplitter sourceSentences;
    private final SentenceSplitter englishSentences;
    private final SourceTraces traces;

    UntranslatedCheck(SentenceSplitter sourceSentences, SentenceSplitter englishSentences, SourceTraces traces) {
        this.sourceSentences = Objects.requireNonNull(sourceSentences, "sourceSentences");
        this.englishSentences = Objects.requireNonNull(englishSentences, "englishSentences");
        this.traces = Objects.requireNonNull(traces, "traces");
    }

    @Override
    public String name() {
        return "untranslated";
    }

    @Override
    public java.util.Optional<Finding> check(ChunkReply r) {
        List<String> problems = new ArrayList<>();
        List<Integer> involved = new ArrayList<>();
        long words = 0;
        long untranslated = 0;
        List<Unit> units = r.chunk().units();
        for (int i = 0; i < units.size(); i++) {
            String english = r.english(i);
            if (english.isBlank()) {
                continue;
            }
            SourceTraces.Source source =
                    traces.source(sourceSentences.split(units.get(i).text()));
            List<String> sentences = englishSentences.split(english);
            List<Integer> flagged = new ArrayList<>();
            for (int s = 0; s < sentences.size(); s++) {
                int count = SourceTraces.wordCount(sentences.get(s));
                words += count;
                if (leftInSource(sentences.get(s), count, source)) {
                    untranslated += count;
                    flagged.add(s + 1);
                }
            }
            if (!flagged.isEmpty()) {
                involved.add(i);
                problems.add("[" + r.chunk().markers().get(i) + "] " + positions(flagged, sentences.size()));
            }
        }
        if (problems.isEmpty()) {
            return java.util.Optional.empty();
        }
        Severity severity = untranslated > MOSTLY * words ? Severity.UNUSABLE : Severity.DOUBTFUL;
        return java.util.Optional.of(new Finding(
                severity,
                "These sentences are left in the source language or only partly translated: "
                        + String.join("; ", problems) + ". Translate every sentence fully into English.",
                involved));
    }

    private boolean leftInSource(String sentence, int words, SourceTraces.Source source) {
        if (traces.echoes(sentence, source)) {
            return true;
        }
        return words >= MIN_WORDS && SourceTraces.readsAsGerman(traces.signs(sentence, source), words);
    }

    /**
     * Which sentences, by number, so the message never repeats the reply's text (it goes into the repair prompt
     * outside the data blocks, where text from the article must not appear).
     */
    static String positions(List<Integer> flagged, int of) {
        if (flagged.size() == of) {
            return of == 1 ? "its sentence" : "all " + of + " sentences";
        }
        return (flagged.size() == 1 ? "sentence " : "sentences ")
                + String.join(", ", flagged.stream().map(String::valueOf).toList()) + " of " + of;
    }
}
