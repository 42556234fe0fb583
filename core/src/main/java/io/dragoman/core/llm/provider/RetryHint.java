package io.dragoman.core.llm.provider;

/**
 * A way a provider says how long to wait before the next call, in the order a reader prefers them when a response
 * carries several.
 */
public enum RetryHint {
    /** {@code retry-after-ms}: milliseconds. */
    RETRY_AFTER_MS,
    /** {@code Retry-After}: seconds or an HTTP date (RFC 9110). */
    RETRY_AFTER,
    /**
     * {@code x-ratelimit-remaining-requests} or {@code -tokens} at 0, with {@code x-ratelimit-reset-*} as a Go-style
     * duration ({@code 6m0s}), as OpenAI sends it.
     */
    RATE_LIMIT_RESET,
    /** Anthropic's {@code anthropic-ratelimit-<limit>-remaining} at 0, with {@code -reset} as an RFC 3339 time. */
    ANTHROPIC_RATE_LIMIT_RESET,
    /** A {@code google.rpc.RetryInfo} {@code retryDelay} ({@code "41s"}) in the error body, as Gemini sends it. */
    GEMINI_RETRY_INFO
}
