package io.dragoman.core.output;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Renders and writes the site's pages on a few threads while the caller goes on reading the store. At most a few
 * pages per thread wait their turn (beyond that the caller writes the page itself), so the heap holds a bounded number
 * of articles whatever the size of the site; the first failure stops the render and is thrown again.
 */
final class PageWriters implements AutoCloseable {

    /** Pages waiting per thread before the caller writes one itself. */
    static final int WAITING_PER_THREAD = 16;

    private final ThreadPoolExecutor pool;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    /** Writes on this many threads; one writes every page on the caller's thread. */
    PageWriters(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, not " + threads);
        }
        AtomicInteger number = new AtomicInteger();
        this.pool = threads == 1
                ? null
                : new ThreadPoolExecutor(
                        threads,
                        threads,
                        0,
                        TimeUnit.MILLISECONDS,
                        new ArrayBlockingQueue<>(threads * WAITING_PER_THREAD),
                        r -> {
                            Thread t = new Thread(r, "dragoman-site-" + number.incrementAndGet());
                            t.setDaemon(true);
                            return t;
                        },
                        new ThreadPoolExecutor.CallerRunsPolicy());
    }

    /** Writes a page now or soon; throws the failure of a page written before, if any. */
    void submit(Runnable write) {
        rethrow();
        if (pool == null) {
            write.run();
            return;
        }
        pool.execute(() -> {
            if (failure.get() != null) {
                return;
            }
            try {
                write.run();
            } catch (RuntimeException | Error e) {
                failure.compareAndSet(null, e);
            }
        });
    }

    /** Waits until every page is written; throws the first failure. */
    @Override
    public void close() {
        if (pool != null) {
            pool.shutdown();
            try {
                while (!pool.awaitTermination(1, TimeUnit.MINUTES)) {
                    // a slow disk: keep waiting, the pages are still being written
                }
            } catch (InterruptedException e) {
                pool.shutdownNow();
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while writing the site's pages", e);
            }
        }
        rethrow();
    }

    private void rethrow() {
        Throwable f = failure.get();
        if (f instanceof RuntimeException e) {
            throw e;
        }
        if (f instanceof Error e) {
            throw e;
        }
    }
}
