package io.dragoman.core.translate;

import io.dragoman.core.lang.LanguageDetector;
import io.dragoman.core.lang.SentenceSplitter;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code language}: the translation is English, as a language detector judges the whole chunk. When it is not, each
 * sentence is judged on its own, so that a translation mostly in another language (unusable) is told from one with
 * some sentences left in it (doubtful, and named by the {@code untranslated} check).
 */
final class LanguageCheck implements TranslationCheck {

    /** Texts shorter than this are not judged: detection is unreliable on a title or a dateline alone. */
    static final int MIN_CHARS = 80;
    /** Sentences shorter than this are not judged alone, and count as the chunk's language. */
    static final int MIN_SENTENCE_CHARS = 40;
    /** A chunk whose characters are more than this share in sentences of another language is no translation. */
    static final double MOSTLY = 0.6;

    private final LanguageDetector detector;
    private final SentenceSplitter sentences;

    LanguageCheck(LanguageDetector detector, SentenceSplitter sentences) {
        this.detector = Objects.requireNonNull(detector, "detector");
        this.sentences = Objects.requireNonNull(sentences, "sentences");
    }

    @Override
    public String name() {
        return "language";
    }

    @Override
    public Optional<Finding> check(ChunkReply r) {
        String english = r.englishText();
        if (english.length() < MIN_CHARS) {
            return Optional.empty();
        }
        Optional<String> other = detector.detect(english).filter(language -> !language.equals("en"));
        if (other.isEmpty()) {
            return Optional.empty();
        }
        long total = 0;
        long foreign = 0;
        for (String sentence : sentences.split(english.replace("\n\n", " "))) {
            total += sentence.length();
            if (sentence.length() >= MIN_SENTENCE_CHARS
                    && detector.detect(sentence).filter(l -> !l.equals("en")).isPresent()) {
                foreign += sentence.length();
            }
        }
        double share = total == 0 ? 1 : (double) foreign / total;
        if (share > MOSTLY) {
            return Optional.of(Finding.of(
                    Severity.UNUSABLE,
                    "The translation is not in English: it reads as language '" + other.get() + "'."));
        }
        return Optional.of(Finding.of(
                Severity.DOUBTFUL,
                String.format(
                        Locale.ROOT,
                        "Parts of the translation are not in English: %.0f%% of it reads as language '%s'.",
                        share * 100,
                        other.get())));
    }
}
