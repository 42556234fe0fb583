package io.dragoman.core.translate;

import java.util.Optional;

/**
 * One named rule a chunk's translation must pass before it is trusted. A reply with findings is sent back to the model
 * once with their messages; of the two replies the one whose worst finding is less severe is kept, and what it still
 * has decides the article's fate by {@link Severity}. Implementations are stateless and thread-safe.
 */
public interface TranslationCheck {

    /** How bad a finding is, from least to most; {@link #compareTo} orders them. */
    enum Severity {
        /** Form only (a stray note around the paragraphs): the translation is kept and the finding reported. */
        COSMETIC,
        /**
         * Probably wrong somewhere (a sentence left untranslated, a number, glossary term or quote lost, a sentence
         * dropped or added): the translation is kept and the article marked as needing a person's review.
         */
        DOUBTFUL,
        /**
         * No translation (not English, mostly untranslated, paragraphs missing, cut off): the article fails, and a
         * rerun asks again.
         */
        UNUSABLE
    }

    /** A short stable name, e.g. {@code numbers}; used in reports and outputs. */
    String name();

    /**
     * Checks a chunk's translation.
     *
     * @return empty when it passes, otherwise what is wrong and how bad it is
     */
    Optional<Finding> check(ChunkReply reply);
}
