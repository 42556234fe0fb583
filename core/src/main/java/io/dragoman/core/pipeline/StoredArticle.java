package io.dragoman.core.pipeline;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One article's row in the {@link RunStore}: what is known about its input, the committed result of each finished
 * stage as the caller's JSON text, and its latest failure. The store does not parse the JSON; the caller that wrote it
 * reads it back.
 *
 * @param id the article id
 * @param location the input's path or URL, when a stage recorded it (cleaning does; a failure before cleaning may not)
 * @param inputHash the hash of the input the stored results were made from, when known; a rerun whose input hashes
 *     differently redoes the article
 * @param status where the article stands
 * @param cleanedJson the cleaned article, when cleaning finished
 * @param translationJson the translation, when translation finished since the last cleaning
 * @param summaryJson the summary, when summarising finished since the last cleaning
 * @param failure the latest failure, when the latest finished attempt failed; cleared when a stage then succeeds
 * @param attempts how many attempts at this input have failed so far; not negative
 * @param updatedAt when the row last changed
 */
public record StoredArticle(
        String id,
        Optional<String> location,
        Optional<String> inputHash,
        ArticleStatus status,
        Optional<String> cleanedJson,
        Optional<String> translationJson,
        Optional<String> summaryJson,
        Optional<Failure> failure,
        int attempts,
        Instant updatedAt) {

    /** Validates that no component is null and attempts is not negative. */
    public StoredArticle {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(inputHash, "inputHash");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(cleanedJson, "cleanedJson");
        Objects.requireNonNull(translationJson, "translationJson");
        Objects.requireNonNull(summaryJson, "summaryJson");
        Objects.requireNonNull(failure, "failure");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts cannot be negative, was " + attempts);
        }
    }

    /**
     * Why an attempt failed.
     *
     * @param stage the stage it failed in
     * @param reason one line saying what went wrong
     * @param retriable true when trying again later may succeed (rate limit, timeout), false when the input or the
     *     configuration must change first
     * @param detail the caller's JSON with details for inspection (a raw reply, tokens spent), when it gave some
     */
    public record Failure(Stage stage, String reason, boolean retriable, Optional<String> detail) {
        /** Validates that no component is null. */
        public Failure {
            Objects.requireNonNull(stage, "stage");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }

        /** A failure without details. */
        public Failure(Stage stage, String reason, boolean retriable) {
            this(stage, reason, retriable, Optional.empty());
        }
    }

    /** The furthest stage whose result is stored, or empty when none is: where a resumed run picks up. */
    public Optional<Stage> lastFinished() {
        if (summaryJson.isPresent()) {
            return Optional.of(Stage.SUMMARIZE);
        }
        if (translationJson.isPresent()) {
            return Optional.of(Stage.TRANSLATE);
        }
        return cleanedJson.isPresent() ? Optional.of(Stage.CLEAN) : Optional.empty();
    }

    /**
     * True when the stored results were made from an input with this hash; false when the input changed or its hash was
     * never recorded, so the article must be redone from the start.
     */
    public boolean madeFrom(String inputHash) {
        return this.inputHash.isPresent() && this.inputHash.get().equals(inputHash);
    }
}
