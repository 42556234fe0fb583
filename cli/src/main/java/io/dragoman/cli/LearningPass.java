package io.dragoman.cli;

import io.dragoman.core.clean.Cleaner;
import io.dragoman.core.input.Input;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The learning pass of a run (the cleaner observes every input for the chrome its pages share) on a thread of its
 * own, started as soon as the cleaner exists, so that it reads the inputs while the run loads its models and opens
 * its store. No article is cleaned before it ends: what it learns changes how every article is cleaned.
 */
final class LearningPass implements AutoCloseable {

    private final CompletableFuture<Integer> done = new CompletableFuture<>();
    private final AtomicInteger seen = new AtomicInteger();
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * Starts the pass.
     *
     * @param inputs the inputs to learn from, opened and read on the pass's thread (what they throw, {@link #await}
     *     throws)
     * @param stopping true once the run was asked to stop; the pass then reads no further
     */
    LearningPass(Cleaner cleaner, Supplier<Stream<Input>> inputs, BooleanSupplier stopping) {
        Thread thread = new Thread(
                () -> {
                    try (Stream<Input> all = inputs.get()) {
                        all.takeWhile(i -> !stopping.getAsBoolean() && !closed.get())
                                .forEach(input -> {
                                    seen.incrementAndGet();
                                    if (input instanceof Input.Read read) {
                                        cleaner.observe(read.article());
                                    }
                                });
                        done.complete(seen.get());
                    } catch (RuntimeException | Error e) {
                        done.completeExceptionally(e);
                    }
                },
                "dragoman-learn");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Waits for the pass to end, telling {@code progress} how many inputs it has read meanwhile.
     *
     * @return how many inputs it read
     */
    int await(Progress progress) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return done.get(100, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    progress.counting(seen.get());
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException r) {
                        throw r;
                    }
                    if (e.getCause() instanceof Error err) {
                        throw err;
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Stops reading when the run ended before it asked for the pass (the store could not be opened). */
    @Override
    public void close() {
        closed.set(true);
    }
}
