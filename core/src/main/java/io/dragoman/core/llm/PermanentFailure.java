package io.dragoman.core.llm;

/**
 * A model call that will fail again until the user changes something: a rejected key, an unknown model, a bad request
 * or a wrong URL. Never retried.
 */
public final class PermanentFailure extends ModelFailure {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what happened and what to fix, without any key
     * @param httpStatus the HTTP status, or 0 for none
     * @param cause the underlying exception
     */
    public PermanentFailure(String message, int httpStatus, Throwable cause) {
        super(message, httpStatus, false, cause);
    }

    private PermanentFailure(String message, boolean noConnection) {
        super(message, 0, noConnection, null);
    }

    /**
     * The server could not be reached, again and again across articles: every further call would fail the same way,
     * so the run stops instead of failing each article.
     */
    public static PermanentFailure unreachable(String message) {
        return new PermanentFailure(message, true);
    }
}
