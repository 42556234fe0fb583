package io.dragoman.beam;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dragoman.core.testing.LocalNews;
import io.dragoman.core.testing.StandInModel;
import io.dragoman.core.testing.SyntheticNews;
import io.dragoman.core.testing.TestWarcs;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.WarcRecord;

/**
 * The Beam job on one runner against a stand-in for an OpenAI-compatible server: synthetic articles from a JSONL file
 * and a web archive, each written once with its translation and summary, and a second run over the same output that
 * makes no model call. Each runner's test names the runner and its options.
 */
abstract class RunnerContract {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ARTICLES = 20;

    private static StandInModel model;

    @TempDir
    Path tmp;

    @BeforeAll
    static void startTheStandIn() {
        model = StandInModel.start(0, 16, 1);
    }

    @AfterAll
    static void stopTheStandIn() {
        model.close();
    }

    /** What one run printed and returned. */
    record Run(int code, String out, String err) {}

    static Run beam(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = DragomanBeam.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                Clock.systemUTC());
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Articles 0 to {@code count - 1} as a JSONL file, and three more as captures of a crawl, one twice. */
    private String inputs(int count) throws IOException {
        Path in = Files.createDirectories(tmp.resolve("in"));
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
        List<WarcRecord> records = new ArrayList<>(TestWarcs.crawl(0));
        for (int n = count; n < count + 3; n++) {
            records.add(TestWarcs.resource(
                    "https://lokal.example/" + n,
                    "text/plain",
                    LocalNews.NEWS.article(n).page()));
        }
        records.add(TestWarcs.resource(
                "https://lokal.example/again",
                "text/plain",
                LocalNews.NEWS.article(count).page()));
        TestWarcs.write(in.resolve("crawl.warc.gz"), true, records);
        return in.resolve("feed.jsonl") + "," + in.resolve("*.warc.gz");
    }

    private static List<JsonNode> articles(Path out) throws IOException {
        List<JsonNode> records = new ArrayList<>();
        try (Stream<Path> files = Files.list(out)) {
            for (Path f : files.filter(p -> p.getFileName().toString().matches("articles-.*\\.jsonl"))
                    .toList()) {
                for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                    records.add(JSON.readTree(line));
                }
            }
        }
        return records;
    }

    /** The options that choose the runner and set it up, e.g. {@code --runner=DirectRunner}. */
    abstract List<String> runner();

    @Test
    void writesEveryArticleOnceTranslatedAndSummarisedAndARerunMakesNoModelCall() throws IOException {
        String inputs = inputs(ARTICLES);
        Path out = tmp.resolve("out");
        List<String> options = new ArrayList<>(runner());
        options.addAll(List.of(
                "--inputs=" + inputs,
                "--output=" + out,
                "--provider=openai-compatible",
                "--model=" + StandInModel.MODEL,
                "--baseUrl=" + model.baseUrl(),
                "--shards=2",
                "--concurrency=3",
                "--rpm=60000"));
        String[] args = options.toArray(String[]::new);
        int before = model.requests();

        Run first = beam(args);
        int calls = model.requests() - before;
        Run again = beam(args);

        assertThat(first.code()).as(first.err()).isZero();
        List<JsonNode> records = articles(out);
        assertThat(records.stream().map(r -> r.get("id").asText()))
                .hasSize(ARTICLES + 3)
                .doesNotHaveDuplicates()
                .contains("synthetic-000000", "synthetic-000019", "lokal.example_20", "lokal.example_22")
                .doesNotContain("lokal.example_again");
        assertThat(records).allSatisfy(r -> {
            // a translation the stand-in's words leave doubtful is kept for review, with its summary
            assertThat(r.get("status").asText()).as(r.get("id").asText()).isIn("summarized", "needs-review");
            assertThat(r.at("/translation/paragraphs").size()).isPositive();
            assertThat(r.at("/summary/headline").asText()).isNotBlank();
        });
        assertThat(records.stream().filter(r -> r.get("id").asText().equals("lokal.example_21")))
                .singleElement()
                .satisfies(r -> assertThat(r.at("/metadata/url").asText()).isEqualTo("https://lokal.example/21"));
        assertThat(calls).isGreaterThanOrEqualTo(2 * (ARTICLES + 3));
        try (Stream<Path> pages = Files.list(out.resolve("md"));
                Stream<Path> cached = Files.list(out.resolve("cache"))) {
            assertThat(pages.filter(p -> p.getFileName().toString().endsWith(".md")))
                    .hasSize(ARTICLES + 3);
            assertThat(cached.count()).isBetween(2L * (ARTICLES + 3), (long) calls);
        }
        assertThat(first.out()).contains("1 duplicates dropped").contains("1 skipped WARC records: status 404");

        assertThat(again.code()).as(again.err()).isZero();
        assertThat(model.requests() - before).as("model calls after the rerun").isEqualTo(calls);
        assertThat(articles(out)).hasSize(ARTICLES + 3);
        assertThat(again.out()).contains((ARTICLES + 3) + " already done by an earlier run");
    }
}
