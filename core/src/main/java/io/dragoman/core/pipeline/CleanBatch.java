package io.dragoman.core.pipeline;

import io.dragoman.core.clean.Cleaner;
import io.dragoman.core.clean.CleaningException;
import io.dragoman.core.input.Input;
import io.dragoman.core.input.InputReader;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * Cleans a batch of inputs: a first pass lets the cleaner learn the chrome the documents share, a second cleans
 * each and reports one outcome per input, in input order. A failing input never stops the batch.
 */
public final class CleanBatch {
    private final InputReader reader;
    private final Cleaner cleaner;

    /** Creates a batch over a reader and a cleaner. */
    public CleanBatch(InputReader reader, Cleaner cleaner) {
        this.reader = Objects.requireNonNull(reader, "reader");
        this.cleaner = Objects.requireNonNull(cleaner, "cleaner");
    }

    /**
     * Cleans every input named by {@code args} and hands each outcome to {@code sink} as soon as it is known.
     * Standard input ({@code -}) is read once and not used for learning. An empty {@code args} list cleans nothing and
     * returns zero counts.
     *
     * @return counts of cleaned and failed inputs
     */
    public Totals run(List<String> args, Consumer<CleanOutcome> sink) {
        return run(args, learned -> {}, sink);
    }

    /**
     * Cleans as {@link #run(List, Consumer)} does, and says how many inputs the learning pass read (all but standard
     * input's) before the first outcome: the total, for a progress display.
     */
    public Totals run(List<String> args, IntConsumer learned, Consumer<CleanOutcome> sink) {
        List<String> learnable = args.stream().filter(a -> !a.equals("-")).toList();
        int[] seen = {0};
        try (var inputs = reader.read(learnable)) {
            inputs.forEach(input -> {
                seen[0]++;
                if (input instanceof Input.Read read) {
                    cleaner.observe(read.article());
                }
            });
        }
        learned.accept(seen[0]);
        int[] counts = new int[2];
        try (var inputs = reader.read(args)) {
            inputs.forEach(input -> {
                CleanOutcome outcome = clean(input);
                counts[outcome instanceof CleanOutcome.Cleaned ? 0 : 1]++;
                sink.accept(outcome);
            });
        }
        return new Totals(counts[0], counts[1]);
    }

    /** Cleans one input; a failure of any kind becomes a {@link CleanOutcome.Failed}. */
    public CleanOutcome clean(Input input) {
        if (input instanceof Input.Unreadable u) {
            return new CleanOutcome.Failed(u.location(), u.reason());
        }
        Input.Read read = (Input.Read) input;
        try {
            return new CleanOutcome.Cleaned(cleaner.clean(read.article()));
        } catch (CleaningException e) {
            return new CleanOutcome.Failed(read.location(), e.getMessage());
        } catch (RuntimeException | StackOverflowError e) {
            return new CleanOutcome.Failed(read.location(), "cleaner failed unexpectedly: " + e);
        }
    }

    /**
     * How a batch went.
     *
     * @param cleaned inputs that became articles
     * @param failed inputs that did not
     */
    public record Totals(int cleaned, int failed) {}
}
