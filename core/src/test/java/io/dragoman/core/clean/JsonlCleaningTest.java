package io.dragoman.core.clean;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dragoman.core.article.ArticleJson;
import io.dragoman.core.article.CleanedArticle;
import io.dragoman.core.input.Input;
import io.dragoman.core.input.InputReader;
import io.dragoman.core.pipeline.ArticleFormat;
import io.dragoman.core.pipeline.CleanBatch;
import io.dragoman.core.pipeline.CleanOutcome;
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

/** JSONL lines through the real cleaner: the line's URL, content type and extra fields reach the cleaned article. */
class JsonlCleaningTest {
    private static final ObjectMapper JSON = ArticleJson.mapper();

    /** A BelTA article that names neither BelTA nor its agency: only the URL tells the source and its time zone. */
    private static final String TEXT = String.join(
            "\n",
            "Politik",
            "26 November 2020, 17:25",
            "",
            "Neue Brücke über die Swislatsch für den Verkehr freigegeben",
            "",
            "Die Stadt hat am Donnerstag eine neue Brücke über die Swislatsch für den Verkehr freigegeben, wie die"
                    + " Verwaltung am Nachmittag mitteilte.",
            "",
            "Der Bau hatte nach Angaben der Stadt zwei Jahre gedauert und kostete rund drei Millionen Rubel, etwas"
                    + " weniger als ursprünglich geplant war.");

    private static final String HTML = "<!DOCTYPE html><html lang=\"de\"><head><title>Hafen erweitert</title>"
            + "<link rel=\"canonical\" href=\"https://example.org/canonical/hafen\"></head><body><article>"
            + "<h1>Hafen erweitert</h1>"
            + "<p>Der Hafen der Stadt ist am Montag um zwei neue Liegeplätze für Frachtschiffe erweitert worden, wie"
            + " die Hafenverwaltung mitteilte.</p>"
            + "<p>Die Arbeiten hatten knapp ein Jahr gedauert und wurden aus Mitteln des Landes bezahlt, hieß es.</p>"
            + "</article></body></html>";

    @TempDir
    Path dir;

    private Path jsonl(ObjectNode... lines) throws IOException {
        StringBuilder text = new StringBuilder();
        for (ObjectNode line : lines) {
            text.append(JSON.writeValueAsString(line)).append('\n');
        }
        return Files.writeString(dir.resolve("feed.jsonl"), text, StandardCharsets.UTF_8);
    }

    private static List<CleanedArticle> clean(Path file) {
        try (Stream<Input> inputs = new InputReader(DetectingCleaner.DEFAULT_MAX_BYTES, InputStream::nullInputStream)
                .read(List.of(file.toString()))) {
            return inputs.map(i -> SharedCleaner.standard().clean(((Input.Read) i).article()))
                    .toList();
        }
    }

    @Test
    void reportsTheLinesUrlAsTheArticlesUrlAndTheLineAsItsLocation() throws IOException {
        String url = "https://de.belta.by/society/view/neue-bruecke-123/";
        Path file = jsonl(
                JSON.createObjectNode().put("id", "bruecke").put("url", url).put("text", TEXT));

        CleanedArticle article = clean(file).get(0);

        assertThat(article.id().value()).isEqualTo("bruecke");
        assertThat(article.title()).isEqualTo("Neue Brücke über die Swislatsch für den Verkehr freigegeben");
        assertThat(article.metadata().url()).isEqualTo(url);
        assertThat(article.metadata().location()).isEqualTo(file + ":1");
    }

    @Test
    void matchesTheSourceProfileOnTheLinesUrl() throws IOException {
        Path file = jsonl(
                JSON.createObjectNode()
                        .put("url", "https://de.belta.by/society/view/neue-bruecke-123/")
                        .put("text", TEXT),
                JSON.createObjectNode().put("text", TEXT));

        List<CleanedArticle> articles = clean(file);

        CleanedArticle withUrl = articles.get(0);
        assertThat(withUrl.metadata().source()).isEqualTo("BelTA");
        assertThat(withUrl.metadata().published()).hasToString("2020-11-26T17:25+03:00");
        CleanedArticle without = articles.get(1);
        assertThat(without.metadata().source()).isNull();
        assertThat(without.metadata().published()).isNull();
        assertThat(without.metadata().url()).isNull();
    }

