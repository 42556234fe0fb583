package io.dragoman.core.lang;

import java.util.Optional;

/** Identifies the language of a text. Implementations are thread-safe. */
public interface LanguageDetector {

    /**
     * Returns the ISO 639-1 code of the text's language ({@code de}, {@code ru}, {@code en}; ISO 639-3 where the
     * language has no two-letter code), or empty when the text is too short or the detector is not confident.
     * Null or blank text gives empty.
     */
    Optional<String> detect(String text);
}
