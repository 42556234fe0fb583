package io.dragoman.core.llm.batch;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A provider's batch job as its status shows it.
 *
 * @param id the provider's id of the job
 * @param state where it is
 * @param total how many requests it holds
 * @param succeeded how many were answered so far
 * @param failed how many ended in an error so far
 * @param createdAt when the provider took it
 * @param metadata what was submitted with it (our {@link BatchClient#JOB_KEY})
 * @param error why the whole job failed, when it did
 */
public record BatchJob(
        String id,
        BatchState state,
        int total,
        int succeeded,
        int failed,
        Instant createdAt,
        Map<String, String> metadata,
        Optional<String> error) {

    /** Validates and copies. */
    public BatchJob {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(createdAt, "createdAt");
        metadata = Map.copyOf(metadata);
        Objects.requireNonNull(error, "error");
    }

    /** Our key of the job, when it carries one. */
    public Optional<String> jobKey() {
        return Optional.ofNullable(metadata.get(BatchClient.JOB_KEY));
    }
}
