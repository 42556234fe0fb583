package io.dragoman.cli;

import static io.dragoman.cli.Cli.FIRST_SEED;
import static io.dragoman.cli.Cli.SECOND_SEED;
import static io.dragoman.cli.Cli.SEEDS;
import static io.dragoman.cli.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dragoman.core.input.Input;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** JSONL inputs and {@code --glob} on the command line. */
class JsonlInputTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private static String seed(String name) throws IOException {
        return Files.readString(SEEDS.resolve(name + ".txt"), StandardCharsets.UTF_8);
    }

    /** Two seed articles as JSONL: the first with id, url and extra fields, the second with none of them. */
    private Path feed() throws IOException {
        ObjectNode first = JSON.createObjectNode()
                .put("id", "../belta/2020-11-26")
                .put("url", "https://de.belta.by/politics/view/123/")
                .put("feed", "belta-de")
                .put("text", seed(FIRST_SEED));
        first.putArray("tags").add("politik");
        ObjectNode second = JSON.createObjectNode().put("text", seed(SECOND_SEED));
        return Files.writeString(
                tmp.resolve("feed.jsonl"),
                JSON.writeValueAsString(first) + "\n\n" + JSON.writeValueAsString(second) + "\n",
                StandardCharsets.UTF_8);
    }

    private static List<JsonNode> records(String jsonl) throws IOException {
        List<JsonNode> records = new ArrayList<>();
        for (String line : jsonl.lines().toList()) {
            records.add(JSON.readTree(line));
        }
        return records;
    }

    @Test
    void cleansEachLineOfAJsonlFileWithItsIdUrlAndExtraFields() throws IOException {
        Path feed = feed();

        Cli.Result r = run("clean", feed.toString(), "--format", "jsonl");

        assertThat(r.exitCode()).as(r.err()).isZero();
        List<JsonNode> records = records(r.out());
        assertThat(records).hasSize(2);
        JsonNode first = records.get(0);
        assertThat(first.get("id").asText()).isEqualTo("belta_2020-11-26");
        assertThat(first.at("/metadata/url").asText()).isEqualTo("https://de.belta.by/politics/view/123/");
        assertThat(first.at("/metadata/location").asText()).isEqualTo(feed + ":1");
        assertThat(first.at("/metadata/source").asText()).isEqualTo("BelTA");
        assertThat(first.get("extra")).isEqualTo(JSON.readTree("{\"feed\":\"belta-de\",\"tags\":[\"politik\"]}"));
        JsonNode second = records.get(1);
        assertThat(second.get("id").asText()).isEqualTo("feed-3");
        assertThat(second.at("/metadata/location").asText()).isEqualTo(feed + ":3");
        assertThat(second.has("extra")).isFalse();
    }

    @Test
    void namesTheFileAndLineOfABadLineAndCleansTheRest() throws IOException {
        Path feed = Files.writeString(
                tmp.resolve("feed.jsonl"),
                JSON.writeValueAsString(JSON.createObjectNode().put("text", seed(FIRST_SEED))) + "\n"
                        + "{\"text\": 42}\n"
                        + "{oops\n"
                        + JSON.writeValueAsString(
                                JSON.createObjectNode().put("html", "<p>x</p>").put("text", "x"))
                        + "\n"
                        + JSON.writeValueAsString(JSON.createObjectNode().put("text", seed(SECOND_SEED))) + "\n",
                StandardCharsets.UTF_8);

        Cli.Result r = run("clean", feed.toString(), "--format", "jsonl");

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(records(r.out())).extracting(n -> n.get("id").asText()).containsExactly("feed-1", "feed-5");
        assertThat(r.errLines())
                .containsExactly(
                        "dragoman: " + feed + ":2: \"text\" is not a string but a number",
                        "dragoman: " + feed + ":3: not valid JSON: Unexpected character ('o' (code 111)):"
                                + " was expecting double-quote to start field name (column 2)",
                        "dragoman: " + feed + ":4: has both \"text\" and \"html\": give one",
                        "dragoman: 3 of 5 inputs failed");
    }

    @Test
    void reportsAJsonlLineOverMaxBytesByItsLine() throws IOException {
        Path feed = Files.writeString(
                tmp.resolve("feed.jsonl"),
                "{\"text\": \"" + "x".repeat(9_000) + "\"}\n"
                        + JSON.writeValueAsString(JSON.createObjectNode().put("text", seed(SECOND_SEED))) + "\n",
                StandardCharsets.UTF_8);

        Cli.Result r = run("clean", feed.toString(), "--format", "jsonl", "--max-bytes", "5000");

        assertThat(records(r.out())).extracting(n -> n.get("id").asText()).containsExactly("feed-2");
        assertThat(r.errLines())
                .containsExactly(
                        "dragoman: " + feed + ":1: too large: 9,012 bytes, over the limit of 5,000 bytes",
                        "dragoman: 1 of 2 inputs failed");
    }

    /** A command with only the input options, to see what they make of the command line. */
    @Command(name = "inputs")
    static final class InputsOnly {
        @Mixin
        InputOptions input;
    }

    private static InputOptions parse(String... args) {
        InputsOnly command = new InputsOnly();
        new CommandLine(command).parseArgs(args);
        return command.input;
    }

    @Test
    void globSelectsTheFilesReadFromADirectoryButNotFilesNamedExplicitly() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("in/de"));
        Files.writeString(tmp.resolve("in/top.txt"), "1");
        Files.writeString(dir.resolve("nested.txt"), "2");
        Files.writeString(dir.resolve("page.html"), "3");
        Path explicit = Files.writeString(tmp.resolve("other.html"), "4");
        InputOptions options = parse("--glob", "**/*.txt", tmp.resolve("in").toString(), explicit.toString());

        List<String> read;
        try (Stream<Input> inputs = options.reader(InputStream::nullInputStream).read(options.inputs)) {
            read = inputs.map(Input::location).toList();
        }

        assertThat(read)
                .containsExactly(
                        dir.resolve("nested.txt").toString(),
                        tmp.resolve("in/top.txt").toString(),
                        explicit.toString());
    }

    @Test
    void readsEveryFileWithoutGlob() throws IOException {
        Files.createDirectories(tmp.resolve("in"));
        Files.writeString(tmp.resolve("in/a.txt"), "1");
        Files.writeString(tmp.resolve("in/b.html"), "2");
        InputOptions options = parse(tmp.resolve("in").toString());

        try (Stream<Input> inputs = options.reader(InputStream::nullInputStream).read(options.inputs)) {
            assertThat(inputs).hasSize(2);
        }
    }

    @Test
    void rejectsAnInvalidGlobAsAUsageError() {
        Cli.Result r = run("clean", "--glob", "*.{txt", "x.txt");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.errLines().get(0))
                .startsWith("dragoman: invalid value for option '--glob': invalid glob '*.{txt': ")
                .doesNotContain("Exception");
    }
}
