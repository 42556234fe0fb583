package io.dragoman.core.translate;

import io.dragoman.core.lang.LanguageDetector;
import io.dragoman.core.lang.OpenNlpSentenceSplitter;
import io.dragoman.core.lang.SentenceSplitter;
import java.util.List;

/** The standard set of {@link TranslationCheck}s, in the order they are run and reported. */
public final class TranslationChecks {

    private TranslationChecks() {}

    /**
     * Every built-in check: {@code truncated}, {@code paragraph-count}, {@code preamble}, {@code length-ratio},
     * {@code sentences}, {@code numbers}, {@code glossary}, {@code quotes}, {@code language}, {@code untranslated},
     * splitting sentences with OpenNLP's German and English models.
     *
     * @param detector identifies the language of the translation
     */
    public static List<TranslationCheck> standard(LanguageDetector detector) {
        return standard(detector, OpenNlpSentenceSplitter.german(), OpenNlpSentenceSplitter.english());
    }

    /**
     * Every built-in check, with the given sentence splitters.
     *
     * @param detector identifies the language of the translation
     * @param source splits the source's sentences (German)
     * @param english splits the translation's sentences
     */
    public static List<TranslationCheck> standard(
            LanguageDetector detector, SentenceSplitter source, SentenceSplitter english) {
        return List.of(
                new TruncationCheck(),
                new ParagraphCountCheck(),
                new PreambleCheck(),
                new LengthRatioCheck(),
                new SentencesCheck(source, english),
                new NumbersCheck(),
                new GlossaryCheck(),
                new QuotesCheck(),
                new LanguageCheck(detector, english),
                new UntranslatedCheck(source, english, SourceTraces.german()));
    }
}
