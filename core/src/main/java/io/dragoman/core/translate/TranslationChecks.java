package io.dragoman.core.translate;

import io.dragoman.core.lang.LanguageDetector;
import java.util.List;

/** The standard set of {@link TranslationCheck}s, in the order they are run and reported. */
public final class TranslationChecks {

    private TranslationChecks() {}

    /**
     * Every built-in check: {@code truncated}, {@code paragraph-count}, {@code preamble}, {@code length-ratio},
     * {@code numbers}, {@code glossary}, {@code language}, {@code untranslated}.
     *
     * @param detector identifies the language of the translation
     */
    public static List<TranslationCheck> standard(LanguageDetector detector) {
        return List.of(
                new TruncationCheck(),
                new ParagraphCountCheck(),
                new PreambleCheck(),
                new LengthRatioCheck(),
                new NumbersCheck(),
                new GlossaryCheck(),
                new LanguageCheck(detector),
                new UntranslatedCheck());
    }
}
