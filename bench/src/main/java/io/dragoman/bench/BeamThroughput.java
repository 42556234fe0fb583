package io.dragoman.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dragoman.core.testing.LocalNews;
import io.dragoman.core.testing.SyntheticNews;
import java.io.BufferedReader;
import java.io.BufferedWriter;
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
 * The Beam job against the CLI on the same work: one JSONL feed of synthetic German articles, one stand-in model in a
 * process of its own ({@link StandInProcess}, answering after a fixed latency), both jars started as processes as a
 * user starts them. Measures, in one invocation and alternating nothing else:
 *
 * <ol>
 *   <li>the CLI, {@code dragoman run feed.jsonl --concurrency C}, and the Beam job on the DirectRunner with {@code
 *       --shards=S --concurrency=C/S} (the same calls in flight at once), each against the stand-in: wall time, and
 *       the ratio Beam / CLI;
 *   <li>cleaning only ({@code --only=clean}), the Beam job with 1 and with 2 workers ({@code --targetParallelism} and
 *       as many shards), and the CLI's {@code run --only clean} for reference: articles per second.
 * </ol>
 *
 * <pre>{@code
 * ./mvnw -B -q -Pbench -pl cli,beam,bench -am package -DskipTests
 * java -cp bench/target/benchmarks.jar io.dragoman.bench.BeamThroughput [--articles 10000] [--latency 200]
 *     [--concurrency 32] [--shards 8] [--cli cli/target/dragoman.jar] [--beam beam/target/dragoman-beam.jar]
 * }</pre>
 *
 * <p>Every process has a time limit (ten times the ideal plus five minutes) after which it is killed and its row marked.
 */
public final class BeamThroughput {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MODEL = "gpt-4.1-mini";

    /** One process run: its exit code, wall time and what it printed last. */
    record Timed(int code, double seconds, String tail) {}

    private final int articles;
    private final int latencyMs;
    private final int concurrency;
    private final int shards;
    private final Path cli;
    private final Path beam;
    private final PrintStream out;

    BeamThroughput(int articles, int latencyMs, int concurrency, int shards, Path cli, Path beam, PrintStream out) {
        this.articles = articles;
        this.latencyMs = latencyMs;
        this.concurrency = concurrency;
        this.shards = shards;
        this.cli = cli;
        this.beam = beam;
        this.out = out;
    }