    @Test
    void cleansAnHtmlLineAsHtmlAndPrefersTheLinesUrlToTheCanonicalLink() throws IOException {
        Path file = jsonl(
                JSON.createObjectNode()
                        .put("url", "https://example.org/2024/hafen")
                        .put("html", HTML),
                JSON.createObjectNode().put("html", HTML));

        List<CleanedArticle> articles = clean(file);

        assertThat(articles.get(0).title()).isEqualTo("Hafen erweitert");
        assertThat(articles.get(0).paragraphs()).hasSize(2).allSatisfy(p -> assertThat(p)
                .doesNotContain("<"));
        assertThat(articles.get(0).metadata().url()).isEqualTo("https://example.org/2024/hafen");
        assertThat(articles.get(1).metadata().url()).isEqualTo("https://example.org/canonical/hafen");
        assertThat(articles.get(1).metadata().location()).isEqualTo(file + ":2");
    }

    @Test
    void carriesExtraFieldsToTheCleanedArticleAndItsJson() throws IOException {
        ObjectNode line =
                JSON.createObjectNode().put("feed", "stadt").put("text", TEXT).put("rank", 3);
        line.putArray("tags").add("verkehr").add("bau");
        line.putObject("crawl").put("at", "2024-05-02T10:00:00Z").put("score", new java.math.BigDecimal("0.50"));
        Path file = jsonl(line);

        CleanedArticle article = clean(file).get(0);
        JsonNode json = JSON.readTree(ArticleFormat.JSONL.render(article, JSON));

        assertThat(article.extra().keySet()).containsExactly("feed", "rank", "tags", "crawl");
        assertThat(json.get("extra"))
                .isEqualTo(JSON.readTree("{\"feed\":\"stadt\",\"rank\":3,\"tags\":[\"verkehr\",\"bau\"],"
                        + "\"crawl\":{\"at\":\"2024-05-02T10:00:00Z\",\"score\":0.50}}"));
        assertThat(ArticleFormat.JSONL.render(article, JSON)).contains("\"score\":0.50}");
        assertThat(fieldNames(json)).endsWith("warnings", "extra");
    }

    @Test
    void leavesExtraOutOfTheJsonWhenALineHasNone() throws IOException {
        Path file = jsonl(JSON.createObjectNode().put("id", "a").put("text", TEXT));

        CleanedArticle article = clean(file).get(0);

        assertThat(article.extra()).isEmpty();
        assertThat(fieldNames(JSON.readTree(ArticleFormat.JSONL.render(article, JSON))))
                .containsExactly("id", "title", "paragraphs", "metadata", "warnings");
    }

    @Test
    void cleansAJsonlFileInABatchWithOneOutcomePerLine() throws IOException {
        Path file = Files.writeString(
                dir.resolve("feed.jsonl"),
                JSON.writeValueAsString(JSON.createObjectNode().put("text", TEXT)) + "\n"
                        + "{\"text\": 1}\n"
                        + JSON.writeValueAsString(
                                JSON.createObjectNode().put("id", "zwei").put("text", TEXT)) + "\n");
        CleanBatch batch = new CleanBatch(
                new InputReader(DetectingCleaner.DEFAULT_MAX_BYTES, InputStream::nullInputStream),
                new DetectingCleaner(
                        SharedCleaner.profiles(), SharedCleaner.languages(), DetectingCleaner.DEFAULT_MAX_BYTES));
        List<CleanOutcome> outcomes = new ArrayList<>();

        CleanBatch.Totals totals = batch.run(List.of(file.toString()), outcomes::add);

        assertThat(totals).isEqualTo(new CleanBatch.Totals(2, 1));
        assertThat(outcomes.get(0)).isInstanceOfSatisfying(CleanOutcome.Cleaned.class, c -> assertThat(
                        c.article().id().value())
                .isEqualTo("feed-1"));
        assertThat(outcomes.get(1))
                .isEqualTo(new CleanOutcome.Failed(file + ":2", "\"text\" is not a string but a number"));
        assertThat(outcomes.get(2)).isInstanceOfSatisfying(CleanOutcome.Cleaned.class, c -> assertThat(
                        c.article().id().value())
                .isEqualTo("zwei"));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
