package io.dragoman.core.llm.retry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Client-side limits on requests per minute and tokens per minute, shared by every thread that uses one instance, so
 * that a batch runs at a provider's limit instead of bouncing off it with 429s.
 *
 * <p>Requests are counted as providers count them, in a sliding window ({@link Limits#window}, a minute unless the
 * provider counts over a shorter one): up to the window's share of the limit may start at once (a burst, as the server
 * allows), and each further one waits until one of those is out of the window. A request occupies its place from the
 * moment it leaves until a window (plus a small margin) after its answer came back, so however late the server saw it
 * arrive, it has left the server's window too before its place is taken again. Tokens come from a bucket holding a
 * window's budget that refills continuously; a call larger than the whole budget is charged as the whole budget, so it
 * can still run. Every condition is checked again right before the request leaves (after any wait), together with a
 * pause a provider asked for ({@link #pause}, a 429's {@code Retry-After}), so that no request leaves while another
 * worker's wait is pending.
 */
public final class RateLimiter {

    /**
     * The limits; 0 means unlimited.
     *
     * @param requestsPerMinute requests that may start per minute; not negative
     * @param tokensPerMinute tokens (input plus output budget) that may be spent per minute; not negative
     * @param window the sliding window the provider counts over; the limiter allows the window's share of the
     *     per-minute limits in any window of this length; positive, at most a minute
     */
    public record Limits(int requestsPerMinute, long tokensPerMinute, Duration window) {

        /** No limits at all. */
        public static final Limits NONE = new Limits(0, 0);

        /** Validates that neither limit is negative and the window is between a millisecond and a minute. */
        public Limits {
            Objects.requireNonNull(window, "window");
            if (requestsPerMinute < 0 || tokensPerMinute < 0) {
                throw new IllegalArgumentException("Rate limits cannot be negative (0 means unlimited).");
            }
            if (window.toMillis() < 1 || window.compareTo(MINUTE) > 0) {
                throw new IllegalArgumentException("The rate-limit window must be between 1 ms and 1 minute.");
            }
        }

        /** Limits counted over a minute. */
        public Limits(int requestsPerMinute, long tokensPerMinute) {
            this(requestsPerMinute, tokensPerMinute, MINUTE);
        }

        /** The requests that may start in one window: the window's share of the per-minute limit, at least 1. */
        int requestsPerWindow() {
            return (int) Math.max(1, (long) requestsPerMinute * window.toNanos() / MINUTE.toNanos());
        }

        /** The tokens of one window's budget. */
        double tokensPerWindow() {
            return (double) tokensPerMinute * window.toNanos() / MINUTE.toNanos();
        }
    }

    /**
     * A request's place in the window, from {@link #acquire} on; closing it when the request's answer (or failure)
     * came back starts the window after which the place is free again.
     */
    public interface Permit extends AutoCloseable {
        @Override
        void close();
    }

    private static final Duration MINUTE = Duration.ofMinutes(1);

    /** A provider's reset header is trusted for at most this long: a clock-skewed or bogus header cannot stall a run. */
    private static final long MAX_PAUSE_NANOS = Duration.ofMinutes(10).toNanos();

    /** How often a caller looks again while every place is taken by a request still in flight. */
    private static final long POLL_NANOS = Duration.ofMillis(20).toNanos();

    private final Limits limits;
    private final LongSupplier nanoTime;
    private final Sleeper sleeper;
    private final long windowNanos;

    // guarded by this
    private final List<Place> places = new ArrayList<>();
    private double tokensAvailable;
    private long tokensCountedAt;
    private long pausedUntil;

    /** A request's place: in flight until closed, then free a window and the margin later. */
    private final class Place implements Permit {
        private long freeAt = Long.MAX_VALUE;

        @Override
        public void close() {
            synchronized (RateLimiter.this) {
                if (freeAt == Long.MAX_VALUE) {
                    freeAt = nanoTime.getAsLong() + windowNanos;
                }
            }
        }
    }

    /**
     * @param limits the limits
     * @param nanoTime a monotonic clock in nanoseconds ({@code System::nanoTime} outside tests)
     * @param sleeper how to wait
     */
    public RateLimiter(Limits limits, LongSupplier nanoTime, Sleeper sleeper) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        // the margin: a hundredth of the window, at least 20 ms, for clocks that tick apart and a server's rounding
        long window = limits.window().toNanos();
        this.windowNanos = window + Math.max(window / 100, Duration.ofMillis(20).toNanos());
        this.tokensAvailable = limits.tokensPerWindow();
        this.tokensCountedAt = nanoTime.getAsLong();
        this.pausedUntil = tokensCountedAt;
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
     * Waits until one request that may spend {@code tokens} tokens is allowed to leave, and takes its place; close the
     * permit when the request's answer or failure came back.
     *
     * @throws InterruptedException when interrupted while waiting; nothing is taken then
     */
    public Permit acquire(long tokens) throws InterruptedException {
        if (tokens < 0) {
            throw new IllegalArgumentException("tokens cannot be negative, was " + tokens);
        }
        // after a wait, the clock has moved on by at least that wait: a sleeper that returns early (a test's that only
        // records the wait) then cannot make this loop look again and again at the same instant
        long floor = nanoTime.getAsLong();
        while (true) {
            Take take = tryTake(tokens, floor);
            if (take.permit() != null) {
                return take.permit();
            }
            sleeper.sleep(Duration.ofNanos(take.waitNanos()));
            floor = take.at() + take.waitNanos();
        }
    }

    /**
     * Holds back every request until {@code wait} from now: the provider said its window is exhausted (a 429's {@code
     * Retry-After}, a rate-limit header on a successful reply). Applies whatever the configured limits, also to the
     * callers already waiting, and never shortens an earlier pause.
     */
    public synchronized void pause(Duration wait) {
        if (wait.isNegative() || wait.isZero()) {
            return;
        }
        long until = nanoTime.getAsLong() + Math.min(wait.toNanos(), MAX_PAUSE_NANOS);
        if (until - pausedUntil > 0) {
            pausedUntil = until;
        }
    }

    /** The place taken, or none and how long to wait before looking again. */
    private record Take(Permit permit, long waitNanos, long at) {}

    /** Takes a place when every condition holds now; else says how long to wait. */
    private synchronized Take tryTake(long tokens, long floor) {
        long clock = nanoTime.getAsLong();
        long now = floor - clock > 0 ? floor : clock;
        long wait = Math.max(0, pausedUntil - now);
        if (limits.requestsPerMinute() > 0) {
            places.removeIf(p -> p.freeAt - now <= 0);
            if (places.size() >= limits.requestsPerWindow()) {
                long soonest = places.stream().mapToLong(p -> p.freeAt).min().orElse(Long.MAX_VALUE);
                wait = Math.max(wait, soonest == Long.MAX_VALUE ? POLL_NANOS : soonest - now);
            }
        }
        double needed = 0;
        if (limits.tokensPerMinute() > 0) {
            double budget = limits.tokensPerWindow();
            double perNano = budget / limits.window().toNanos();
            if (now - tokensCountedAt > 0) {
                tokensAvailable = Math.min(budget, tokensAvailable + (now - tokensCountedAt) * perNano);
                tokensCountedAt = now;
            }
            needed = Math.min(tokens, budget);
            if (tokensAvailable < needed) {
                wait = Math.max(wait, (long) Math.ceil((needed - tokensAvailable) / perNano));
            }
        }
        if (wait > 0) {
            return new Take(null, wait, now);
        }
        tokensAvailable -= needed;
        Place place = new Place();
        if (limits.requestsPerMinute() > 0) {
            places.add(place);
        }
        return new Take(place, 0, now);
    }
}
