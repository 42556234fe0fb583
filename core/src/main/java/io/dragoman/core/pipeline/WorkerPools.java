package io.dragoman.core.pipeline;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The threads a batch runs on: a few cleaners that read, clean and commit articles ahead of the model slots, and the
 * slots, one thread per article whose model calls are under way. A freed slot finds its next article cleaned, so the
 * slots wait only for the model; and at most as many articles as there are slots are cleaned and waiting for one, so
 * cleaning never gets far ahead of the model stages (a store near its size limit still gets summaries before it is
 * full of cleaned rows, and memory holds at most twice the concurrency of articles).
 */
final class WorkerPools {

    /** How long abandoned calls get to notice before the run ends without them (their threads are daemons). */
    private static final Duration ABANDON_WAIT = Duration.ofSeconds(2);

    private final ExecutorService cleaners;
    private final ExecutorService slots;
    private final Semaphore ahead;

    /**
     * @param concurrency how many articles are in their model stages at once; as many more may be cleaned ahead
     * @param cleanerThreads how many articles are cleaned at once (no more than {@code concurrency} are used)
     */
    WorkerPools(int concurrency, int cleanerThreads) {
        this.cleaners = Executors.newFixedThreadPool(
                Math.max(1, Math.min(concurrency, cleanerThreads)), daemons("dragoman-clean"));
        this.slots = Executors.newFixedThreadPool(concurrency, daemons("dragoman-worker"));
        this.ahead = new Semaphore(concurrency);
    }

    /** As many cleaners as half the cores, at least two: cleaning is CPU work, the slots mostly wait. */
    static int defaultCleaners() {
        return Math.max(2, Runtime.getRuntime().availableProcessors() / 2);
    }

    /** Waits until one more article may be cleaned ahead; false when the intake stopped meanwhile. */
    boolean admit(BatchRunner.Control control) {
        boolean interrupted = false;
        try {
            while (control.takesInputs()) {
                try {
                    if (ahead.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                        if (control.takesInputs()) {
                            return true;
                        }
                        ahead.release();
                        return false;
                    }
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            return false;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Runs {@code cleaning} on a cleaner, after {@link #admit}; what it returns, the article's model stages, runs
     * later in a slot. Empty means the article ended at cleaning.
     *
     * @param failed hears what escapes either part (the store refusing a write)
     * @param refused runs instead of the model stages when the slots no longer take work (the run is abandoned)
     */
    void clean(Supplier<Optional<Runnable>> cleaning, Consumer<RuntimeException> failed, Runnable refused) {
        cleaners.execute(() -> {
            boolean handedOn = false;
            try {
                Optional<Runnable> models = cleaning.get();
                if (models.isPresent()) {
                    slots.execute(() -> {
                        ahead.release();
                        try {
                            models.get().run();
                        } catch (RuntimeException e) {
                            failed.accept(e);
                        }
                    });
                    handedOn = true;
                }
            } catch (RejectedExecutionException e) {
                refused.run();
            } catch (RuntimeException e) {
                failed.accept(e);
            } finally {
                if (!handedOn) {
                    ahead.release();
                }
            }
        });
    }

    /**
     * Lets the work taken finish: the cleaners first, then the slots they handed articles to. Once the control's grace
     * is over, interrupts both and waits at most {@link #ABANDON_WAIT} more.
     */
    void finish(BatchRunner.Control control) {
        cleaners.shutdown();
        boolean interrupted = false;
        long giveUpAt = Long.MAX_VALUE;
        while (true) {
            try {
                if (!slots.isShutdown()) {
                    if (cleaners.awaitTermination(100, TimeUnit.MILLISECONDS)) {
                        slots.shutdown(); // nothing more will be handed on
                    }
                } else if (slots.awaitTermination(100, TimeUnit.MILLISECONDS)) {
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
            if (control.abandonNow()) {
                cleaners.shutdownNow();
                slots.shutdownNow();
                giveUpAt = System.nanoTime() + ABANDON_WAIT.toNanos();
            }
            if (System.nanoTime() - giveUpAt >= 0) {
                break;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory daemons(String name) {
        return runnable -> {
            Thread t = new Thread(runnable, name);
            t.setDaemon(true);
            return t;
        };
    }
}
