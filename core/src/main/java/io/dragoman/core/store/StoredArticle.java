package io.dragoman.core.store;

import io.dragoman.core.article.ArticleId;
import io.dragoman.core.article.ArticleStatus;
import io.dragoman.core.article.CleanedArticle;
import io.dragoman.core.article.Review;
import io.dragoman.core.article.Stage;
import io.dragoman.core.summary.Summary;
import io.dragoman.core.translate.Translation;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One article's row in the {@link ArticleTable}: what is known about its input, the committed result of each finished
 * stage, and its latest failure.
 *
 * <p>Each stage's result is read from its JSON the first time it is asked for and kept from then on, so that a walk
 * over every article that needs only the statuses or the summaries (the report, {@code failures.jsonl}, a rerun
 * deciding what to skip) never parses the cleaned articles; {@link #holds(Stage)} says what is stored without parsing
 * anything. That is why this is a class and not a record. Thread-safe; not usable as a map key (identity equality).
 */
public final class StoredArticle {

    private final ArticleId id;
    private final Optional<String> location;
    private final Optional<String> inputHash;
    private final ArticleStatus status;
    private final Parsed<CleanedArticle> cleaned;
    private final Parsed<Translation> translation;
    private final Parsed<Summary> summary;
    private final Optional<StoredFailure> failure;
    private final int attempts;
    private final Instant updatedAt;
    private final Review review;

    /**
     * A row as the table read it.
     *
     * @param cleanedJson the cleaned article's JSON, or null when cleaning has not finished
     * @param translationJson the translation's JSON, or null when translation has not finished since the last cleaning
     * @param summaryJson the summary's JSON, or null when summarising has not finished since the last cleaning
     */
    StoredArticle(
            ArticleId id,
            Optional<String> location,
            Optional<String> inputHash,
            ArticleStatus status,
            StoredJson json,
            String cleanedJson,
            String translationJson,
            String summaryJson,
            Optional<StoredFailure> failure,
            int attempts,
            Instant updatedAt,
            Review review) {
        this.id = Objects.requireNonNull(id, "id");
        this.location = Objects.requireNonNull(location, "location");
        this.inputHash = Objects.requireNonNull(inputHash, "inputHash");
        this.status = Objects.requireNonNull(status, "status");
        this.cleaned = new Parsed<>(cleanedJson, json::cleaned);
        this.translation = new Parsed<>(translationJson, json::translation);
        this.summary = new Parsed<>(summaryJson, json::summary);
        this.failure = Objects.requireNonNull(failure, "failure");
        this.attempts = attempts;
        this.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt");
        this.review = Objects.requireNonNull(review, "review");
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts cannot be negative, was " + attempts);
        }
    }

    /** The article id. */
    public ArticleId id() {
        return id;
    }

    /** The input's path or URL, when a stage recorded it (cleaning does; a failure before cleaning may not). */
    public Optional<String> location() {
        return location;
    }

    /**
     * The hash of the input the stored results were made from, when known; a rerun whose input hashes differently
     * redoes the article.
     */
    public Optional<String> inputHash() {
        return inputHash;
    }

    /** Where the article stands. */
    public ArticleStatus status() {
        return status;
    }

    /** Whether a person should review the stored translation, or accepted it. */
    public Review review() {
        return review;
    }

    /** True when the article is not failed and its translation waits for a person's review. */
    public boolean needsReview() {
        return review == Review.NEEDS_REVIEW && status != ArticleStatus.FAILED;
    }

    /**
     * The status users see: {@code needs-review} for an article waiting for review, otherwise the status in lower
     * case ({@code summarized}, {@code failed}, …).
     */
    public String statusLabel() {
        return needsReview() ? review.label() : status.name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * The cleaned article, when cleaning finished.
     *
     * @throws RunStoreException when the stored JSON cannot be read back
     */
    public Optional<CleanedArticle> cleaned() {
        return cleaned.get();
    }

    /**
     * The translation, when translation finished since the last cleaning.
     *
     * @throws RunStoreException when the stored JSON cannot be read back
     */
    public Optional<Translation> translation() {
        return translation.get();
    }

    /**
     * The summary, when summarising finished since the last cleaning.
     *
     * @throws RunStoreException when the stored JSON cannot be read back
     */
    public Optional<Summary> summary() {
        return summary.get();
    }

    /** The latest failure, when the latest finished attempt failed; cleared when a stage then succeeds. */
    public Optional<StoredFailure> failure() {
        return failure;
    }

    /** How many attempts at this input have failed so far; not negative. */
    public int attempts() {
        return attempts;
    }

    /** When the row last changed. */
    public Instant updatedAt() {
        return updatedAt;
    }

    /** True when the result of {@code stage} is stored; reads no JSON. */
    public boolean holds(Stage stage) {
        return switch (stage) {
            case CLEAN -> cleaned.present();
            case TRANSLATE -> translation.present();
            case SUMMARIZE -> summary.present();
        };
    }

    /** The furthest stage whose result is stored, or empty when none is: where a resumed run picks up. */
    public Optional<Stage> lastFinished() {
        if (holds(Stage.SUMMARIZE)) {
            return Optional.of(Stage.SUMMARIZE);
        }
        if (holds(Stage.TRANSLATE)) {
            return Optional.of(Stage.TRANSLATE);
        }
        return holds(Stage.CLEAN) ? Optional.of(Stage.CLEAN) : Optional.empty();
    }

    /**
     * True when the stored results were made from an input with this hash; false when the input changed or its hash was
     * never recorded, so the article must be redone from the start.
     */
    public boolean madeFrom(String inputHash) {
        return this.inputHash.isPresent() && this.inputHash.get().equals(inputHash);
    }

    @Override
    public String toString() {
        return "StoredArticle[id=" + id + ", status=" + status + ", stored="
                + lastFinished().orElse(null) + ", failure=" + failure.orElse(null) + ", attempts=" + attempts
                + ", updatedAt=" + updatedAt + "]";
    }

    /** A stage's result: its JSON until first asked for, then the value read from it. */
    private static final class Parsed<T> {
        private final boolean stored;
        private final Function<String, T> read;
        private String json; // guarded by this; null once read
        private T value; // guarded by this; null until read

        Parsed(String json, Function<String, T> read) {
            this.stored = json != null;
            this.json = json;
            this.read = read;
        }

        boolean present() {
            return stored;
        }

        synchronized Optional<T> get() {
            if (!stored) {
                return Optional.empty();
            }
            if (value == null) {
                value = read.apply(json);
                json = null;
            }
            return Optional.of(value);
        }
    }
}
