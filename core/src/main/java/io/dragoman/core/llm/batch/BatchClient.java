package io.dragoman.core.llm.batch;

import io.dragoman.core.llm.ModelFailure;
import io.dragoman.core.llm.ProviderInfo;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A provider's batch API: submits many chat requests as one job, tells the job's state, hands back its results by
 * custom id, lists the jobs Dragoman submitted and cancels one. Every call is one or a few HTTP requests and can fail
 * with a {@link ModelFailure} (retriable or not) whose message never holds the key. Thread-safe.
 */
public interface BatchClient {

    /** The metadata key that marks a job as Dragoman's; its value is the job's key in the run store. */
    String JOB_KEY = "dragoman_job";

    /** Which provider and model the jobs go to. */
    ProviderInfo info();

    /** How much one job may hold. */
    Limits limits();

    /**
     * Submits one job.
     *
     * @param jobKey our key for the job, sent as metadata ({@link #JOB_KEY}) so that {@link #list} finds it again
     * @param requests the requests, with custom ids unique within the job; at most {@link Limits#maxRequests()}
     * @return the provider's id of the job
     */
    String submit(String jobKey, List<BatchRequest> requests);

    /** The job's state and counts now. */
    BatchJob status(String jobId);

    /**
     * The results of an ended job, in whatever order the provider gives them: one per custom id that has one (an
     * item missing from the answer was not processed). Empty when the job has none (failed, or cancelled early).
     */
    List<BatchItem> results(String jobId);

    /** The provider's recent jobs that carry our {@link #JOB_KEY} (the others are left out), newest first. */
    List<BatchJob> list();

    /**
     * Our job that a run recorded but stopped before learning its provider id, if the provider took it. By default the
     * job in {@link #list} whose metadata carries the key; a provider whose jobs carry no metadata matches otherwise.
     */
    default Optional<BatchJob> find(Lost lost) {
        return list().stream()
                .filter(j -> j.jobKey().equals(Optional.of(lost.jobKey())))
                .findFirst();
    }

    /** Asks the provider to cancel the job; finished items stay available. */
    void cancel(String jobId);

    /**
     * A job recorded in the store without the provider's id.
     *
     * @param jobKey our key of the job
     * @param requests how many requests it was to hold
     * @param preparedAt when it was recorded, just before it was submitted
     * @param known the provider ids of the jobs the store already knows, which cannot be this one
     */
    record Lost(String jobKey, int requests, Instant preparedAt, Set<String> known) {
        /** Validates and copies. */
        public Lost {
            Objects.requireNonNull(jobKey, "jobKey");
            Objects.requireNonNull(preparedAt, "preparedAt");
            known = Set.copyOf(known);
        }
    }

    /**
     * What one job may hold.
     *
     * @param maxRequests the most requests per job
     * @param maxBytes the most bytes of request payload per job
     */
    record Limits(int maxRequests, long maxBytes) {
        /** Validates that both are positive. */
        public Limits {
            if (maxRequests < 1 || maxBytes < 1) {
                throw new IllegalArgumentException("Batch limits must be positive.");
            }
        }
    }
}
