package io.dragoman.core.summary;

import io.dragoman.core.llm.ModelFailure;
import io.dragoman.core.llm.Spending;
import io.dragoman.core.llm.SpentFailure;
import java.util.Optional;

/**
 * An article whose summary could not be produced: the replies did not validate even after a re-ask, the model
 * declined, or the model could not be reached. Keeps the last raw reply for inspection and what was spent.
 */
public final class SummaryException extends SpentFailure {

    private static final long serialVersionUID = 1L;

    private final String rawReply;

    SummaryException(String message, Spending spent, String rawReply, ModelFailure cause) {
        super(message, spent, cause);
        this.rawReply = rawReply;
    }

    /** The last reply the model wrote, as it wrote it; empty when there was none. */
    public Optional<String> rawReply() {
        return Optional.ofNullable(rawReply).filter(r -> !r.isEmpty());
    }
}
