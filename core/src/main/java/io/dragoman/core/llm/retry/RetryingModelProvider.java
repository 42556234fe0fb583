package io.dragoman.core.llm.retry;

import dev.failsafe.Execution;
import dev.failsafe.RetryPolicy;
import io.dragoman.core.llm.ModelProvider;
import io.dragoman.core.llm.ModelReply;
import io.dragoman.core.llm.ModelRequest;
import io.dragoman.core.llm.PermanentFailure;
import io.dragoman.core.llm.ProviderInfo;
import io.dragoman.core.llm.RetriableFailure;
import java.time.Duration;
import java.util.Objects;

/**
 * Retries {@link RetriableFailure}s of another provider: waits as long as the server asked ({@code Retry-After} and
 * the like) or else backs off exponentially with jitter, up to a bounded number of attempts. {@link PermanentFailure}s
 * pass through at once. Thread-safe when the delegate is.
 */
public final class RetryingModelProvider implements ModelProvider {

    /**
     * How to retry.
     *
     * @param maxAttempts attempts in all, the first included; at least 1
     * @param initialDelay the first backoff delay; positive
     * @param maxDelay the longest backoff delay; at least {@code initialDelay}
     * @param maxRetryAfter the longest server-requested wait we accept; a longer one fails the call at once
     *     (retriable), so a batch can move on instead of stalling
     */
    public record Settings(int maxAttempts, Duration initialDelay, Duration maxDelay, Duration maxRetryAfter) {

        /** Five attempts, backoff from 1 s to 60 s, server waits up to 5 minutes. */
        public static final Settings DEFAULT =
                new Settings(5, Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofMinutes(5));

        /** Validates the bounds. */
        public Settings {
            Objects.requireNonNull(initialDelay, "initialDelay");
            Objects.requireNonNull(maxDelay, "maxDelay");
            Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
            }
            if (initialDelay.isNegative() || initialDelay.isZero() || maxDelay.compareTo(initialDelay) < 0) {
                throw new IllegalArgumentException("Need 0 < initialDelay <= maxDelay.");
            }
            if (maxRetryAfter.isNegative()) {
                throw new IllegalArgumentException("maxRetryAfter cannot be negative.");
            }
        }
    }

    private final ModelProvider delegate;
    private final Settings settings;
    private final Sleeper sleeper;
    private final RetryPolicy<ModelReply> policy;

    /**
     * @param delegate the provider to call
     * @param settings attempts and delays
     * @param sleeper how to wait ({@link Sleeper#system()} outside tests)
     */
    public RetryingModelProvider(ModelProvider delegate, Settings settings, Sleeper sleeper) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.policy = RetryPolicy.<ModelReply>builder()
                .handle(RetriableFailure.class)
                .withBackoff(settings.initialDelay(), settings.maxDelay())
                .withJitter(0.25)
                .withMaxAttempts(settings.maxAttempts())
                .build();
    }

    /** Retries with the default settings, really sleeping. */
    public static RetryingModelProvider withDefaults(ModelProvider delegate) {
        return new RetryingModelProvider(delegate, Settings.DEFAULT, Sleeper.system());
    }

    @Override
    public ModelReply chat(ModelRequest request) {
        Execution<ModelReply> execution = Execution.of(policy);
        while (true) {
            try {
                ModelReply reply = delegate.chat(request);
                execution.recordResult(reply);
                return reply;
            } catch (RetriableFailure failure) {
                execution.recordException(failure);
                int attempts = execution.getAttemptCount();
                if (execution.isComplete()) {
                    throw givingUp(failure, "gave up after " + attempts + " attempts");
                }
                Duration wait = failure.retryAfter().orElse(execution.getDelay());
                if (wait.compareTo(settings.maxRetryAfter()) > 0) {
                    throw givingUp(
                            failure,
                            "not waiting " + RetryAfter.human(wait) + ", longer than the limit of "
                                    + RetryAfter.human(settings.maxRetryAfter()));
                }
                try {
                    sleeper.sleep(wait);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw givingUp(failure, "interrupted while waiting to retry");
                }
            }
        }
    }

    @Override
    public ProviderInfo info() {
        return delegate.info();
    }

    private static RetriableFailure givingUp(RetriableFailure last, String why) {
        return last.withMessage(last.getMessage() + " (" + why + ")");
    }
}
