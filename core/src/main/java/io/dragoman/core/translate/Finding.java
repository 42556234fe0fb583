package io.dragoman.core.translate;

import java.util.List;
import java.util.Objects;

/**
 * What one check found wrong with a chunk's reply.
 *
 * @param severity how bad it is: whether the reply can be used at all, and whether a person should look at it
 * @param message the problem in one or two plain sentences that name the paragraph markers involved; shown to the user
 *     and sent to the model in the repair request
 * @param units the positions in the chunk (0-based) of the units involved; empty when it concerns the chunk as a whole
 */
public record Finding(TranslationCheck.Severity severity, String message, List<Integer> units) {

    /** Validates and copies. */
    public Finding {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        units = List.copyOf(units);
    }

    /** A finding about the whole chunk. */
    public static Finding of(TranslationCheck.Severity severity, String message) {
        return new Finding(severity, message, List.of());
    }
}
