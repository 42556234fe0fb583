package io.dragoman.cli;

import io.dragoman.core.pipeline.BatchRunner;
import java.util.function.Consumer;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C during a run: the first stops the intake and lets the articles in flight finish and be committed, so the
 * outputs and the report are written and a rerun resumes; the second aborts at once (the store stays consistent:
 * every write is a transaction). Restores the previous handler when closed.
 */
final class Interrupts implements AutoCloseable {

    private final SignalHandler previous;

    private Interrupts(SignalHandler previous) {
        this.previous = previous;
    }

    /**
     * Handles SIGINT until closed.
     *
     * @param say prints a line on standard error (above a progress bar)
     */
    static Interrupts install(BatchRunner.Control control, Consumer<String> say) {
        SignalHandler handler = new SignalHandler() {
            private boolean once;

            @Override
            public synchronized void handle(Signal signal) {
                if (once) {
                    Runtime.getRuntime().halt(ExitCodes.INTERRUPTED);
                }
                once = true;
                control.interrupt();
                say.accept("dragoman: interrupted: finishing the articles in flight (Ctrl-C again to abort them)");
            }
        };
        try {
            return new Interrupts(Signal.handle(new Signal("INT"), handler));
        } catch (IllegalArgumentException e) {
            return new Interrupts(null); // no SIGINT on this platform or JVM: Ctrl-C ends the process as usual
        }
    }

    @Override
    public void close() {
        if (previous != null) {
            Signal.handle(new Signal("INT"), previous);
        }
    }
}
