package io.dragoman.core.llm;

/**
 * A model call that failed; its message says what happened and what to do, and never contains an API key.
 * Either {@link RetriableFailure} or {@link PermanentFailure}.
 */
public abstract sealed class ModelFailure extends RuntimeException permits RetriableFailure, PermanentFailure {

    private static final long serialVersionUID = 1L;

    private final int httpStatus;

    ModelFailure(String message, int httpStatus, Throwable cause) {
        super(message, cause);
        this.httpStatus = httpStatus;
    }

    /** The HTTP status the provider answered with, or 0 when there was no HTTP answer (timeout, no connection). */
    public int httpStatus() {
        return httpStatus;
    }
}