    /** Runs the benchmark; see the class comment for the arguments. */
    public static void main(String[] args) throws Exception {
        int articles = 10_000;
        int latency = 200;
        int concurrency = 32;
        int shards = 8;
        Path cli = Path.of("cli/target/dragoman.jar");
        Path beam = Path.of("beam/target/dragoman-beam.jar");
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--articles" -> articles = Integer.parseInt(args[i + 1]);
                case "--latency" -> latency = Integer.parseInt(args[i + 1]);
                case "--concurrency" -> concurrency = Integer.parseInt(args[i + 1]);
                case "--shards" -> shards = Integer.parseInt(args[i + 1]);
                case "--cli" -> cli = Path.of(args[i + 1]);
                case "--beam" -> beam = Path.of(args[i + 1]);
                default -> {
                    System.err.println("BeamThroughput: unknown option " + args[i]);
                    System.exit(2);
                }
            }
        }
        for (Path jar : List.of(cli, beam)) {
            if (!Files.isRegularFile(jar)) {
                System.err.println("BeamThroughput: no jar at " + jar
                        + "; build both with ./mvnw -B -q -pl cli,beam -am package -DskipTests");
                System.exit(2);
            }
        }
        if (concurrency % shards != 0) {
            System.err.println("BeamThroughput: --concurrency must be a multiple of --shards");
            System.exit(2);
        }
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        new BeamThroughput(articles, latency, concurrency, shards, cli, beam, out).run();
        System.exit(0);
    }

    double idealSeconds() {
        return articles * 2.0 * latencyMs / 1000.0 / concurrency;
    }

    void run() throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("dragoman-beam-throughput");
        try {
            Path feed = dir.resolve("feed.jsonl");
            writeFeed(feed);
            long limit = (long) (idealSeconds() * 10) + 300;
            Timed cleanCli = time(
                    cli,
                    List.of(
                            "run",
                            feed.toString(),
                            "--only",
                            "clean",
                            "--out",
                            dir.resolve("clean-cli").toString(),
                            "-q"),
                    "",
                    limit);
            Timed clean1 = time(beam, beamClean(feed, dir.resolve("clean-1"), 1), "", limit);
            Timed clean2 = time(beam, beamClean(feed, dir.resolve("clean-2"), 2), "", limit);
            Process standIn = new ProcessBuilder(
                            javaCommand(),
                            "-cp",
                            System.getProperty("java.class.path"),
                            StandInProcess.class.getName(),
                            Integer.toString(latencyMs),
                            Integer.toString(concurrency * 4))
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            Timed cliRun;
            Timed beamRun;
            try (BufferedReader answers = new BufferedReader(
                            new InputStreamReader(standIn.getInputStream(), StandardCharsets.UTF_8));
                    PrintWriter ask = new PrintWriter(standIn.getOutputStream(), true, StandardCharsets.UTF_8)) {
                String baseUrl = answers.readLine();
                cliRun = time(
                        cli,
                        List.of(
                                "run",
                                feed.toString(),
                                "--out",
                                dir.resolve("cli").toString(),
                                "--provider",
                                "openai-compatible",
                                "--model",
                                MODEL,
                                "--base-url",
                                baseUrl,
                                "--concurrency",
                                Integer.toString(concurrency),
                                "-q"),
                        baseUrl,
                        limit);
                beamRun = time(
                        beam,
                        List.of(
                                "--runner=DirectRunner",
                                "--targetParallelism=" + shards,
                                "--inputs=" + feed,
                                "--output=" + dir.resolve("beam"),
                                "--provider=openai-compatible",
                                "--model=" + MODEL,
                                "--baseUrl=" + baseUrl,
                                "--shards=" + shards,
                                "--concurrency=" + concurrency / shards),
                        baseUrl,
                        limit);
                ask.println("stats");
                answers.readLine();
            } finally {
                standIn.destroy();
                standIn.waitFor(10, TimeUnit.SECONDS);
            }
            report(cliRun, beamRun, cleanCli, clean1, clean2);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private List<String> beamClean(Path feed, Path output, int workers) {
        return List.of(
                "--runner=DirectRunner",
                "--targetParallelism=" + workers,
                "--inputs=" + feed,
                "--output=" + output,
                "--only=clean",
                "--shards=" + workers);
    }

    private void writeFeed(Path feed) throws IOException {
        SyntheticNews news = LocalNews.NEWS;
        try (BufferedWriter w = Files.newBufferedWriter(feed, StandardCharsets.UTF_8)) {
            for (int n = 0; n < articles; n++) {
                SyntheticNews.Article a = news.article(n);
                w.write(JSON.createObjectNode()
                        .put("id", a.id())
                        .put("text", a.page())
                        .toString());
                w.write('\n');
            }
        }
    }

    private static Timed time(Path jar, List<String> arguments, String baseUrl, long limitSeconds)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(javaCommand(), "-Xmx1g", "-jar", jar.toString()));
        command.addAll(arguments);
        Path log = Files.createTempFile("dragoman-beam-throughput", ".log");
        try {
            ProcessBuilder builder =
                    new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().remove("OPENAI_API_KEY");
            long started = System.nanoTime();
            Process process = builder.start();
            boolean ended = process.waitFor(limitSeconds, TimeUnit.SECONDS);
            if (!ended) {
                process.destroyForcibly().waitFor();
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            String tail = String.join(" / ", lines.subList(Math.max(0, lines.size() - 2), lines.size()));
            return new Timed(ended ? process.exitValue() : -1, seconds, tail);
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private void report(Timed cliRun, Timed beamRun, Timed cleanCli, Timed clean1, Timed clean2) {
        out.printf(
                Locale.ROOT,
                "BeamThroughput: %,d articles, %d ms per call, %d calls in flight (Beam: %d shards × %d), ideal %.1f s%n",
                articles,
                latencyMs,
                concurrency,
                shards,
                concurrency / shards,
                idealSeconds());
        for (Timed t : List.of(cliRun, beamRun, cleanCli, clean1, clean2)) {
            if (t.code() != 0) {
                out.printf(Locale.ROOT, "  a process ended with %d: %s%n", t.code(), t.tail());
            }
        }
        out.println();
        out.println("| run | wall | against the CLI |");
        out.println("|---|---|---|");
        out.printf(Locale.ROOT, "| CLI `run`, --concurrency %d | %.1f s | 1.00× |%n", concurrency, cliRun.seconds());
        out.printf(
                Locale.ROOT,
                "| Beam DirectRunner, %d shards × %d | %.1f s | %.2f× |%n",
                shards,
                concurrency / shards,
                beamRun.seconds(),
                beamRun.seconds() / cliRun.seconds());
        out.println();
        out.println("| cleaning only | wall | articles/s |");
        out.println("|---|---|---|");
        out.printf(
                Locale.ROOT,
                "| CLI `run --only clean` | %.1f s | %.0f |%n",
                cleanCli.seconds(),
                articles / cleanCli.seconds());
        out.printf(Locale.ROOT, "| Beam, 1 worker | %.1f s | %.0f |%n", clean1.seconds(), articles / clean1.seconds());
        out.printf(
                Locale.ROOT,
                "| Beam, 2 workers | %.1f s | %.0f (%.2f× 1 worker) |%n",
                clean2.seconds(),
                articles / clean2.seconds(),
                clean1.seconds() / clean2.seconds());
    }

    private static String javaCommand() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
