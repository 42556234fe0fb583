package io.dragoman.core.llm;

/** Why the model stopped writing. */
public enum FinishReason {
    /** It finished its answer. */
    STOP,
    /** It ran out of output tokens: the reply is truncated. */
    LENGTH,
    /** The provider's content filter stopped it. */
    CONTENT_FILTER,
    /** Anything else, including a provider that did not say. */
    OTHER
}
