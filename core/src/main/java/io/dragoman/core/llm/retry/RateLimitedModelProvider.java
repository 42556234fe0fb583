package io.dragoman.core.llm.retry;

import io.dragoman.core.llm.ModelProvider;
import io.dragoman.core.llm.ModelReply;
import io.dragoman.core.llm.ModelRequest;
import io.dragoman.core.llm.ProviderInfo;
import io.dragoman.core.llm.RetriableFailure;
import java.util.Objects;
import java.util.function.ToLongFunction;

/**
 * Waits for a {@link RateLimiter} before each call of another provider (and gives its place back, to count from the
 * answer on, when the call ends), and pauses the limiter when the provider answers
 * 429 with a {@code Retry-After}, so that the other workers sharing the account wait too instead of collecting 429s of
 * their own. Put it inside a {@link RetryingModelProvider} so that every attempt is counted. Thread-safe when the
 * delegate is.
 */
public final class RateLimitedModelProvider implements ModelProvider {

    private final ModelProvider delegate;
    private final RateLimiter limiter;
    private final ToLongFunction<ModelRequest> tokenEstimate;

    /**
     * @param delegate the provider to call
     * @param limiter the limiter, shared with every other provider that uses the same account
     * @param tokenEstimate the tokens a request may spend, input plus output budget, as the provider counts them
     */
    public RateLimitedModelProvider(
            ModelProvider delegate, RateLimiter limiter, ToLongFunction<ModelRequest> tokenEstimate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.limiter = Objects.requireNonNull(limiter, "limiter");
        this.tokenEstimate = Objects.requireNonNull(tokenEstimate, "tokenEstimate");
    }

    /**
     * A rough, tokenizer-free estimate: a token per 3 characters of the messages (generous for European languages
     * and Cyrillic) plus the whole output budget, which providers such as OpenAI count against the limit up front.
     */
    public static long roughTokens(ModelRequest request) {
        long characters = request.system().length() + request.user().length();
        return (characters + 2) / 3 + request.maxOutputTokens();
    }

    @Override
    public ModelReply chat(ModelRequest request) {
        RateLimiter.Permit permit;
        try {
            permit = limiter.acquire(tokenEstimate.applyAsLong(request));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RetriableFailure(
                    "Interrupted while waiting for the client-side rate limit of "
                            + delegate.info().kind().id() + ".",
                    0,
                    java.util.Optional.empty(),
                    null);
        }
        try (permit) {
            return delegate.chat(request);
        } catch (RetriableFailure f) {
            // the account's limit is reached: every worker waits, not only the one that was told
            if (f.httpStatus() == 429) {
                f.retryAfter().ifPresent(limiter::pause);
            }
            throw f;
        }
    }

    @Override
    public ProviderInfo info() {
        return delegate.info();
    }
}
