package io.dragoman.cli;

import static io.dragoman.cli.Cli.FIRST_PUBLISHED;
import static io.dragoman.cli.Cli.FIRST_SEED;
import static io.dragoman.cli.Cli.SECOND_PUBLISHED;
import static io.dragoman.cli.Cli.SECOND_SEED;
import static io.dragoman.cli.Cli.SEEDS;
import static io.dragoman.cli.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dragoman run}: cleans a batch into an output directory and lists what failed. */
class RunCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void writesArticlesMarkdownAndAnEmptyFailureListForTheSeeds() throws IOException {
        Path out = tmp.resolve("run");

        Cli.Result r = run("run", SEEDS.toString(), "--out", out.toString(), "--only", "clean");

        assertThat(r.exitCode()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out().lines().toList())
                .containsExactly("Cleaned 2 of 2 articles into " + out + " (articles.jsonl, md/, site/index.html).");

        List<JsonNode> records = readJsonl(out.resolve("articles.jsonl"));
        assertThat(records).hasSize(2);
        assertThat(records)
                .allSatisfy(rec -> assertThat(rec.get("status").asText()).isEqualTo("cleaned"));
        assertThat(records.get(0).get("id").asText()).isEqualTo(FIRST_SEED);
        assertThat(records.get(0).at("/metadata/published").asText()).isEqualTo(FIRST_PUBLISHED);
        assertThat(records.get(1).get("id").asText()).isEqualTo(SECOND_SEED);
        assertThat(records.get(1).at("/metadata/published").asText()).isEqualTo(SECOND_PUBLISHED);

        assertThat(Files.readString(out.resolve("md").resolve(FIRST_SEED + ".md")))
                .startsWith("# Belarus und Russland vereinbarten")
                .contains("| Published | " + FIRST_PUBLISHED + " |");
        assertThat(Files.readString(out.resolve("md").resolve(SECOND_SEED + ".md")))
                .contains("| Published | " + SECOND_PUBLISHED + " |");
        assertThat(out.resolve("failures.jsonl")).exists().isEmptyFile();
        assertThat(leftovers(out)).as("no temporary files are left behind").isEmpty();
    }

    @Test
    void listsABadInputInTheFailureFileWithItsReasonAndExitsWithOne() throws IOException {
        Path empty = Files.write(tmp.resolve("empty.txt"), new byte[0]);
        Path out = tmp.resolve("run");

        Cli.Result r = run("run", SEEDS.toString(), empty.toString(), "--out", out.toString(), "--only", "clean");

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.errLines()).containsExactly("dragoman: " + empty + ": empty file");
        assertThat(r.out().lines().toList())
                .containsExactly("Cleaned 2 of 3 articles into " + out
                        + " (articles.jsonl, md/, site/index.html); 1 failed, listed in failures.jsonl");
        assertThat(readJsonl(out.resolve("articles.jsonl")))
                .extracting(rec -> rec.get("status").asText())
                .containsExactly("cleaned", "cleaned", "failed");
        List<JsonNode> failures = readJsonl(out.resolve("failures.jsonl"));
        assertThat(failures).hasSize(1);
        assertThat(failures.get(0).get("location").asText()).isEqualTo(empty.toString());
        assertThat(failures.get(0).get("stage").asText()).isEqualTo("clean");
        assertThat(failures.get(0).get("reason").asText()).isEqualTo("empty file");
    }

    @Test
    void printsOnlyErrorsWhenQuiet() throws IOException {
        Path missing = tmp.resolve("missing.txt");
        Path out = tmp.resolve("run");

        Cli.Result r = run("run", missing.toString(), "-q", "--out", out.toString(), "--only", "clean");

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.errLines()).containsExactly("dragoman: " + missing + ": no such file or directory");
        assertThat(readJsonl(out.resolve("articles.jsonl")))
                .singleElement()
                .satisfies(rec -> assertThat(rec.get("status").asText()).isEqualTo("failed"));
        assertThat(readJsonl(out.resolve("failures.jsonl"))).hasSize(1);
    }

    @Test
    void keepsTheArticlesOfAnEarlierRunInTheSameDirectoryUnlessForcedToStartOver() throws IOException {
        Path out = tmp.resolve("run");
        String second = SEEDS.resolve(SECOND_SEED + ".txt").toString();
        run("run", SEEDS.toString(), "--out", out.toString(), "--only", "clean");

        Cli.Result again = run("run", second, "--out", out.toString(), "--only", "clean");

        assertThat(again.exitCode()).isZero();
        assertThat(readJsonl(out.resolve("articles.jsonl"))).hasSize(2);

        Files.writeString(out.resolve("md/notes.txt"), "mine");
        Cli.Result r = run("run", second, "--out", out.toString(), "--only", "clean", "--force");

        assertThat(r.exitCode()).isZero();
        assertThat(readJsonl(out.resolve("articles.jsonl")))
                .singleElement()
                .satisfies(rec -> assertThat(rec.get("id").asText()).isEqualTo(SECOND_SEED));
        try (var pages = Files.list(out.resolve("md"))) {
            assertThat(pages.map(p -> p.getFileName().toString()))
                    .as("the forgotten article's page is gone, a file that is not a page stays")
                    .containsExactlyInAnyOrder(SECOND_SEED + ".md", "notes.txt");
        }
    }

    @Test
    void cleansTheSeedsAndSaysHowToChooseAProviderWhenNoneIsAvailable() throws IOException {
        Path out = tmp.resolve("run");

        Cli.Result r = run("run", SEEDS.toString(), "--out", out.toString());

        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err())
                .contains("No model provider configured")
                .contains("OPENAI_API_KEY, ANTHROPIC_API_KEY, GEMINI_API_KEY or MISTRAL_API_KEY")
                .contains("a local Ollama server")
                .contains("--only clean");
        assertThat(r.out()).contains("2 cleaned but not processed by a model.");
        assertThat(readJsonl(out.resolve("articles.jsonl")))
                .hasSize(2)
                .allSatisfy(rec -> assertThat(rec.get("status").asText()).isEqualTo("cleaned"));
    }

    @Test
    void endsWithExitOneWhenTheInputsHoldNoArticles() throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("scrape"));
        Path blank = Files.writeString(tmp.resolve("feed.jsonl"), "\n  \n");

        Cli.Result r = run(
                "run",
                empty.toString(),
                blank.toString(),
                "--out",
                tmp.resolve("run").toString(),
                "--only",
                "clean");
        Cli.Result c = run("clean", empty.toString(), "--glob", "*.txt");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.SOME_FAILED);
        assertThat(c.exitCode()).isEqualTo(ExitCodes.SOME_FAILED);
        assertThat(r.err()).contains("dragoman: no articles found in " + empty + " " + blank);
        assertThat(c.err()).contains("no articles found in " + empty).contains("no file matching --glob *.txt");
    }

    @Test
    void namesAnOutputPathThatIsAFile() throws IOException {
        Path notADir = Files.writeString(tmp.resolve("out.txt"), "x");

        Cli.Result r = run("run", SEEDS.toString(), "--out", notADir.toString(), "--only", "clean");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.CANNOT_WRITE);
        assertThat(r.errLines())
                .containsExactly("dragoman: cannot write into " + notADir
                        + ": it exists and is not a directory; choose another --out");
    }

    private static List<JsonNode> readJsonl(Path file) throws IOException {
        List<JsonNode> records = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            records.add(JSON.readTree(line));
        }
        return records;
    }

    private static List<Path> leftovers(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".tmp"))
                    .toList();
        }
    }
}
