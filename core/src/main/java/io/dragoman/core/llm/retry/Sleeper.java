package io.dragoman.core.llm.retry;

import java.time.Duration;

/** Waits; injected so that tests can record waits instead of sleeping. */
@FunctionalInterface
public interface Sleeper {

    /** Blocks the calling thread for the duration. */
    void sleep(Duration duration) throws InterruptedException;

    /** The real thing: {@link Thread#sleep(long)}. */
    static Sleeper system() {
        return duration -> Thread.sleep(duration.toMillis());
    }
}
