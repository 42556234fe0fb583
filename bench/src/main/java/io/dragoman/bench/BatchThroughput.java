package io.dragoman.bench;

import io.dragoman.core.Dragoman;
import io.dragoman.core.llm.ProviderConfig;
import io.dragoman.core.llm.ProviderKind;
import io.dragoman.core.llm.retry.RateLimiter;
import io.dragoman.core.llm.setup.ModelProviders;
import io.dragoman.core.pipeline.BatchRunner;
import io.dragoman.core.pipeline.RunResult;
import io.dragoman.core.testing.LocalNews;
import io.dragoman.core.testing.StandInModel;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Batch throughput and memory of the {@link Dragoman} facade against a stand-in model server ({@link StandInModel}, a
 * WireMock server in this JVM speaking OpenAI's chat completions format), on synthetic German articles ({@link
 * LocalNews}) streamed lazily into {@link Dragoman#run}: whole runs timed by the wall clock, not JMH. Each article
 * is cleaned, translated and summarised, two model calls, every stage committed to a real SQLite run store in a
 * temporary directory that is deleted afterwards.
 *
 * <ul>
 *   <li>{@code A} latency-bound: 2,000 articles, 500 ms per call, concurrency 32, no rate limit. Ideal wall time =
 *       articles × calls × latency / concurrency; also the client CPU per article, and the output files rendered.
 *   <li>{@code B} rate-limited: 300 articles at 600 requests a minute, 50 ms per call, concurrency 32. Ideal = calls /
 *       rpm minutes; the stand-in counts the requests in every 60 s and 1 s window to show the limit was kept.
 *   <li>{@code C} memory: 100,000 articles, no latency, concurrency 32, a learning pass first and outputs rendered
 *       last, as the CLI runs them; the peak heap, to be run with {@code -Xmx512m}.
 * </ul>
 *
 * <p>Run from the repository root:
 *
 * <pre>{@code
 * ./mvnw -B -q -Pbench -pl bench -am package -DskipTests
 * java -Xmx512m -cp bench/target/benchmarks.jar io.dragoman.bench.BatchThroughput all
 * }</pre>
 *
 * <p>Arguments: {@code A}, {@code B}, {@code C} or {@code all} (the default), then optionally {@code --articles N},
 * {@code --latency MS}, {@code --concurrency N}, {@code --rpm N} and {@code --limit SECONDS} to change the selected
 * scenarios. Each scenario has a wall-time limit: when it passes, the run is interrupted as Ctrl-C would (the articles
 * in flight finish) and the row is marked incomplete; if it does not end within {@value #GRACE_SECONDS} s more, the
 * benchmark exits with status 3. Progress goes to standard error every {@value #PROGRESS_SECONDS} s.
 *
 * <p>What the CPU figures include: the stand-in server runs in the same JVM, so the process CPU time per article is
 * client and server together, garbage collection and JIT compilation included. The worker CPU per article is the CPU
 * time of the facade's worker threads alone (cleaning, prompts, checks, JSON, SQLite, the blocking half of each HTTP
 * call), without the JDK HTTP client's selector thread, the server and the JVM's own threads.
 */
public final class BatchThroughput {

    static final int CALLS_PER_ARTICLE = 2;
    private static final int GRACE_SECONDS = 180;
    private static final int PROGRESS_SECONDS = 30;
    private static final double MB = 1024.0 * 1024.0;

    /** One configuration to run. */
    record Scenario(
            String name,
            String what,
            int articles,
            int latencyMs,
            int concurrency,
            int rpm,
            boolean writeOutputs,
            int limitSeconds) {

        long calls() {
            return (long) articles * CALLS_PER_ARTICLE;
        }

        /** The least wall time the latency or the rate limit allows, in seconds; 0 when neither binds. */
        double idealSeconds() {
            double latencyBound = calls() * (latencyMs / 1000.0) / concurrency;
            double rateBound = rpm > 0 ? calls() * 60.0 / rpm : 0;
            return Math.max(latencyBound, rateBound);
        }
    }

    /** What one scenario measured. */
    record Measured(
            Scenario scenario,
            RunResult result,
            int requests,
            int misses,
            long checksNotPassed,
            long summaryWarnings,
            double wallSeconds,
            double renderSeconds,
            double setupSeconds,
            double processCpuMsPerArticle,
            Optional<Double> steadyCpuMsPerArticle,
            double workerCpuMsPerArticle,
            double standInCpuMsPerArticle,
            double baselineHeapMb,
            double peakHeapMb,
            double peakAfterGcMb,
            double maxHeapMb,
            Optional<Windows> windows,
            Optional<String> firstFailure,
            Optional<Double> steadyArticlesPerSecond) {

        boolean complete() {
            return result.done() == scenario.articles();
        }

        /** Wall time over the ideal; none when the run did not finish every article, or nothing binds. */
        Optional<Double> ratio() {
            double ideal = scenario.idealSeconds();
            return ideal > 0 && complete() ? Optional.of(wallSeconds / ideal) : Optional.empty();
        }

        /**
         * The ratio over the middle of a latency-bound run, without the warm-up and the tail; none for a rate-limited
         * run, whose articles finish in bursts (translations first, then summaries) while its requests are paced.
         */
        Optional<Double> steadyRatio() {
            double ideal = scenario.idealSeconds();
            return ideal > 0 && scenario.rpm() == 0
                    ? steadyArticlesPerSecond.map(rate -> scenario.articles() / ideal / rate)
                    : Optional.empty();
        }
    }

    /** The most requests the stand-in saw in any sliding window of 60 s and of 1 s. */
    record Windows(int perMinute, int perSecond, int requests, double spanSeconds) {

        static Windows of(long[] sortedNanos) {
            return new Windows(
                    most(sortedNanos, TimeUnit.SECONDS.toNanos(60)),
                    most(sortedNanos, TimeUnit.SECONDS.toNanos(1)),
                    sortedNanos.length,
                    sortedNanos.length < 2 ? 0 : (sortedNanos[sortedNanos.length - 1] - sortedNanos[0]) / 1e9);
        }

        /** The most arrivals in any window [t, t + width) that starts at an arrival. */
        private static int most(long[] sorted, long width) {
            int best = 0;
            int end = 0;
            for (int start = 0; start < sorted.length; start++) {
                while (end < sorted.length && sorted[end] - sorted[start] < width) {
                    end++;
                }
                best = Math.max(best, end - start);
            }
            return best;
        }
    }

    private final PrintStream out;
    private final PrintStream err;
    private final ThroughputReport report;

    BatchThroughput(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
        this.report = new ThroughputReport(out);
    }

    /** Runs the benchmark; see the class comment for the arguments. */
    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        List<Scenario> scenarios;
        try {
            scenarios = scenarios(args);
        } catch (IllegalArgumentException e) {
            err.println("BatchThroughput: " + e.getMessage());
            err.println("usage: BatchThroughput [A|B|C|all] [--articles N] [--latency MS] [--concurrency N] [--rpm N]"
                    + " [--limit SECONDS]");
            System.exit(2);
            return;
        }
        try {
            new BatchThroughput(out, err).run(scenarios);
        } catch (RuntimeException e) {
            e.printStackTrace(err);
            System.exit(1);
        }
        System.exit(0); // the HTTP client's and the server's threads are not all daemons
    }

    static List<Scenario> scenarios(String[] args) {
        String which = "all";
        Integer articles = null;
        Integer latency = null;
        Integer concurrency = null;
        Integer rpm = null;
        Integer limit = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.startsWith("--")) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(a + " needs a value");
                }
                int value = number(a, args[++i]);
                switch (a) {
                    case "--articles" -> articles = bounded(a, value, 1, 1_000_000);
                    case "--latency" -> latency = bounded(a, value, 0, 60_000);
                    case "--concurrency" -> concurrency = bounded(a, value, 1, 1024);
                    case "--rpm" -> rpm = bounded(a, value, 0, 1_000_000);
                    case "--limit" -> limit = bounded(a, value, 1, 24 * 3600);
                    default -> throw new IllegalArgumentException("unknown option " + a);
                }
            } else {
                which = a;
            }
        }
        List<Scenario> all = List.of(
                new Scenario("A", "latency-bound", 2_000, 500, 32, 0, true, 600),
                new Scenario("B", "rate-limited", 300, 50, 32, 600, false, 600),
                new Scenario("C", "100,000 articles", 100_000, 0, 32, 0, true, 3600));
        List<Scenario> chosen = new ArrayList<>();
        for (Scenario s : all) {
            if (which.equalsIgnoreCase("all") || which.equalsIgnoreCase(s.name())) {
                chosen.add(new Scenario(
                        s.name(),
                        s.what(),
                        articles != null ? articles : s.articles(),
                        latency != null ? latency : s.latencyMs(),
                        concurrency != null ? concurrency : s.concurrency(),
                        rpm != null ? rpm : s.rpm(),
                        s.writeOutputs(),
                        limit != null ? limit : s.limitSeconds()));
            }
        }
        if (chosen.isEmpty()) {
            throw new IllegalArgumentException("no scenario " + which + "; choose A, B, C or all");
        }
        return chosen;
    }

    private static int number(String option, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a whole number, not " + value, e);
        }
    }

    private static int bounded(String option, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(option + " must be between " + min + " and " + max);
        }
        return value;
    }

    void run(List<Scenario> scenarios) {
        out.printf(
                Locale.ROOT,
                "Java %s, %d processors, max heap %.0f MB%n",
                System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() / MB);
        List<Measured> rows = new ArrayList<>();
        for (Scenario s : scenarios) {
            out.printf(
                    Locale.ROOT,
                    "%nScenario %s (%s): %,d articles, %d ms per call, concurrency %d, %s, limit %d s%n",
                    s.name(),
                    s.what(),
                    s.articles(),
                    s.latencyMs(),
                    s.concurrency(),
                    s.rpm() > 0 ? s.rpm() + " rpm" : "no rate limit",
                    s.limitSeconds());
            Measured m = measure(s);
            rows.add(m);
            report.details(m);
        }
        out.println();
        report.table(rows);
    }

    // ------------------------------------------------------------------ one scenario

    Measured measure(Scenario s) {
        Path dir;
        try {
            dir = Files.createTempDirectory("dragoman-bench-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bench-watchdog");
            t.setDaemon(true);
            return t;
        });
        List<ScheduledFuture<?>> timers = new ArrayList<>();
        int arrivals = s.rpm() > 0 ? (int) Math.min(s.calls() * 2 + 64, 10_000_000) : 0;
        int threads = Math.max(64, s.concurrency() * 2 + 32);
        try (StandInModel server = StandInModel.start(s.latencyMs(), threads, arrivals)) {
            long setupStart = System.nanoTime();
            ProviderConfig config = ProviderConfig.of(
                    ProviderKind.OPENAI,
                    StandInModel.MODEL,
                    server.baseUrl(),
                    Optional.of("sk-bench-0123456789abcdef"),
                    "the benchmark");
            Tally tally = new Tally(s.articles());
            BatchRunner.Control control = new BatchRunner.Control();
            try (Dragoman dragoman = Dragoman.builder()
                    .model(ModelProviders.create(config, new RateLimiter.Limits(s.rpm(), 0)))
                    .store(dir.resolve("dragoman.db"))
                    .concurrency(s.concurrency())
                    .build()) {
                double setup = (System.nanoTime() - setupStart) / 1e9;
                HeapWatch heap = HeapWatch.start();
                if (s.writeOutputs()) {
                    // as the CLI does: a first pass lets the cleaner learn the batch's chrome, and what it learned
                    // stays in memory for the whole run
                    long learnStart = System.nanoTime();
                    int learned = dragoman.learn(LocalNews.NEWS.inputs(s.articles()));
                    err.printf(
                            Locale.ROOT,
                            "  %s: learning pass over %,d articles in %.1f s%n",
                            s.name(),
                            learned,
                            (System.nanoTime() - learnStart) / 1e9);
                }
                long cpu0 = processCpuNanos();
                long stub0 = server.transformerCpuNanos();
                long start = System.nanoTime();
                timers.add(clock.schedule(control::interrupt, s.limitSeconds(), TimeUnit.SECONDS));
                timers.add(clock.schedule(
                        () -> {
                            err.printf(
                                    Locale.ROOT,
                                    "BatchThroughput: scenario %s did not stop within %d s of its limit; giving up%n",
                                    s.name(),
                                    GRACE_SECONDS);
                            System.exit(3);
                        },
                        s.limitSeconds() + GRACE_SECONDS,
                        TimeUnit.SECONDS));
                timers.add(clock.scheduleAtFixedRate(
                        () -> err.printf(
                                Locale.ROOT,
                                "  %s: %,d of %,d articles after %.0f s%n",
                                s.name(),
                                tally.finished.get(),
                                s.articles(),
                                (System.nanoTime() - start) / 1e9),
                        PROGRESS_SECONDS,
                        PROGRESS_SECONDS,
                        TimeUnit.SECONDS));
                RunResult result = dragoman.run(LocalNews.NEWS.inputs(s.articles()), tally, control);
                double wall = (System.nanoTime() - start) / 1e9;
                long cpu = processCpuNanos() - cpu0;
                long stub = server.transformerCpuNanos() - stub0;
                double render = 0;
                if (s.writeOutputs()) {
                    long renderStart = System.nanoTime();
                    dragoman.writeOutputs(dir, Optional.of(result));
                    render = (System.nanoTime() - renderStart) / 1e9;
                }
                HeapWatch.Peak peak = heap.stop();
                int n = Math.max(1, result.done() + result.failed());
                return new Measured(
                        s,
                        result,
                        server.requests(),
                        server.misses(),
                        tally.checksNotPassed.get(),
                        tally.summaryWarnings.get(),
                        wall,
                        render,
                        setup,
                        cpu / 1e6 / n,
                        tally.steadyCpuMsPerArticle(),
                        tally.workerCpuNanos() / 1e6 / n,
                        stub / 1e6 / n,
                        peak.baseline() / MB,
                        peak.used() / MB,
                        peak.afterGc() / MB,
                        Runtime.getRuntime().maxMemory() / MB,
                        s.rpm() > 0 ? Optional.of(Windows.of(server.arrivals())) : Optional.empty(),
                        Optional.ofNullable(tally.firstFailure.get()),
                        tally.steadyRate());
            }
        } finally {
            timers.forEach(t -> t.cancel(false));
            clock.shutdownNow();
            delete(dir);
        }
    }

    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + dir, e);
        }
    }
}
