package io.dragoman.core.store;

/**
 * The run store could not be opened, read or written. The message names the store file, says what went wrong and what
 * to do about it (move a foreign file away, upgrade Dragoman, free disk space, stop another process).
 */
public final class RunStoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    RunStoreException(String message, Throwable cause) {
        super(message, cause);
    }

    RunStoreException(String message) {
        super(message);
    }
}
