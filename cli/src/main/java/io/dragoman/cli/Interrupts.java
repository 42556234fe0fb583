package io.dragoman.cli;

import io.dragoman.core.pipeline.BatchRunner;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C (SIGINT) and SIGTERM during a batch: the first stops the intake and lets the articles in flight finish and be
 * committed, so the outputs and the report are written and a rerun resumes; a second one aborts at once, after one
 * line saying what it left (the store stays consistent: every write is a transaction). Restores the previous handlers
 * when closed.
 */
final class Interrupts implements AutoCloseable {

    /** A signal that stops a run, and the exit code it ends with. */
    enum Kind {
        INT("interrupted", ExitCodes.INTERRUPTED),
        TERM("terminated (SIGTERM)", ExitCodes.TERMINATED);

        private final String word;
        private final int exitCode;

        Kind(String word, int exitCode) {
            this.word = word;
            this.exitCode = exitCode;
        }

        /** How the end of the run names it: "interrupted", "terminated (SIGTERM)". */
        String word() {
            return word;
        }

        int exitCode() {
            return exitCode;
        }
    }

    private final Map<Signal, SignalHandler> previous;
    private final AtomicReference<Kind> first;

    private Interrupts(Map<Signal, SignalHandler> previous, AtomicReference<Kind> first) {
        this.previous = previous;
        this.first = first;
    }

    /**
     * Handles SIGINT and SIGTERM until closed.
     *
     * @param control stopped at the first signal
     * @param say prints a line on standard error (above a progress bar)
     * @param left what aborting now would leave unfinished, for the line a second signal prints
     */
    static Interrupts install(BatchRunner.Control control, Consumer<String> say, Supplier<String> left) {
        AtomicReference<Kind> first = new AtomicReference<>();
        Map<Signal, SignalHandler> previous = new LinkedHashMap<>();
        for (Kind kind : Kind.values()) {
            SignalHandler handler = signal -> {
                if (!first.compareAndSet(null, kind)) {
                    say.accept("dragoman: aborted: " + left.get());
                    Runtime.getRuntime().halt(kind.exitCode());
                }
                control.interrupt();
                if (kind == Kind.INT) {
                    // a person at the keyboard: say at once that the key was heard
                    say.accept("dragoman: interrupted: finishing the articles in flight (Ctrl-C again to abort them)");
                }
            };
            try {
                Signal signal = new Signal(kind.name());
                previous.put(signal, Signal.handle(signal, handler));
            } catch (IllegalArgumentException e) {
                // the signal is not available here (or ignored, or used by the JVM): it ends the process as usual
            }
        }
        return new Interrupts(previous, first);
    }

    /** The first signal that came, if any. */
    Optional<Kind> received() {
        return Optional.ofNullable(first.get());
    }

    @Override
    public void close() {
        previous.forEach(Signal::handle);
    }
}
