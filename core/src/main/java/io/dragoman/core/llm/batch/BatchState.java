package io.dragoman.core.llm.batch;

/** Where a provider's batch job is, in terms every provider's states map onto. */
public enum BatchState {
    /** Accepted and being checked or waiting to start. */
    VALIDATING,
    /** Being processed. */
    IN_PROGRESS,
    /** Processed; the results are being written. */
    FINALIZING,
    /** Done: every item has a result or an error. */
    COMPLETED,
    /** The job as a whole was rejected (a bad input file, a quota); its items have no results. */
    FAILED,
    /** The completion window passed; the items not processed by then have none. */
    EXPIRED,
    /** Being cancelled. */
    CANCELLING,
    /** Cancelled; the items processed before have results. */
    CANCELLED;

    /** True once the job will not change any more and its results can be fetched. */
    public boolean ended() {
        return this == COMPLETED || this == FAILED || this == EXPIRED || this == CANCELLED;
    }

    /** The state's name as {@code dragoman batches} shows it. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
