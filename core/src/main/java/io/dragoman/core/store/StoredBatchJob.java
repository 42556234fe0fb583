package io.dragoman.core.store;

import io.dragoman.core.llm.ProviderKind;
import io.dragoman.core.llm.Usage;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A provider batch job as the run store keeps it.
 *
 * @param jobKey our key of the job, sent with it as metadata
 * @param provider the provider it went to
 * @param model the model its requests name
 * @param jobId the provider's id, once the provider answered the submission
 * @param state {@code PREPARED} (recorded, not yet known to be submitted), {@code NOT_SUBMITTED} (the provider never
 *     took it), or a {@link io.dragoman.core.llm.batch.BatchState} name
 * @param requests how many requests it holds
 * @param succeeded how many were answered, as last seen
 * @param failed how many ended in an error, as last seen
 * @param fetched true once its results are in the store (or it is known never to have been submitted)
 * @param error why the job as a whole failed, when it did
 * @param usage the tokens of the replies brought back
 * @param createdAt when it was recorded
 * @param updatedAt when its row last changed
 */
public record StoredBatchJob(
        String jobKey,
        ProviderKind provider,
        String model,
        Optional<String> jobId,
        String state,
        int requests,
        int succeeded,
        int failed,
        boolean fetched,
        Optional<String> error,
        Usage usage,
        Instant createdAt,
        Instant updatedAt) {

    /** Recorded before submitting; no provider id yet. */
    public static final String PREPARED = "PREPARED";

    /** The provider never took it: the run stopped between recording and submitting. */
    public static final String NOT_SUBMITTED = "NOT_SUBMITTED";

    /** Validates that nothing is null. */
    public StoredBatchJob {
        Objects.requireNonNull(jobKey, "jobKey");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** The state as {@code dragoman batches} shows it: lower case, words apart. */
    public String stateLabel() {
        return state.toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
