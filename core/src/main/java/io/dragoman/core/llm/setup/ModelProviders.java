package io.dragoman.core.llm.setup;

import io.dragoman.core.llm.ModelProvider;
import io.dragoman.core.llm.ModelReply;
import io.dragoman.core.llm.ModelRequest;
import io.dragoman.core.llm.ProviderConfig;
import io.dragoman.core.llm.ProviderInfo;
import io.dragoman.core.llm.ProviderKind;
import io.dragoman.core.llm.langchain4j.LangChain4jProvider;
import io.dragoman.core.llm.retry.RateLimitedModelProvider;
import io.dragoman.core.llm.retry.RateLimiter;
import io.dragoman.core.llm.retry.ReachabilityGuard;
import io.dragoman.core.llm.retry.RetryingModelProvider;
import io.dragoman.core.llm.retry.Sleeper;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Function;

/**
 * Builds the provider stack Dragoman uses: a {@link LangChain4jProvider} (one HTTP call), behind the shared client-side
 * {@link RateLimiter} (every attempt counts), behind a {@link ReachabilityGuard} (gives up on a server that cannot be
 * reached), behind a {@link RetryingModelProvider}.
 */
public final class ModelProviders {

    private ModelProviders() {}

    /**
     * The full stack.
     *
     * @param config the provider to talk to
     * @param limiter the rate limiter, shared by every provider on the same account
     * @param retry retry settings
     * @param sleeper how to wait between retries
     * @param clock the time, for HTTP-date {@code Retry-After}
     */
    public static ModelProvider create(
            ProviderConfig config,
            RateLimiter limiter,
            RetryingModelProvider.Settings retry,
            Sleeper sleeper,
            Clock clock) {
        Objects.requireNonNull(sleeper, "sleeper");
        return create(config, limiter, retry, guard -> sleeper, clock);
    }

    private static ModelProvider create(
            ProviderConfig config,
            RateLimiter limiter,
            RetryingModelProvider.Settings retry,
            Function<ReachabilityGuard, Sleeper> sleeper,
            Clock clock) {
        Objects.requireNonNull(limiter, "limiter");
        ModelProvider single = LangChain4jProvider.create(config, clock, limiter);
        ModelProvider limited = new RateLimitedModelProvider(single, limiter, RateLimitedModelProvider::roughTokens);
        ReachabilityGuard guard = new ReachabilityGuard(limited, ReachabilityGuard.Settings.DEFAULT, System::nanoTime);
        return new RetryingModelProvider(guard, retry, sleeper.apply(guard));
    }

    /** The full stack with default retries, the system clock, real sleeping and the given limits. */
    public static ModelProvider create(ProviderConfig config, RateLimiter.Limits limits) {
        return create(config, RateLimiter.of(limits));
    }

    /**
     * The full stack with default retries, the system clock and real sleeping (a retry waiting for its backoff wakes
     * when the guard gives up), behind a limiter that other stacks on the same account may share.
     */
    public static ModelProvider create(ProviderConfig config, RateLimiter limiter) {
        return create(
                config, limiter, RetryingModelProvider.Settings.DEFAULT, ReachabilityGuard::sleeper, Clock.systemUTC());
    }

    /**
     * A provider that only names a model and refuses every call: for planning and estimates ({@code dragoman
     * estimate}, {@code --dry-run}), which must send nothing and need no key.
     */
    public static ModelProvider offline(ProviderKind kind, String model) {
        ProviderInfo info = new ProviderInfo(kind, model, kind.defaultBaseUrl().orElse(""));
        return new ModelProvider() {
            @Override
            public ModelReply chat(ModelRequest request) {
                throw new IllegalStateException("This provider is for planning and estimates only and sends nothing.");
            }

            @Override
            public ProviderInfo info() {
                return info;
            }
        };
    }
}
