package io.dragoman.core.llm;

/**
 * A model call that failed; its message says what happened and what to do, and never contains an API key.
 * Either {@link RetriableFailure} or {@link PermanentFailure}, or {@link DeferredCall} for a request left for a
 * provider batch job.
 */
public abstract sealed class ModelFailure extends RuntimeException
        permits RetriableFailure, PermanentFailure, DeferredCall {

    private static final long serialVersionUID = 1L;

    private final int httpStatus;
    private final boolean noConnection;

    ModelFailure(String message, int httpStatus, boolean noConnection, Throwable cause) {
        super(message, cause);
        this.httpStatus = httpStatus;
        this.noConnection = noConnection;
    }

    /** The HTTP status the provider answered with, or 0 when there was no HTTP answer (timeout, no connection). */
    public int httpStatus() {
        return httpStatus;
    }

    /**
     * True when no connection to the server could be made (refused, unknown host, a failed TLS handshake): the request
     * never reached it. A {@link io.dragoman.core.llm.retry.ReachabilityGuard} counts these.
     */
    public boolean noConnection() {
        return noConnection;
    }
}
