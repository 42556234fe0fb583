package io.dragoman.cli;

import io.dragoman.core.llm.Usage;
import io.dragoman.core.pipeline.ArticleOutcome;
import io.dragoman.core.pipeline.RunListener;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Shows a batch's progress while it runs: on a terminal a bar redrawn twice a second (articles done of the total,
 * failures, tokens, cost, rate, ETA); otherwise a plain {@code dragoman: progress: …} line on standard error every
 * {@link Display#every()} ({@link #LOG_EVERY} by default); nothing when quiet. Lines printed during the run go through
 * {@link #say} so that they land above the bar, not through it. The total is what the caller counted, shown as "≥ N"
 * until the counting is complete. Thread-safe.
 */
final class Progress implements RunListener, AutoCloseable {

    static final Duration LOG_EVERY = Duration.ofSeconds(15);
    private static final Duration REDRAW_EVERY = Duration.ofMillis(500);
    private static final int WIDEST_BAR = 30;
    private static final int NARROWEST_BAR = 5;
    private static final String CLEAR_LINE = "\r\u001b[K";

    /**
     * Where and how a command shows its progress.
     *
     * @param terminal standard error when it is a terminal: a bar is drawn there
     * @param quiet show nothing
     * @param every how often the plain line comes when standard error is not a terminal
     */
    record Display(Optional<Terminal> terminal, boolean quiet, Duration every) {
        /** Validates the interval. */
        Display {
            Objects.requireNonNull(terminal, "terminal");
            if (every.isNegative() || every.isZero()) {
                throw new IllegalArgumentException("The progress interval must be positive, was " + every);
            }
        }
    }

    private final PrintWriter err;
    private final Optional<Terminal> bar;
    private final boolean models;
    private final Clock clock;
    private final ScheduledExecutorService ticker;
    private Instant since;
    private int counted;
    private boolean complete;
    private int started;
    private int finished;
    private int skipped;
    private int failed;
    private int needsReview;
    private Usage usage = new Usage(0, 0);
    private BigDecimal cost = BigDecimal.ZERO;
    private boolean costUnknown;
    private boolean drawn;
    private boolean closed;

    private Progress(Display display, boolean models, PrintWriter err, Clock clock) {
        this.err = Objects.requireNonNull(err, "err");
        this.bar = display.quiet() ? Optional.empty() : display.terminal();
        this.models = models;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.since = clock.instant();
        if (display.quiet()) {
            ticker = null;
            return;
        }
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "dragoman-progress");
            t.setDaemon(true);
            return t;
        });
        long every = (bar.isPresent() ? REDRAW_EVERY : display.every()).toMillis();
        Runnable tick = bar.isPresent() ? this::draw : () -> say(line());
        ticker.scheduleAtFixedRate(tick, bar.isPresent() ? 0 : every, Math.max(1, every), TimeUnit.MILLISECONDS);
    }

    /**
     * Starts showing a run's progress.
     *
     * @param models whether the run calls models (then tokens and cost are shown)
     * @param err the command's standard error, for the plain lines and for {@link #say}
     */
    static Progress start(Display display, boolean models, PrintWriter err, Clock clock) {
        return new Progress(display, models, err, clock);
    }

    /** At least {@code inputs} inputs were counted so far. */
    synchronized void counting(int inputs) {
        counted = Math.max(counted, inputs);
    }

    /**
     * The counting ended with {@code inputs}; {@code complete} unless some inputs cannot be counted ahead (standard
     * input). The rate is measured from here.
     */
    synchronized void counted(int inputs, boolean complete) {
        counted = inputs;
        this.complete = complete;
        since = clock.instant();
    }

    @Override
    public synchronized void started(String id) {
        started++;
    }

    @Override
    public synchronized void finished(ArticleOutcome outcome) {
        finished++;
        if (outcome instanceof ArticleOutcome.Failed f) {
            failed++;
            paid(f.calls(), f.usage(), f.cost());
        } else if (outcome instanceof ArticleOutcome.Done d) {
            needsReview += d.translation().filter(t -> t.needsReview()).isPresent() ? 1 : 0;
            paid(d.calls(), d.usage(), d.cost());
        } else if (outcome instanceof ArticleOutcome.Skipped) {
            skipped++;
        }
    }

    /** An input that {@code clean} cleaned, or failed to. */
    synchronized void cleaned(boolean ok) {
        finished++;
        failed += ok ? 0 : 1;
    }

    private void paid(int calls, Usage more, Optional<BigDecimal> price) {
        usage = usage.plus(more);
        price.ifPresent(c -> cost = cost.add(c));
        costUnknown |= calls > 0 && price.isEmpty();
    }

    /** The articles workers have taken and not finished. */
    synchronized int inFlight() {
        return Math.max(0, started - finished);
    }

    /** Prints a line on standard error, above the bar when one is drawn. */
    synchronized void say(String line) {
        if (drawn) {
            bar.get().err().print(CLEAR_LINE);
            bar.get().err().flush();
            drawn = false;
        }
        err.println(line);
        err.flush();
        draw();
    }

    /** Redraws the bar, when there is one. */
    private synchronized void draw() {
        if (bar.isEmpty() || closed) {
            return;
        }
        Terminal t = bar.get();
        t.err().print("\r" + bar(t.columns()) + "\u001b[K");
        t.err().flush();
        drawn = true;
    }

    /** The plain progress line for standard error that is not a terminal. */
    synchronized String line() {
        List<String> parts = new ArrayList<>();
        parts.add(total() + " articles");
        parts.addAll(counts(true));
        parts.add(String.format(Locale.ROOT, "%,.1f articles/min", perMinute()));
        parts.add("ETA " + eta());
        return "dragoman: progress: " + String.join(", ", parts);
    }

    /** The bar as it fits in {@code columns}: the graphic shrinks first, then the text is cut. */
    synchronized String bar(int columns) {
        List<String> parts = new ArrayList<>();
        parts.add(total());
        parts.addAll(counts(false));
        parts.add(String.format(Locale.ROOT, "%,.1f/min", perMinute()));
        parts.add("ETA " + eta());
        String text = String.join("  ", parts);
        int room = columns - 1; // the last column would wrap on some terminals
        int width = Math.min(WIDEST_BAR, room - "dragoman [] ".length() - text.length());
        String line;
        if (width >= NARROWEST_BAR) {
            int full = counted == 0 ? 0 : (int) Math.min(width, (long) finished * width / Math.max(counted, finished));
            String graphic = "=".repeat(full) + (full < width ? ">" : "") + " ".repeat(Math.max(0, width - full - 1));
            line = "dragoman [" + graphic + "] " + text;
        } else {
            line = "dragoman " + text;
        }
        return line.length() <= room ? line : line.substring(0, Math.max(0, room));
    }

    private String total() {
        int atLeast = Math.max(counted, finished);
        return finished + "/" + (complete ? atLeast : atLeast == 0 ? "?" : "≥" + atLeast);
    }

    /**
     * The counts after the total; the articles that need review are always in the plain line and in the bar once
     * there are some, which leaves a narrow terminal room for the graphic.
     */
    private List<String> counts(boolean everyCount) {
        List<String> parts = new ArrayList<>();
        parts.add(failed + " failed");
        if (models) {
            if (everyCount || needsReview > 0) {
                parts.add(needsReview + " need review");
            }
            parts.add(String.format(Locale.ROOT, "%,d tokens", usage.inputTokens() + usage.outputTokens()));
            parts.add(
                    costUnknown
                            ? "cost unknown"
                            : "$" + cost.setScale(2, RoundingMode.HALF_UP).toPlainString());
        }
        return parts;
    }

    /** Articles per minute that this run worked on; those done before and skipped are not counted. */
    private double perMinute() {
        double minutes = Duration.between(since, clock.instant()).toMillis() / 60_000.0;
        return minutes <= 0 ? 0 : (finished - skipped) / minutes;
    }

    private String eta() {
        double rate = perMinute();
        int left = counted - finished;
        if (!complete || rate <= 0 || left <= 0) {
            return "-";
        }
        long seconds = Math.round(left / rate * 60);
        if (seconds < 90) {
            return seconds + " s";
        }
        if (seconds < 90 * 60) {
            return Math.round(seconds / 60.0) + " min";
        }
        return String.format(Locale.ROOT, "%.1f h", seconds / 3600.0);
    }

    /** Stops the display; a bar is drawn a last time, with the final counts, and its line ended. */
    @Override
    public void close() {
        if (ticker != null) {
            ticker.shutdownNow();
            try {
                ticker.awaitTermination(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (this) {
            if (bar.isPresent() && !closed) {
                draw();
                bar.get().err().println();
                bar.get().err().flush();
            }
            closed = true;
            drawn = false;
        }
    }
}
