package io.dragoman.cli;

import static io.dragoman.core.testing.TestWarcs.crawl;
import static io.dragoman.core.testing.TestWarcs.write;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dragoman.core.article.CleanedArticle;
import io.dragoman.core.article.RawArticle;
import io.dragoman.core.clean.Cleaner;
import io.dragoman.core.testing.TestWarcs;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.WarcRecord;

/** Web archives as inputs of {@code clean} and {@code run}. */
class WarcInputTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private static List<JsonNode> records(String jsonl) throws IOException {
        List<JsonNode> records = new ArrayList<>();
        for (String line : jsonl.lines().toList()) {
            records.add(JSON.readTree(line));
        }
        return records;
    }

    @Test
    void cleanWritesEachCaptureWithItsUrlAndCaptureTimeAndCountsTheOtherRecordsInOneLine() throws IOException {
        Path warc = tmp.resolve("crawl.warc.gz");
        write(warc, true, crawl(3));

        Cli.Result r = Cli.run("clean", warc.toString(), "--format", "jsonl");

        assertThat(r.exitCode()).as(r.err()).isZero();
        List<JsonNode> articles = records(r.out());
        assertThat(articles).hasSize(3);
        JsonNode first = articles.get(0);
        assertThat(first.get("id").asText()).isEqualTo("news.example_lokales_1.html");
        assertThat(first.get("title").asText()).isEqualTo("Stadtrat beschließt Haushalt 1");
        assertThat(first.at("/metadata/url").asText()).isEqualTo("https://news.example/lokales/1.html");
        assertThat(first.at("/extra/warcDate").asText()).isEqualTo("2024-05-02T10:15:30Z");
        assertThat(first.at("/extra/warcRecordId").asText()).startsWith("urn:uuid:");
        assertThat(r.errLines())
                .containsExactly("dragoman: skipped 9 WARC records that are not articles: 3 request, 1 application/pdf,"
                        + " 1 metadata, 1 revisit, 1 status 301, 1 status 404, 1 warcinfo");
    }

    @Test
    void decodesAPageByTheCharsetOfItsHttpHeader() {
        Path warc = tmp.resolve("ru.warc");
        String page = "<html><head><title>Правительство одобрило новый бюджет</title></head><body>"
                + "<p>Правительство одобрило проект бюджета на следующий год. Расходы на образование и"
                + " здравоохранение вырастут на десять процентов.</p>"
                + "<p>Документ будет направлен в парламент до конца месяца. Первое чтение запланировано на"
                + " середину ноября.</p></body></html>";
        write(
                warc,
                false,
                List.of(TestWarcs.encodedResponse(
                        "https://news.example/ru", "text/html", page, Charset.forName("KOI8-R"))));

        Cli.Result r = Cli.run("clean", warc.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("Правительство одобрило проект бюджета на следующий год.");
    }

    @Test
    void aBrokenRecordIsOneLineNamingTheFileAndOffsetAndTheOtherArticlesAreCleaned() throws IOException {
        Path warc = tmp.resolve("cut.warc.gz");
        List<WarcRecord> records = new ArrayList<>();
        for (int n = 1; n <= 3; n++) {
            records.add(TestWarcs.htmlResponse("https://news.example/" + n, TestWarcs.page(n)));
        }
        List<Long> offsets = write(warc, true, records);
        byte[] bytes = Files.readAllBytes(warc);
        Files.write(warc, java.util.Arrays.copyOf(bytes, (int) (offsets.get(2) + 40)));

        Cli.Result r = Cli.run("clean", warc.toString(), "--format", "jsonl");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.SOME_FAILED);
        assertThat(records(r.out())).hasSize(2);
        assertThat(r.errLines())
                .containsExactly(
                        "dragoman: " + warc + " at byte " + offsets.get(2)
                                + ": the record is cut off (its gzip member ends early); no record after it",
                        "dragoman: 1 of 3 inputs failed");
    }

    @Test
    void aRerunSkipsTheStoredRecordsWithoutCleaningThemAgain() throws IOException {
        Path warc = tmp.resolve("crawl.warc.gz");
        write(warc, true, crawl(3));
        Path out = tmp.resolve("out");
        AtomicInteger cleaned = new AtomicInteger();
        String[] args = {"run", warc.toString(), "--out", out.toString(), "--only", "clean"};

        Cli.Result first = Cli.run(new byte[0], counting(cleaned), args);
        int firstCleanings = cleaned.getAndSet(0);
        Cli.Result again = Cli.run(new byte[0], counting(cleaned), args);

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(firstCleanings).isEqualTo(3);
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(cleaned).hasValue(0);
        assertThat(again.out()).contains("Cleaned 3 of 3 articles");
        assertThat(Files.readAllLines(out.resolve("articles.jsonl"))).hasSize(3);
    }

    /** Real cleaners that count the articles they clean. */
    private static java.util.function.LongFunction<Cleaner> counting(AtomicInteger count) {
        return maxBytes -> {
            Cleaner real = Cli.standardCleaners().apply(maxBytes);
            return new Cleaner() {
                @Override
                public CleanedArticle clean(RawArticle raw) {
                    count.incrementAndGet();
                    return real.clean(raw);
                }

                @Override
                public void observe(RawArticle raw) {
                    real.observe(raw);
                }
            };
        };
    }
}
