package io.dragoman.bench;

import io.dragoman.core.pipeline.ArticleOutcome;
import io.dragoman.core.pipeline.RunListener;
import io.dragoman.core.translate.CheckResult;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Counts outcomes and notes each worker thread's CPU time as it finishes an article, for {@link BatchThroughput}: the
 * run's listener, with the finishing times and process CPU readings the steady-state figures are taken from. One per
 * scenario run.
 */
final class Tally implements RunListener {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    final AtomicInteger finished = new AtomicInteger();
    final AtomicLong checksNotPassed = new AtomicLong();
    final AtomicLong summaryWarnings = new AtomicLong();
    final AtomicReference<String> firstFailure = new AtomicReference<>();
    private final Map<Thread, Long> workerCpu = new ConcurrentHashMap<>();
    private final long[] finishes;
    private final int from;
    private final int to;
    private final AtomicLong cpuAtFrom = new AtomicLong(-1);
    private final AtomicLong cpuAtTo = new AtomicLong(-1);

    Tally(int articles) {
        finishes = new long[articles];
        from = articles / 10;
        to = articles - 1 - articles / 10;
    }

    @Override
    public void finished(ArticleOutcome outcome) {
        long now = System.nanoTime();
        workerCpu.put(Thread.currentThread(), THREADS.getCurrentThreadCpuTime());
        int n = finished.getAndIncrement();
        if (n < finishes.length) {
            finishes[n] = now;
        }
        if (n == from) {
            cpuAtFrom.set(BatchThroughput.processCpuNanos());
        } else if (n == to) {
            cpuAtTo.set(BatchThroughput.processCpuNanos());
        }
        if (outcome instanceof ArticleOutcome.Done done) {
            done.translation()
                    .ifPresent(t -> checksNotPassed.addAndGet(t.checks().stream()
                            .filter(c -> c.status() != CheckResult.Status.PASSED)
                            .count()));
            done.summary()
                    .ifPresent(sum -> summaryWarnings.addAndGet(sum.warnings().size()));
        } else if (outcome instanceof ArticleOutcome.Failed failed) {
            firstFailure.compareAndSet(null, failed.id() + " at " + failed.stage() + ": " + failed.reason());
        }
    }

    long workerCpuNanos() {
        return workerCpu.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Process CPU time per article between the 10th and the 90th percentile article: warm, without the tail. */
    Optional<Double> steadyCpuMsPerArticle() {
        if (to - from < 10 || cpuAtFrom.get() < 0 || cpuAtTo.get() < 0) {
            return Optional.empty();
        }
        return Optional.of((cpuAtTo.get() - cpuAtFrom.get()) / 1e6 / (to - from));
    }

    /** Articles per second between the 10th and the 90th percentile of finishing times. */
    Optional<Double> steadyRate() {
        int n = Math.min(finished.get(), finishes.length);
        if (n < 20) {
            return Optional.empty();
        }
        long[] sorted = java.util.Arrays.copyOf(finishes, n);
        java.util.Arrays.sort(sorted);
        int from = n / 10;
        int to = n - 1 - n / 10;
        double seconds = (sorted[to] - sorted[from]) / 1e9;
        return seconds > 0 ? Optional.of((to - from) / seconds) : Optional.empty();
    }
}
