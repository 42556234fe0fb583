package io.dragoman.core.translate;

import io.dragoman.core.lang.LanguageDetector;
import java.util.Objects;
import java.util.Optional;

/** {@code language}: the translation is English, as a language detector judges the whole chunk. */
final class LanguageCheck implements TranslationCheck {

    /** Texts shorter than this are not judged: detection is unreliable on a title or a dateline alone. */
    static final int MIN_CHARS = 80;

    private final LanguageDetector detector;

    LanguageCheck(LanguageDetector detector) {
        this.detector = Objects.requireNonNull(detector, "detector");
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
        return detector.detect(english)
                .filter(language -> !language.equals("en"))
                .map(language -> Finding.of(
                        Severity.UNUSABLE,
                        "The translation is not in English: it reads as language '" + language + "'."));
    }
}
