package io.dragoman.core.llm.setup;

/** No model provider could be chosen or configured; the message lists the ways to set one up. A configuration error. */
public final class NoProviderException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message what is missing and how to provide it; never a key */
    public NoProviderException(String message) {
        super(message);
    }
}
