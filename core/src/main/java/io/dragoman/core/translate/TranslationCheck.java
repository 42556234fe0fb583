package io.dragoman.core.translate;

import java.util.Optional;

/**
 * One named rule a chunk's translation must pass before it is trusted. A failed check is sent back to the model once
 * with its reason; a check that still fails is reported on the article: as a warning, or, for a {@link
 * Severity#FAILURE} check, as the article's failure. Implementations are stateless and thread-safe.
 */
public interface TranslationCheck {

    /** How bad it is when the check still fails after the repair. */
    enum Severity {
        /** The translation is kept and the problem is reported with it. */
        WARNING,
        /** The translation cannot be used (not aligned, or incomplete): the article fails. */
        FAILURE
    }

    /** A short stable name, e.g. {@code numbers}; used in reports and outputs. */
    String name();

    /** What happens when the check still fails after one repair. */
    Severity severity();

    /**
     * Checks a chunk's translation.
     *
     * @return empty when it passes, otherwise the problem in one or two plain sentences that name the paragraph
     *     markers involved; the text is shown to the user and sent to the model in the repair request
     */
    Optional<String> check(ChunkReply reply);
}
