package io.dragoman.cli;

import static io.dragoman.cli.Cli.FIRST_SEED;
import static io.dragoman.cli.Cli.SEEDS;
import static io.dragoman.cli.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile article ids and input file names never make a command write outside its {@code --out} directory, never
 * name a Windows device, and never give two articles files whose names differ only in case.
 */
class OutputPathsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Ids a JSONL feed could carry; the comments say what each one tries. */
    private static final List<String> HOSTILE_IDS = List.of(
            "../../escaped", // traversal
            "/tmp/absolute", // absolute path
            "..\\..\\windows", // backslashes
            "C:\\Windows\\system32", // drive letter
            "nul\u0000byte", // NUL
            "esc\u001b[2Jape", // ANSI escape
            "line\nbreak", // newline
            "CON", // Windows device
            "nul.txt", // Windows device with an extension
            "trailing. ", // trailing dot and space
            "x".repeat(1_000), // overlong
            "Über", // precomposed
            "U\u0308ber", // decomposed look-alike
            "News", // differ only in case:
            "news",
            "NEWS");

    @TempDir
    Path tmp;

    private Path feed() throws IOException {
        String text = Files.readString(SEEDS.resolve(FIRST_SEED + ".txt"), StandardCharsets.UTF_8);
        StringBuilder lines = new StringBuilder();
        for (String id : HOSTILE_IDS) {
            lines.append(JSON.writeValueAsString(Map.of("id", id, "text", text)))
                    .append('\n');
        }
        Path in = Files.createDirectories(tmp.resolve("in"));
        return Files.writeString(in.resolve("feed.jsonl"), lines.toString(), StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "clean --format {0}")
    @ValueSource(strings = {"md", "text", "json"})
    void cleanWritesEveryArticleOfAHostileFeedUnderItsOutputDirectoryUnderADistinctSafeName(String format)
            throws IOException {
        Path feed = feed();
        Path out = tmp.resolve("work").resolve("out");
        Files.createDirectories(out.getParent());
        Map<String, String> before = snapshot(tmp);

        Cli.Result r = run("clean", feed.toString(), "--format", format, "--out", out.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertUnchangedBesides(before, snapshot(tmp));
        assertDistinctSafeNames(list(out), HOSTILE_IDS.size());
    }

    @Test
    void runWritesEveryArticleOfAHostileFeedUnderItsOutputDirectoryUnderADistinctSafeName() throws IOException {
        Path feed = feed();
        Path out = tmp.resolve("work").resolve("out");
        Files.createDirectories(out.getParent());
        Map<String, String> before = snapshot(tmp);

        Cli.Result r = run("run", feed.toString(), "--only", "clean", "--out", out.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertUnchangedBesides(before, snapshot(tmp));
        assertDistinctSafeNames(list(out.resolve("md")), HOSTILE_IDS.size());
        assertThat(list(out)).contains("articles.jsonl", "failures.jsonl", "report.md", "report.json", "dragoman.db");
    }

    @Test
    void runNamesTheOutputsOfHostileFileNamesSafelyAndDistinctly() throws IOException {
        String text = Files.readString(SEEDS.resolve(FIRST_SEED + ".txt"), StandardCharsets.UTF_8);
        Path in = Files.createDirectories(tmp.resolve("in"));
        List<String> names = List.of(
                "CON.txt",
                "con.html.txt",
                "Aa.txt",
                "aA.txt",
                "esc\u001b[2J.txt",
                "x\\..\\..\\evil.txt",
                "trailing..txt",
                "y".repeat(240) + ".txt");
        for (String name : names) {
            Files.writeString(in.resolve(name), text, StandardCharsets.UTF_8);
        }
        Path out = tmp.resolve("work").resolve("out");
        Files.createDirectories(out.getParent());
        Map<String, String> before = snapshot(tmp);

        Cli.Result r = run("run", in.toString(), "--only", "clean", "--out", out.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertUnchangedBesides(before, snapshot(tmp));
        assertDistinctSafeNames(list(out.resolve("md")), names.size());
    }

    private static void assertUnchangedBesides(Map<String, String> before, Map<String, String> after) {
        Map<String, String> outside = new TreeMap<>(after);
        outside.keySet().removeIf(name -> name.startsWith("work/out/"));
        assertThat(outside).as("nothing beside the output directory changed").isEqualTo(before);
    }

    private static void assertDistinctSafeNames(List<String> files, int articles) {
        assertThat(files).hasSize(articles);
        Set<String> folded = new HashSet<>();
        for (String file : files) {
            assertThat(file).matches("[A-Za-z0-9_][A-Za-z0-9._-]{0,199}\\.(md|txt|json)");
            assertThat(file.substring(0, file.indexOf('.') < 0 ? file.length() : file.indexOf('.')))
                    .as("a Windows device name")
                    .doesNotMatch("(?i)CON|PRN|AUX|NUL|COM[0-9]|LPT[0-9]");
            assertThat(folded.add(file.toLowerCase(Locale.ROOT)))
                    .as("%s is the only file of its name ignoring case", file)
                    .isTrue();
        }
    }

    /** The files in {@code dir} but the run's lock, which is no article. */
    private static List<String> list(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(name -> !name.equals(RunLock.FILE))
                    .sorted()
                    .toList();
        }
    }

    /** Every file and directory under {@code root}, relative with {@code /}, to its content ("dir" for folders). */
    private static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        List<Path> all = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.forEach(all::add);
        }
        for (Path p : all) {
            String name = root.relativize(p).toString().replace('\\', '/');
            files.put(
                    Files.isDirectory(p) ? name + "/" : name,
                    Files.isDirectory(p) ? "dir" : Files.readString(p, StandardCharsets.ISO_8859_1));
        }
        return files;
    }
}
