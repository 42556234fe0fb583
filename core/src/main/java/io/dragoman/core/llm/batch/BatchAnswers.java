package io.dragoman.core.llm.batch;

import io.dragoman.core.llm.ModelReply;
import java.util.Optional;

/**
 * The replies batch jobs brought back, by call key (the key {@link io.dragoman.core.llm.CachingModelProvider#key}
 * gives the request): kept in the run store, so that a run stopped after a job ended still finds its replies.
 * Thread-safe.
 */
public interface BatchAnswers {

    /**
     * The reply a job brought back for this request and no article has used yet, marked as used: a later attempt at
     * the same request (a retried failure) asks afresh.
     */
    Optional<ModelReply> take(String callKey);

    /** True when a job gave this request an error instead of a reply: it is sent online from now on. */
    boolean errored(String callKey);
}
