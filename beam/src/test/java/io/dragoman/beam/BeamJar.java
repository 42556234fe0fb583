package io.dragoman.beam;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dragoman.core.testing.LocalNews;
import io.dragoman.core.testing.SyntheticNews;
import io.dragoman.core.testing.TestWarcs;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.netpreserve.jwarc.WarcRecord;

/** The packaged {@code dragoman-beam.jar} run as a user runs it, as a process of its own; and what it wrote. */
final class BeamJar {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The seeds, as the repository holds them. */
    static final Path SEEDS = Path.of("..", "seeds");

    private final Path dir;

    /** Runs the jar with its standard output and error in files under {@code dir}. */
    BeamJar(Path dir) {
        this.dir = dir;
    }

    /** What a run printed and returned. */
    record Exit(int code, String out, String err) {}

    /** The jar {@code mvn package} built. */
    static Path jar() {
        Path jar = Path.of(System.getProperty("dragoman.beam.jar", "target/dragoman-beam.jar"))
                .toAbsolutePath();
        assertThat(jar).as("the packaged jar; run mvn verify").isRegularFile();
        return jar;
    }

    /** Starts the jar with these variables added to a clean environment (no config file, no tool options). */
    Process start(Map<String, String> env, String name, List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-jar",
                jar().toString()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(dir.resolve(name + ".out").toFile())
                .redirectError(dir.resolve(name + ".err").toFile());
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().remove("OPENAI_API_KEY");
        builder.environment().remove("OPENAI_COMPATIBLE_API_KEY");
        builder.environment().put("XDG_CONFIG_HOME", dir.toString());
        builder.environment().putAll(env);
        return builder.start();
    }

    /** Runs the jar to its end (at most four minutes). */
    Exit run(Map<String, String> env, String name, List<String> args) throws IOException, InterruptedException {
        Process process = start(env, name, args);
        if (!process.waitFor(240, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("the job " + name + " did not end within 240 s: " + printed(name));
        }
        return new Exit(process.exitValue(), read(dir.resolve(name + ".out")), read(dir.resolve(name + ".err")));
    }

    /** What the run {@code name} printed so far. */
    String printed(String name) throws IOException {
        return read(dir.resolve(name + ".out")) + read(dir.resolve(name + ".err"));
    }

    private static String read(Path file) throws IOException {
        return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }

    /**
     * Inputs of three kinds in {@code in}: the seeds as pages, synthetic articles {@code 0} to {@code count - 1} as a
     * JSONL feed, and synthetic articles {@code count} to {@code count + 4} as captures of a crawl between records
     * that are not articles (a request, a 404, a PDF). Returns the {@code --inputs} patterns.
     */
    static String inputs(Path in, boolean seeds, int count) throws IOException {
        Files.createDirectories(in);
        List<String> patterns = new ArrayList<>();
        if (seeds) {
            Path pages = Files.createDirectories(in.resolve("seeds"));
            try (Stream<Path> files = Files.list(SEEDS)) {
                for (Path seed :
                        files.filter(p -> p.toString().endsWith(".txt")).toList()) {
                    Files.copy(seed, pages.resolve(seed.getFileName()));
                }
            }
            patterns.add(pages.resolve("*.txt").toString());
        }
        StringBuilder jsonl = new StringBuilder();
        for (int n = 0; n < count; n++) {
            SyntheticNews.Article a = LocalNews.NEWS.article(n);
            jsonl.append(JSON.createObjectNode()
                            .put("id", a.id())
                            .put("text", a.page())
                            .toString())
                    .append('\n');
        }
        Files.writeString(in.resolve("feed.jsonl"), jsonl, StandardCharsets.UTF_8);
        patterns.add(in.resolve("feed.jsonl").toString());
        List<WarcRecord> records = new ArrayList<>(TestWarcs.crawl(0));
        for (int n = count; n < count + 5; n++) {
            records.add(TestWarcs.resource(
                    "https://lokal.example/" + n,
                    "text/plain",
                    LocalNews.NEWS.article(n).page()));
        }
        TestWarcs.write(in.resolve("crawl.warc.gz"), true, records);
        patterns.add(in.resolve("crawl.warc.gz").toString());
        return String.join(",", patterns);
    }

    /** The records of every {@code PREFIX-*.jsonl} file in {@code out}: {@code articles} or {@code failures}. */
    static List<JsonNode> records(Path out, String prefix) throws IOException {
        List<JsonNode> records = new ArrayList<>();
        if (!Files.isDirectory(out)) {
            return records;
        }
        try (Stream<Path> files = Files.list(out)) {
            for (Path f : files.filter(p -> p.getFileName().toString().matches(prefix + "-.*\\.jsonl"))
                    .toList()) {
                for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                    records.add(JSON.readTree(line));
                }
            }
        }
        return records;
    }

    /** The ids of these records. */
    static List<String> ids(List<JsonNode> records) {
        return records.stream().map(r -> r.path("id").asText()).toList();
    }
}
