package io.dragoman.core.llm;

import java.time.Duration;
import java.util.Optional;

/** A model call that may succeed if tried again later: rate limited, overloaded, a server error or a timeout. */
public final class RetriableFailure extends ModelFailure {

    private static final long serialVersionUID = 1L;

    @SuppressWarnings("serial") // Duration is serializable; Optional is not, but these are never serialized
    private final Optional<Duration> retryAfter;

    /**
     * @param message what happened, without any key
     * @param httpStatus the HTTP status, or 0 for none
     * @param retryAfter how long the server asked us to wait, when it said
     * @param cause the underlying exception, already checked not to carry a key in its message
     */
    public RetriableFailure(String message, int httpStatus, Optional<Duration> retryAfter, Throwable cause) {
        this(message, httpStatus, retryAfter, false, cause);
    }

    private RetriableFailure(
            String message, int httpStatus, Optional<Duration> retryAfter, boolean noConnection, Throwable cause) {
        super(message, httpStatus, noConnection, cause);
        this.retryAfter = retryAfter;
    }

    /** No connection could be made (refused, unknown host, TLS handshake): worth another try, for a while. */
    public static RetriableFailure noConnection(String message) {
        return new RetriableFailure(message, 0, Optional.empty(), true, null);
    }

    /** The same failure with another message, for a caller that adds why it gives up; this is the cause. */
    public RetriableFailure withMessage(String message) {
        return new RetriableFailure(message, httpStatus(), retryAfter, noConnection(), this);
    }

    /** How long the server asked us to wait before trying again, when it said so. */
    public Optional<Duration> retryAfter() {
        return retryAfter;
    }
}
