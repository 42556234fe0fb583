package io.dragoman.cli;

import io.dragoman.core.llm.Usage;
import io.dragoman.core.pipeline.ArticleOutcome;
import io.dragoman.core.pipeline.RunListener;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows a run's progress: a progress bar on a terminal (articles done of total, failures, tokens, cost, rate, ETA),
 * otherwise a plain line every {@link #LOG_EVERY} on standard error, and nothing when quiet. Thread-safe.
 */
final class Progress implements RunListener, AutoCloseable {

    static final Duration LOG_EVERY = Duration.ofSeconds(15);

    private final int total;
    private final ProgressBar bar;
    private final ScheduledExecutorService logger;
    private final PrintWriter err;
    private final Clock clock;
    private final Instant start;
    private int finished;
    private int failed;
    private Usage usage = new Usage(0, 0);
    private BigDecimal cost = BigDecimal.ZERO;

    private Progress(int total, ProgressBar bar, boolean log, PrintWriter err, Clock clock) {
        this.total = total;
        this.bar = bar;
        this.err = err;
        this.clock = clock;
        this.start = clock.instant();
        if (log) {
            logger = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "dragoman-progress");
                t.setDaemon(true);
                return t;
            });
            logger.scheduleAtFixedRate(this::logLine, LOG_EVERY.toSeconds(), LOG_EVERY.toSeconds(), TimeUnit.SECONDS);
        } else {
            logger = null;
        }
    }

    /**
     * The display for a run of {@code total} inputs.
     *
     * @param terminal whether standard error is a terminal (then a bar is drawn on {@code terminalErr})
     * @param quiet whether to show nothing
     */
    static Progress start(
            int total, boolean terminal, boolean quiet, PrintStream terminalErr, PrintWriter err, Clock clock) {
        if (quiet) {
            return new Progress(total, null, false, err, clock);
        }
        if (terminal) {
            ProgressBar bar = new ProgressBarBuilder()
                    .setTaskName("dragoman")
                    .setInitialMax(total)
                    .setStyle(ProgressBarStyle.ASCII)
                    .setConsumer(new ConsoleProgressBarConsumer(terminalErr))
                    .setUpdateIntervalMillis(500)
                    .showSpeed()
                    .build();
            return new Progress(total, bar, false, err, clock);
        }
        return new Progress(total, null, true, err, clock);
    }

    @Override
    public synchronized void finished(ArticleOutcome outcome) {
        finished++;
        if (outcome instanceof ArticleOutcome.Failed f) {
            failed++;
            usage = usage.plus(f.usage());
            f.cost().ifPresent(c -> cost = cost.add(c));
        } else if (outcome instanceof ArticleOutcome.Done d) {
            usage = usage.plus(d.usage());
            d.cost().ifPresent(c -> cost = cost.add(c));
        }
        if (bar != null) {
            bar.step();
            bar.setExtraMessage(extra());
        }
    }

    private String extra() {
        return String.format(
                Locale.ROOT,
                "%d failed, %,d tokens, $%s",
                failed,
                usage.inputTokens() + usage.outputTokens(),
                cost.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString());
    }

    /** The plain progress line for logs that are not a terminal. */
    synchronized String line() {
        double minutes = Math.max(1e-9, Duration.between(start, clock.instant()).toMillis() / 60_000.0);
        double rate = finished / minutes;
        String eta = rate <= 0 || finished >= total
                ? "-"
                : String.format(Locale.ROOT, "%.0f min", (total - finished) / rate);
        return String.format(
                Locale.ROOT,
                "dragoman: progress: %d/%d articles, %s, %.1f articles/min, ETA %s",
                finished,
                total,
                extra(),
                rate,
                eta);
    }

    private void logLine() {
        String line = line();
        synchronized (err) {
            err.println(line);
            err.flush();
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
        if (logger != null) {
            logger.shutdownNow();
        }
    }
}
