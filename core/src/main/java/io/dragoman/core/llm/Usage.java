package io.dragoman.core.llm;

/**
 * Tokens one call consumed, as the provider reported them.
 *
 * @param inputTokens every token of the prompt, cached ones included; not negative
 * @param outputTokens tokens in the reply; not negative
 * @param cachedInputTokens the part of the prompt read from the provider's prompt cache, billed at the cached-input
 *     price (OpenAI {@code cached_tokens}, Anthropic {@code cache_read_input_tokens}, Gemini {@code
 *     cachedContentTokenCount}); not negative
 * @param cacheWriteTokens the part of the prompt written to the provider's prompt cache, billed at the cache-write
 *     price (Anthropic {@code cache_creation_input_tokens}); not negative
 */
public record Usage(long inputTokens, long outputTokens, long cachedInputTokens, long cacheWriteTokens) {

    /** Nothing used. */
    public static final Usage NONE = new Usage(0, 0);

    /**
     * Validates that no count is negative and the cached parts fit in the prompt.
     *
     * @throws IllegalArgumentException when one does not
     */
    public Usage {
        if (inputTokens < 0 || outputTokens < 0 || cachedInputTokens < 0 || cacheWriteTokens < 0) {
            throw new IllegalArgumentException("Token counts cannot be negative: " + inputTokens + ", " + outputTokens
                    + ", " + cachedInputTokens + ", " + cacheWriteTokens);
        }
        if (cachedInputTokens + cacheWriteTokens > inputTokens) {
            throw new IllegalArgumentException("The cached parts of a prompt (" + cachedInputTokens + " read, "
                    + cacheWriteTokens + " written) cannot exceed its " + inputTokens + " tokens.");
        }
    }

    /** Usage without prompt caching. */
    public Usage(long inputTokens, long outputTokens) {
        this(inputTokens, outputTokens, 0, 0);
    }

    /** The prompt tokens billed at the full input price: neither read from nor written to the cache. */
    public long uncachedInputTokens() {
        return inputTokens - cachedInputTokens - cacheWriteTokens;
    }

    /** The sum of this usage and another. */
    public Usage plus(Usage other) {
        return new Usage(
                inputTokens + other.inputTokens,
                outputTokens + other.outputTokens,
                cachedInputTokens + other.cachedInputTokens,
                cacheWriteTokens + other.cacheWriteTokens);
    }
}
