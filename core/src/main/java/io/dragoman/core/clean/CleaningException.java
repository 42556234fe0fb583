package io.dragoman.core.clean;

import java.util.Objects;

/** Thrown when a document cannot be turned into an article; the message is one line a user can act on. */
public final class CleaningException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why a document could not be cleaned. */
    public enum Reason {
        /** The document has no bytes, or only white space. */
        EMPTY,
        /** The bytes are not text (an image, an archive, a PDF…). */
        BINARY,
        /** The bytes are neither valid UTF-8 nor a supported single-byte encoding. */
        ENCODING,
        /** The document is larger than the configured limit, or has no line breaks over a huge length. */
        TOO_LARGE,
        /** The document is text, but every line of it looks like page chrome. */
        NO_BODY
    }

    private final Reason reason;

    /** Creates an exception with a reason and a one-line message that names the problem. */
    public CleaningException(Reason reason, String message) {
        super(Objects.requireNonNull(message, "message"));
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** Why the document could not be cleaned. */
    public Reason reason() {
        return reason;
    }
}
