package io.dragoman.core.pipeline;

import java.util.Objects;
import java.util.Optional;

/**
 * A failed attempt at an article, as it is recorded.
 *
 * @param id the article id
 * @param stage the stage that failed
 * @param reason one line saying what went wrong, without secrets
 * @param retriable true when a rerun may succeed without changes
 * @param location the input's path or URL, when the failure comes before cleaning recorded it
 * @param inputHash the hash of the input, when the failure comes before cleaning recorded it
 * @param detail details for inspection as JSON (what was spent, the checks, the raw reply), when there are any
 */
public record FailureRecord(
        String id,
        Stage stage,
        String reason,
        boolean retriable,
        Optional<String> location,
        Optional<String> inputHash,
        Optional<String> detail) {

    /** Validates that nothing is null. */
    public FailureRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(inputHash, "inputHash");
        Objects.requireNonNull(detail, "detail");
    }

    /** A failure to read or clean an input: no model was asked, the input is recorded. */
    public static FailureRecord cleaning(String id, String location, String inputHash, String reason) {
        return new FailureRecord(
                id, Stage.CLEAN, reason, false, Optional.of(location), Optional.of(inputHash), Optional.empty());
    }
}
