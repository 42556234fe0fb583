package io.dragoman.core.llm.retry;

import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Client-side limits on requests per minute and tokens per minute, shared by every thread that uses one instance, so
 * that a batch runs at a provider's limit instead of bouncing off it with 429s.
 *
 * <p>Requests are spaced evenly ({@code 60 s / rpm} apart). Tokens come from a bucket holding one minute's budget that
 * refills continuously; a call larger than the whole budget is charged as the whole budget, so it can still run.
 * Each caller reserves its slot under a lock and then waits outside it, so waiting callers do not block each other's
 * reservations and are served in the order they arrived.
 */
public final class RateLimiter {

    /**
     * The limits; 0 means unlimited.
     *
     * @param requestsPerMinute requests that may start per minute; not negative
     * @param tokensPerMinute tokens (input plus output budget) that may be spent per minute; not negative
     */
    public record Limits(int requestsPerMinute, long tokensPerMinute) {

        /** No limits at all. */
        public static final Limits NONE = new Limits(0, 0);

        /** Validates that neither limit is negative. */
        public Limits {
            if (requestsPerMinute < 0 || tokensPerMinute < 0) {
                throw new IllegalArgumentException("Rate limits cannot be negative (0 means unlimited).");
            }
        }
    }

    private static final long MINUTE_NANOS = Duration.ofMinutes(1).toNanos();

    private final Limits limits;
    private final LongSupplier nanoTime;
    private final Sleeper sleeper;

    // guarded by this
    private long nextRequestAt;
    private double tokensAvailable;
    private long tokensCountedAt;
    private long pausedUntil = Long.MIN_VALUE;

    /** A provider's reset header is trusted for at most this long: a clock-skewed or bogus header cannot stall a run. */
    private static final long MAX_PAUSE_NANOS = Duration.ofMinutes(10).toNanos();

    /**
     * @param limits the limits
     * @param nanoTime a monotonic clock in nanoseconds ({@code System::nanoTime} outside tests)
     * @param sleeper how to wait
     */
    public RateLimiter(Limits limits, LongSupplier nanoTime, Sleeper sleeper) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        long now = nanoTime.getAsLong();
        this.nextRequestAt = now;
        this.tokensAvailable = limits.tokensPerMinute();
        this.tokensCountedAt = now;
    }

    /** A limiter on the system's monotonic clock that really sleeps. */
    public static RateLimiter of(Limits limits) {
        return new RateLimiter(limits, System::nanoTime, Sleeper.system());
    }

    /** The limits this limiter enforces. */
    public Limits limits() {
        return limits;
    }

    /**
     * Waits until one request that may spend {@code tokens} tokens is allowed to start.
     *
     * @throws InterruptedException when interrupted while waiting; the reservation is not given back
     */
    public void acquire(long tokens) throws InterruptedException {
        if (tokens < 0) {
            throw new IllegalArgumentException("tokens cannot be negative, was " + tokens);
        }
        long wait = reserve(tokens);
        if (wait > 0) {
            sleeper.sleep(Duration.ofNanos(wait));
        }
    }

    /**
     * Holds back every request until {@code wait} from now: the provider said its window is exhausted (a rate-limit
     * header on a successful reply). Applies whatever the configured limits, and never shortens an earlier pause.
     */
    public synchronized void pause(Duration wait) {
        if (wait.isNegative() || wait.isZero()) {
            return;
        }
        pausedUntil = Math.max(pausedUntil, nanoTime.getAsLong() + Math.min(wait.toNanos(), MAX_PAUSE_NANOS));
    }

    /** Reserves a slot and returns how many nanoseconds from now it starts. */
    private synchronized long reserve(long tokens) {
        long now = nanoTime.getAsLong();
        long start = Math.max(now, pausedUntil);
        if (limits.requestsPerMinute() > 0) {
            long interval = MINUTE_NANOS / limits.requestsPerMinute();
            start = Math.max(start, nextRequestAt);
            nextRequestAt = start + interval;
        }
        if (limits.tokensPerMinute() > 0) {
            double budget = limits.tokensPerMinute();
            double perNano = budget / MINUTE_NANOS;
            tokensAvailable = Math.min(budget, tokensAvailable + (now - tokensCountedAt) * perNano);
            tokensCountedAt = now;
            double needed = Math.min(tokens, budget);
            if (tokensAvailable < needed) {
                start = Math.max(start, now + (long) Math.ceil((needed - tokensAvailable) / perNano));
            }
            tokensAvailable -= needed; // may go below zero: later callers wait for the debt to be paid off
        }
        return start - now;
    }
}
