package io.dragoman.core.llm;

/**
 * Tokens one call consumed, as the provider reported them.
 *
 * @param inputTokens tokens in the prompt; not negative
 * @param outputTokens tokens in the reply; not negative
 */
public record Usage(long inputTokens, long outputTokens) {

    /** Validates that neither count is negative. */
    public Usage {
        if (inputTokens < 0 || outputTokens < 0) {
            throw new IllegalArgumentException("Token counts cannot be negative: " + inputTokens + ", " + outputTokens);
        }
    }

    /** The sum of this usage and another. */
    public Usage plus(Usage other) {
        return new Usage(inputTokens + other.inputTokens, outputTokens + other.outputTokens);
    }
}
