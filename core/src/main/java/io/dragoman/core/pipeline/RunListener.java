package io.dragoman.core.pipeline;

/**
 * Hears what a batch run does, for progress displays and logs. Called from worker threads: implementations must be
 * thread-safe and quick.
 */
public interface RunListener {

    /** Ignores everything. */
    RunListener NONE = outcome -> {};

    /** An article's outcome, as soon as it is committed to the store. */
    void finished(ArticleOutcome outcome);

    /** The run stopped taking new work, and why (interrupted, budget, configuration). */
    default void stopping(String reason) {}
}
