package io.dragoman.bench;

import io.dragoman.core.testing.LocalNews;
import io.dragoman.core.testing.SyntheticNews;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Throughput of the packaged CLI as a user runs it: {@code java -jar dragoman.jar run IN --out OUT} started as a
 * process against a stand-in model in another process ({@link StandInProcess}, answering after a fixed latency), on
 * synthetic German articles written as text files. Each article takes two calls, so the ideal wall time is articles
 * × 2 × latency / concurrency.
 *
 * <p>Measures, in one invocation: the JVM's start alone ({@code dragoman --version}, the fixed cost every run pays),
 * the first run (wall time over the ideal; the calls in flight on average, from the stand-in's arrival times: each
 * request is held for exactly the latency, so requests × latency over the span from the first arrival to the last
 * answer), and a second run over the finished directory, which should send nothing and end quickly.
 *
 * <pre>{@code
 * ./mvnw -B -q -Pbench -pl cli,bench -am package -DskipTests
 * java -cp bench/target/benchmarks.jar io.dragoman.bench.JarThroughput [--articles 1000] [--latency 500]
 *     [--concurrency 32] [--jar cli/target/dragoman.jar] [--heap 512m]
 * }</pre>
 *
 * <p>Every process has a time limit (ten times the ideal plus two minutes) after which it is killed and the row marked
 * incomplete.
 */
public final class JarThroughput {

    private static final int CALLS_PER_ARTICLE = 2;

