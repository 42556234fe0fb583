package io.dragoman.core.pipeline;

import io.dragoman.core.llm.ModelCall;

/**
 * Hears what a batch run does, for progress displays and logs. Called from worker threads: implementations must be
 * thread-safe and quick.
 */
public interface RunListener {

    /** Ignores everything. */
    RunListener NONE = outcome -> {};

    /** A worker took an article; its outcome follows. For counting the articles in flight. */
    default void started(String id) {}

    /** An article's outcome, as soon as it is committed to the store. */
    void finished(ArticleOutcome outcome);

    /**
     * A model call for an article ended: answered by the provider, replayed from the call cache, or failed. For
     * per-call log lines; called before the article's outcome.
     */
    default void called(String id, ModelCall call) {}

    /** The run stopped taking new work, and why (interrupted, budget, configuration). */
    default void stopping(String reason) {}
}
