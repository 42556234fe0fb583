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

/** {@code dragoman clean} on good inputs: every format, printed or written into a directory, and standard input. */
class CleanCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void printsBothSeedArticlesWithTheirMetadataAsJson() throws IOException {
        Cli.Result r = run("clean", SEEDS.toString(), "--format", "json");

        assertThat(r.exitCode()).isZero();
        assertThat(r.err()).isEmpty();
        JsonNode articles = JSON.readTree(r.out());
        assertThat(articles.isArray()).isTrue();
        assertThat(articles).hasSize(2);
        assertThat(articles.get(0).get("id").isTextual()).isTrue();
        assertThat(articles.get(0).get("id").asText()).isEqualTo(FIRST_SEED);
        assertThat(articles.get(1).get("id").asText()).isEqualTo(SECOND_SEED);
        assertThat(articles.get(0).at("/metadata/published").asText()).isEqualTo(FIRST_PUBLISHED);
        assertThat(articles.get(1).at("/metadata/published").asText()).isEqualTo(SECOND_PUBLISHED);
        for (JsonNode article : articles) {
            JsonNode meta = article.get("metadata");
            assertThat(meta.at("/dateline/place").asText()).isEqualTo("MINSK");
            assertThat(meta.at("/dateline/agency").asText()).isEqualTo("BelTA");
            assertThat(meta.get("section").asText()).isEqualTo("Politik");
            assertThat(meta.get("language").asText()).isEqualTo("de");
            assertThat(article.get("title").asText()).isNotBlank();
            assertThat(article.get("paragraphs").size()).isGreaterThan(3);
            assertThat(article.get("paragraphs").get(0).asText()).doesNotStartWith("MINSK");
        }
    }

    @Test
    void printsTitleAndParagraphsAsPlainTextByDefault() {
        Cli.Result r = run("clean", SEEDS.resolve(FIRST_SEED + ".txt").toString());

        assertThat(r.exitCode()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out())
                .startsWith(
                        "Belarus und Russland vereinbarten Koordinierung von Handlungen auf internationaler Arena\n\n")
                .contains("\n\nBelarus und Russland haben die Koordinierung")
                .doesNotContain("(BelTA) –")
                .doesNotContain("{")
                .endsWith("\n");
    }

    @Test
    void printsOneJsonObjectPerLineAsJsonl() throws IOException {
        Cli.Result r = run("clean", SEEDS.toString(), "--format", "jsonl");

        assertThat(r.exitCode()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(JSON.readTree(lines.get(0)).at("/metadata/published").asText())
                .isEqualTo(FIRST_PUBLISHED);
        assertThat(JSON.readTree(lines.get(1)).at("/metadata/published").asText())
                .isEqualTo(SECOND_PUBLISHED);
    }

    @Test
    void printsMarkdownPagesWithAMetadataTableSeparatedByARule() {
        Cli.Result r = run("clean", SEEDS.toString(), "-f", "md");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out())
                .startsWith("# Belarus und Russland vereinbarten")
                .contains("| Published | " + FIRST_PUBLISHED + " |")
                .contains("| Published | " + SECOND_PUBLISHED + " |")
                .contains("| Section | Politik |")
                .contains("\n---\n")
                .contains("# Alejnik und Lawrow führen Gespräche in Minsk");
    }

    @Test
    void acceptsFormatNamesInAnyCase() {
        assertThat(run("clean", SEEDS.toString(), "--format", "JSONL").exitCode())
                .isZero();
    }

    @Test
    void writesOneJsonFilePerArticleIntoTheOutputDirectory() throws IOException {
        Path out = tmp.resolve("new/out");

        Cli.Result r = run("clean", SEEDS.toString(), "--format", "json", "--out", out.toString());

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(files(out)).containsExactly(FIRST_SEED + ".json", SECOND_SEED + ".json");
        assertThat(JSON.readTree(out.resolve(FIRST_SEED + ".json").toFile())
                        .at("/metadata/published")
                        .asText())
                .isEqualTo(FIRST_PUBLISHED);
        assertThat(JSON.readTree(out.resolve(SECOND_SEED + ".json").toFile())
                        .at("/metadata/published")
                        .asText())
                .isEqualTo(SECOND_PUBLISHED);
    }

    @Test
    void writesTextAndMarkdownFilesNamedAfterTheArticleIds() throws IOException {
        Path text = tmp.resolve("text");
        Path md = tmp.resolve("md");

        assertThat(run("clean", SEEDS.toString(), "--out", text.toString()).exitCode())
                .isZero();
        assertThat(run("clean", SEEDS.toString(), "--format", "md", "-o", md.toString())
                        .exitCode())
                .isZero();

        assertThat(files(text)).containsExactly(FIRST_SEED + ".txt", SECOND_SEED + ".txt");
        assertThat(Files.readString(text.resolve(SECOND_SEED + ".txt")))
                .startsWith("Alejnik und Lawrow führen Gespräche in Minsk\n\n");
        assertThat(files(md)).containsExactly(FIRST_SEED + ".md", SECOND_SEED + ".md");
        assertThat(Files.readString(md.resolve(FIRST_SEED + ".md")))
                .contains("| Published | " + FIRST_PUBLISHED + " |");
    }

    @Test
    void writesAllArticlesIntoOneJsonlFileWhenTheFormatIsJsonl() throws IOException {
        Path out = tmp.resolve("jsonl");

        Cli.Result r = run("clean", SEEDS.toString(), "--format", "jsonl", "--out", out.toString());

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(files(out)).containsExactly("articles.jsonl");
        List<String> lines = Files.readAllLines(out.resolve("articles.jsonl"));
        assertThat(lines).hasSize(2);
        assertThat(JSON.readTree(lines.get(0)).get("id").asText()).isEqualTo(FIRST_SEED);
        assertThat(JSON.readTree(lines.get(1)).get("id").asText()).isEqualTo(SECOND_SEED);
    }

    @Test
    void readsAnArticleFromStandardInputWhenTheInputIsADash() throws IOException {
        byte[] seed = Files.readAllBytes(SEEDS.resolve(SECOND_SEED + ".txt"));

        Cli.Result r = run(seed, "clean", "-", "--format", "json");

        assertThat(r.exitCode()).isZero();
        assertThat(r.err()).isEmpty();
        JsonNode article = JSON.readTree(r.out());
        assertThat(article.get("id").asText()).isEqualTo("stdin");
        assertThat(article.at("/metadata/location").asText()).isEqualTo("-");
        assertThat(article.at("/metadata/published").asText()).isEqualTo(SECOND_PUBLISHED);
        assertThat(article.at("/metadata/dateline/place").asText()).isEqualTo("MINSK");
    }

    @Test
    void cleansStandardInputAlongsideFiles() throws IOException {
        byte[] seed = Files.readAllBytes(SEEDS.resolve(SECOND_SEED + ".txt"));

        Cli.Result r = run(seed, "clean", SEEDS.resolve(FIRST_SEED + ".txt").toString(), "-", "-f", "jsonl");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out().lines().map(line -> readId(line))).containsExactly(FIRST_SEED, "stdin");
    }

    @Test
    void givesTheSameFileNamedTwiceTwoDistinctIds() {
        String seed = SEEDS.resolve(FIRST_SEED + ".txt").toString();

        Cli.Result r = run("clean", seed, seed, "-f", "jsonl");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out().lines().map(line -> readId(line))).containsExactly(FIRST_SEED, FIRST_SEED + "-2");
    }

    private static String readId(String jsonLine) {
        try {
            return JSON.readTree(jsonLine).get("id").asText();
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + jsonLine, e);
        }
    }

    /** The files in {@code dir} but the run's lock, which is no article. */
    private static List<String> files(Path dir) throws IOException {
        List<String> names = new ArrayList<>();
        try (var list = Files.list(dir)) {
            list.map(p -> p.getFileName().toString())
                    .filter(name -> !name.equals(RunLock.FILE))
                    .forEach(names::add);
        }
        names.sort(null);
        return names;
    }
}
