package io.dragoman.core.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dragoman.core.article.Stage;
import java.util.Objects;
import java.util.Optional;

/**
 * A failed attempt at an article, as {@link ArticleTable#saveFailure} records it and {@link StoredArticle#failure()}
 * gives it back.
 *
 * @param stage the stage it failed in
 * @param reason one line saying what went wrong, without secrets
 * @param retriable true when trying again later may succeed (rate limit, timeout), false when the input or the
 *     configuration must change first
 * @param location the input's path or URL: given by a failure that may come before cleaning stored it; read back as
 *     the row holds it
 * @param inputHash the hash of the input's bytes, likewise; when it differs from the stored one the input changed, so
 *     saving the failure drops the stored results and starts the attempt count again
 * @param detail details for inspection, such as the raw reply a model wrote that never validated and the tokens spent;
 *     {@code failures.jsonl} shows their fields beside the reason. Copied in and out: changing a node given or
 *     returned changes nothing stored
 */
public record StoredFailure(
        Stage stage,
        String reason,
        boolean retriable,
        Optional<String> location,
        Optional<String> inputHash,
        Optional<ObjectNode> detail) {

    /** Validates that no component is null. */
    public StoredFailure {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(inputHash, "inputHash");
        detail = Objects.requireNonNull(detail, "detail").map(ObjectNode::deepCopy);
    }

    /** A failure that says nothing of its input and has no details. */
    public static StoredFailure of(Stage stage, String reason, boolean retriable) {
        return new StoredFailure(stage, reason, retriable, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** This failure with its input's location and hash, for a failure that may come before cleaning stored them. */
    public StoredFailure at(String location, String inputHash) {
        return new StoredFailure(
                stage,
                reason,
                retriable,
                Optional.of(Objects.requireNonNull(location, "location")),
                Optional.of(Objects.requireNonNull(inputHash, "inputHash")),
                detail);
    }

    /** This failure with details for inspection. */
    public StoredFailure withDetail(ObjectNode detail) {
        return new StoredFailure(
                stage, reason, retriable, location, inputHash, Optional.of(Objects.requireNonNull(detail, "detail")));
    }

    /** A copy of the details, when there are some. */
    @Override
    public Optional<ObjectNode> detail() {
        return detail.map(ObjectNode::deepCopy);
    }
}
