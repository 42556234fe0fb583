package io.dragoman.core.llm.retry;

import io.dragoman.core.llm.ModelFailure;
import io.dragoman.core.llm.ModelProvider;
import io.dragoman.core.llm.ModelReply;
import io.dragoman.core.llm.ModelRequest;
import io.dragoman.core.llm.PermanentFailure;
import io.dragoman.core.llm.ProviderInfo;
import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Gives up on a provider that cannot be reached: counts the attempts of every worker, across articles, that found no
 * connection ({@link ModelFailure#noConnection()}: refused, unknown host, a failed TLS handshake), and once {@link
 * Settings#failures} of them came in a row (no reply in between) over at least {@link Settings#span}, fails every
 * further call at once with a {@link PermanentFailure#unreachable} that names the base URL, so that the run stops
 * instead of trying each article five times. A reply of any kind, even an HTTP error, resets the count: the server is
 * there. Put it inside the {@link RetryingModelProvider}, so that each attempt counts, and give the retrying provider
 * its {@link #sleeper}, so that a worker waiting to retry wakes when the guard gives up. Thread-safe.
 */
public final class ReachabilityGuard implements ModelProvider {

    /**
     * When to give up.
     *
     * @param failures connection failures in a row; at least 1
     * @param span the least time between the first of them and the one that gives up, so that a moment's outage (a
     *     server restarting) does not stop a run; not negative
     */
    public record Settings(int failures, Duration span) {

        /** Four failures in a row over at least three seconds. */
        public static final Settings DEFAULT = new Settings(4, Duration.ofSeconds(3));

        /** Validates the bounds. */
        public Settings {
            Objects.requireNonNull(span, "span");
            if (failures < 1 || span.isNegative()) {
                throw new IllegalArgumentException("Need failures >= 1 and a span >= 0.");
            }
        }
    }

    private final ModelProvider delegate;
    private final Settings settings;
    private final LongSupplier nanoTime;

    // guarded by this
    private int streak;
    private long streakStartedAt;
    private String gaveUp;

    /**
     * @param delegate the provider to call
     * @param settings when to give up
     * @param nanoTime a monotonic clock in nanoseconds ({@code System::nanoTime} outside tests)
     */
    public ReachabilityGuard(ModelProvider delegate, Settings settings, LongSupplier nanoTime) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    }

    @Override
    public ModelReply chat(ModelRequest request) {
        String already = gaveUp();
        if (already != null) {
            throw PermanentFailure.unreachable(already);
        }
        try {
            ModelReply reply = delegate.chat(request);
            answered();
            return reply;
        } catch (ModelFailure failure) {
            if (!failure.noConnection()) {
                answered();
                throw failure;
            }
            String now = failed(failure);
            throw now != null ? PermanentFailure.unreachable(now) : failure;
        }
    }

    @Override
    public ProviderInfo info() {
        return delegate.info();
    }

    /** Whether the guard gave up on the provider. */
    public synchronized boolean gaveUpOnIt() {
        return gaveUp != null;
    }

    /**
     * Sleeps like {@code sleeper} but returns as soon as the guard gives up, so that a retry waiting for its backoff
     * meets the guard's failure at once instead of after the wait.
     */
    public Sleeper sleeper() {
        return duration -> {
            long until = nanoTime.getAsLong() + duration.toNanos();
            synchronized (this) {
                long left;
                while (gaveUp == null && (left = until - nanoTime.getAsLong()) > 0) {
                    wait(Math.max(1, left / 1_000_000), 0);
                }
            }
        };
    }

    private synchronized String gaveUp() {
        return gaveUp;
    }

    private synchronized void answered() {
        streak = 0;
    }

    /** Counts a connection failure; returns why the guard gave up when it has (now or before), else null. */
    private synchronized String failed(ModelFailure failure) {
        if (gaveUp != null) {
            return gaveUp;
        }
        long now = nanoTime.getAsLong();
        if (streak++ == 0) {
            streakStartedAt = now;
        }
        Duration over = Duration.ofNanos(now - streakStartedAt);
        if (streak < settings.failures() || over.compareTo(settings.span()) < 0) {
            return null;
        }
        ProviderInfo info = delegate.info();
        gaveUp = "Gave up on " + info.kind().id() + " at " + withoutUserInfo(info.baseUrl()) + ": " + streak
                + " connection attempts in a row failed over " + RetryAfter.human(over) + " ("
                + failure.getMessage() + ")";
        notifyAll();
        return gaveUp;
    }

    /** A URL without a {@code user:password@} part, which could hold a secret. */
    static String withoutUserInfo(String url) {
        return url.replaceFirst("^([a-zA-Z][a-zA-Z0-9+.-]*://)[^/@]*@", "$1");
    }
}