    /** What the stand-in saw: its request count and arrival times on its own clock. */
    record Seen(int requests, int misses, long firstNanos, long lastNanos) {
        static Seen parse(String line) {
            String[] f = line.strip().split(" ");
            return new Seen(Integer.parseInt(f[0]), Integer.parseInt(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]));
        }
    }

    /** One process run: its exit code and wall time. */
    record Timed(int code, double seconds, String err) {}

    private final int articles;
    private final int latencyMs;
    private final int concurrency;
    private final Path jar;
    private final String heap;
    private final PrintStream out;

    JarThroughput(int articles, int latencyMs, int concurrency, Path jar, String heap, PrintStream out) {
        this.articles = articles;
        this.latencyMs = latencyMs;
        this.concurrency = concurrency;
        this.jar = jar;
        this.heap = heap;
        this.out = out;
    }

    /** Runs the benchmark; see the class comment for the arguments. */
    public static void main(String[] args) throws Exception {
        int articles = 1000;
        int latency = 500;
        int concurrency = 32;
        Path jar = Path.of("cli/target/dragoman.jar");
        String heap = "512m";
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--articles" -> articles = Integer.parseInt(args[i + 1]);
                case "--latency" -> latency = Integer.parseInt(args[i + 1]);
                case "--concurrency" -> concurrency = Integer.parseInt(args[i + 1]);
                case "--jar" -> jar = Path.of(args[i + 1]);
                case "--heap" -> heap = args[i + 1];
                default -> {
                    System.err.println("JarThroughput: unknown option " + args[i]);
                    System.exit(2);
                }
            }
        }
        if (!Files.isRegularFile(jar)) {
            System.err.println("JarThroughput: no jar at " + jar + "; build it with ./mvnw -B -q package -DskipTests");
            System.exit(2);
        }
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        new JarThroughput(articles, latency, concurrency, jar, heap, out).run();
        System.exit(0);
    }

    double idealSeconds() {
        return articles * (double) CALLS_PER_ARTICLE * latencyMs / 1000.0 / concurrency;
    }

    void run() throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("dragoman-jar-throughput");
        try {
            Path in = dir.resolve("in");
            writeArticles(in);
            Process standIn = new ProcessBuilder(
                            javaCommand(),
                            "-cp",
                            System.getProperty("java.class.path"),
                            StandInProcess.class.getName(),
                            Integer.toString(latencyMs),
                            Integer.toString(concurrency * 4))
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            try (BufferedReader answers = new BufferedReader(
                            new InputStreamReader(standIn.getInputStream(), StandardCharsets.UTF_8));
                    PrintWriter ask = new PrintWriter(standIn.getOutputStream(), true, StandardCharsets.UTF_8)) {
                String baseUrl = answers.readLine();
                long limit = (long) (idealSeconds() * 10) + 120;
                Timed start = time(List.of("--version"), baseUrl, limit);
                Timed first = time(runArguments(in, dir.resolve("out")), baseUrl, limit);
                ask.println("stats");
                Seen afterFirst = Seen.parse(answers.readLine());
                Timed rerun = time(runArguments(in, dir.resolve("out")), baseUrl, limit);
                ask.println("stats");
                Seen afterRerun = Seen.parse(answers.readLine());
                report(start, first, afterFirst, rerun, afterRerun);
            } finally {
                standIn.destroy();
                standIn.waitFor(10, TimeUnit.SECONDS);
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private void writeArticles(Path in) throws IOException {
        Files.createDirectories(in);
        SyntheticNews news = LocalNews.NEWS;
        for (int n = 0; n < articles; n++) {
            SyntheticNews.Article a = news.article(n);
            Files.writeString(in.resolve(a.id() + ".txt"), a.page(), StandardCharsets.UTF_8);
        }
    }

    private List<String> runArguments(Path in, Path outDir) {
        return List.of(
                "run",
                in.toString(),
                "--out",
                outDir.toString(),
                "--provider",
                "openai",
                "--model",
                "gpt-4.1-mini",
                "--concurrency",
                Integer.toString(concurrency),
                "-q");
    }

    private Timed time(List<String> arguments, String baseUrl, long limitSeconds)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(javaCommand(), "-Xmx" + heap, "-jar", jar.toString()));
        command.addAll(arguments);
        Path err = Files.createTempFile("dragoman-jar-throughput", ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(err.toFile());
            builder.environment().put("OPENAI_API_KEY", "sk-bench-stand-in");
            builder.environment().put("OPENAI_BASE_URL", baseUrl);
            long started = System.nanoTime();
            Process process = builder.start();
            boolean ended = process.waitFor(limitSeconds, TimeUnit.SECONDS);
            if (!ended) {
                process.destroyForcibly().waitFor();
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            return new Timed(ended ? process.exitValue() : -1, seconds, Files.readString(err));
        } finally {
            Files.deleteIfExists(err);
        }
    }

    private void report(Timed start, Timed first, Seen afterFirst, Timed rerun, Seen afterRerun) {
        double ideal = idealSeconds();
        double span = (afterFirst.lastNanos() - afterFirst.firstNanos()) / 1e9 + latencyMs / 1000.0;
        double inFlight = afterFirst.requests() * (latencyMs / 1000.0) / span;
        out.printf(
                Locale.ROOT,
                "JarThroughput: %,d articles, %d ms per call, --concurrency %d, -Xmx%s%n",
                articles,
                latencyMs,
                concurrency,
                heap);
        for (Timed t : List.of(start, first, rerun)) {
            if (t.code() != 0) {
                out.printf(
                        Locale.ROOT,
                        "  a process ended with %d: %s%n",
                        t.code(),
                        t.err().strip());
            }
        }
        out.println();
        out.println("| measure | value |");
        out.println("|---|---|");
        out.printf(Locale.ROOT, "| JVM start (`dragoman --version`) | %.2f s |%n", start.seconds());
        out.printf(
                Locale.ROOT,
                "| first run, wall | %.1f s (ideal %.2f s): **%.3f×** |%n",
                first.seconds(),
                ideal,
                first.seconds() / ideal);
        out.printf(
                Locale.ROOT, "| first run, first request to last answer | %.1f s: %.3f× ideal |%n", span, span / ideal);
        out.printf(Locale.ROOT, "| calls in flight on average (of %d) | **%.1f** |%n", concurrency, inFlight);
        out.printf(
                Locale.ROOT,
                "| requests at the stand-in | %,d (expected %,d; %d paragraphs unknown to it) |%n",
                afterFirst.requests(),
                articles * CALLS_PER_ARTICLE,
                afterFirst.misses());
        out.printf(
                Locale.ROOT,
                "| rerun over the finished directory, wall | %.2f s, %,d requests sent |%n",
                rerun.seconds(),
                afterRerun.requests() - afterFirst.requests());
    }

    private static String javaCommand() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
