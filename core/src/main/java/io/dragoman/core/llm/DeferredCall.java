package io.dragoman.core.llm;

/**
 * Not a failure of the provider: the request was collected for a provider batch job instead of being sent, so the
 * work that asked for it stops here and its article stays pending until the job's reply is in (see {@code
 * io.dragoman.core.llm.batch.BatchedModel}). The runner leaves such an article as it was, recording no failure.
 */
public final class DeferredCall extends ModelFailure {

    private static final long serialVersionUID = 1L;

    /** A request left for the next batch job. */
    public DeferredCall() {
        super("The request waits for a provider batch job.", 0, false, null);
    }
}
