package io.dragoman.core.input;

import static io.dragoman.core.testing.TestWarcs.crawl;
import static io.dragoman.core.testing.TestWarcs.htmlResponse;
import static io.dragoman.core.testing.TestWarcs.page;
import static io.dragoman.core.testing.TestWarcs.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.dragoman.core.article.RawArticle;
import io.dragoman.core.testing.TestWarcs;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.netpreserve.jwarc.WarcRecord;

/** Web archives as inputs: which records become articles, and how broken records are reported and passed over. */
class WarcInputTest {
    private static final long MAX = 1_000_000;

    @TempDir
    Path tmp;

    private final InputReader reader = new InputReader(MAX, InputStream::nullInputStream);

    private List<Input> read(Path file) {
        try (var inputs = reader.read(List.of(file.toString()))) {
            return inputs.toList();
        }
    }

    private static RawArticle article(Input input) {
        assertThat(input).as(input.location()).isInstanceOf(Input.Read.class);
        return ((Input.Read) input).article();
    }

    private static List<WarcRecord> pages(int count) {
        return IntStream.rangeClosed(1, count)
                .mapToObj(n -> (WarcRecord) htmlResponse("https://news.example/lokales/" + n + ".html", page(n)))
                .toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"crawl.warc.gz", "crawl.warc"})
    void readsEachHtmlCaptureAsAnArticleWithItsUrlDateAndRecordId(String name) {
        Path file = tmp.resolve(name);
        List<Long> offsets = write(file, name.endsWith(".gz"), crawl(3));

        List<Input> inputs = read(file);

        assertThat(inputs).hasSize(3);
        RawArticle first = article(inputs.get(0));
        assertThat(first.id().value()).isEqualTo("news.example_lokales_1.html");
        assertThat(first.url()).contains("https://news.example/lokales/1.html");
        assertThat(first.location()).isEqualTo(file + " at byte " + offsets.get(2));
        assertThat(first.contentType()).contains("text/html; charset=UTF-8");
        assertThat(new String(first.content(), StandardCharsets.UTF_8)).isEqualTo(page(1));
        assertThat(first.extra()).containsEntry("warcDate", "2024-05-02T10:15:30Z");
        assertThat((String) first.extra().get("warcRecordId")).startsWith("urn:uuid:");
        assertThat(article(inputs.get(2)).id().value()).isEqualTo("news.example_lokales_3.html");
    }

    @Test
    void countsTheRecordsThatAreNotArticlesByKindInOneLine() {
        Path file = tmp.resolve("crawl.warc.gz");
        write(file, true, crawl(3));

        read(file);
        read(file);

        assertThat(reader.skippedRecords().count()).isEqualTo(9);
        assertThat(reader.skippedRecords().describe())
                .isEqualTo("3 request, 1 application/pdf, 1 metadata, 1 revisit, 1 status 301, 1 status 404,"
                        + " 1 warcinfo");
    }

    @Test
    void decodesAChunkedGzipEncodedPayload() {
        Path file = tmp.resolve("chunked.warc.gz");
        write(file, true, List.of(TestWarcs.chunkedGzipResponse("https://news.example/a", page(7), 100)));

        RawArticle a = article(read(file).get(0));

        assertThat(new String(a.content(), StandardCharsets.UTF_8)).isEqualTo(page(7));
    }

    @Test
    void passesTheHttpCharsetOnAsTheDecodingHint() {
        Path file = tmp.resolve("koi8.warc");
        Charset koi8 = Charset.forName("KOI8-R");
        write(file, false, List.of(TestWarcs.encodedResponse("https://news.example/ru", "text/plain", "Бюджет", koi8)));

        RawArticle a = article(read(file).get(0));

        assertThat(a.contentType()).contains("text/plain; charset=KOI8-R");
        assertThat(new String(a.content(), koi8)).isEqualTo("Бюджет");
    }

    @Test
    void readsAResourceRecordAsAnArticle() {
        Path file = tmp.resolve("resources.warc");
        write(file, false, List.of(TestWarcs.resource("https://news.example/b.html", "text/html", page(2))));

        RawArticle a = article(read(file).get(0));

        assertThat(a.id().value()).isEqualTo("news.example_b.html");
        assertThat(a.url()).contains("https://news.example/b.html");
    }

    @Test
    void givesTwoCapturesOfOneUrlTwoIdsAndKeepsLongUrlsApart() {
        Path file = tmp.resolve("twice.warc.gz");
        String longA = "https://news.example/" + "x".repeat(300) + "/a";
        String longB = "https://news.example/" + "x".repeat(300) + "/b";
        write(
                file,
                true,
                List.of(
                        htmlResponse("https://news.example/a", page(1)),
                        htmlResponse("https://news.example/a", page(2)),
                        htmlResponse(longA, page(3)),
                        htmlResponse(longB, page(4))));

        List<String> ids = read(file).stream().map(i -> article(i).id().value()).toList();

        assertThat(ids.subList(0, 2)).containsExactly("news.example_a", "news.example_a-2");
        assertThat(ids.get(2)).hasSize(200).isNotEqualTo(ids.get(3));
        assertThat(ids.get(3)).hasSize(200);
    }

    @Test
    void aTruncatedLastMemberIsOneFailureAndEndsTheFile() throws IOException {
        Path file = tmp.resolve("cut.warc.gz");
        List<Long> offsets = write(file, true, pages(3));
        long size = Files.size(file);
        cut(file, offsets.get(2) + (size - offsets.get(2)) / 2);

        List<Input> inputs = read(file);

        assertThat(inputs).hasSize(3);
        article(inputs.get(0));
        article(inputs.get(1));
        assertThat(inputs.get(2)).isInstanceOf(Input.Unreadable.class);
        assertThat(inputs.get(2).location()).isEqualTo(file + " at byte " + offsets.get(2));
        assertThat(((Input.Unreadable) inputs.get(2)).reason())
                .isEqualTo("the record is cut off (its gzip member ends early); no record after it");
    }

    @Test
    void aDamagedMemberIsOneFailureAndReadingGoesOnWithTheNextRecord() throws IOException {
        Path file = tmp.resolve("damaged.warc.gz");
        List<Long> offsets = write(file, true, pages(3));
        byte[] bytes = Files.readAllBytes(file);
        long middle = offsets.get(1) + (offsets.get(2) - offsets.get(1)) / 2;
        for (int i = 0; i < 40; i++) {
            bytes[(int) middle + i] ^= (byte) 0x5a;
        }
        Files.write(file, bytes);

        List<Input> inputs = read(file);

        assertThat(inputs).hasSize(3);
        assertThat(article(inputs.get(0)).id().value()).isEqualTo("news.example_lokales_1.html");
        assertThat(inputs.get(1).location()).isEqualTo(file + " at byte " + offsets.get(1));
        assertThat(((Input.Unreadable) inputs.get(1)).reason()).endsWith("; read on at byte " + offsets.get(2));
        assertThat(article(inputs.get(2)).id().value()).isEqualTo("news.example_lokales_3.html");
    }

    @ParameterizedTest
    @ValueSource(strings = {"garbage.warc.gz", "garbage.warc"})
    void bytesBetweenRecordsAreOneFailureAndTheRecordsAfterThemAreRead(String name) throws IOException {
        Path file = tmp.resolve(name);
        List<Long> offsets = write(file, name.endsWith(".gz"), pages(3));
        insert(
                file,
                offsets.get(1),
                "these bytes are no record\r\n\r\n".repeat(20).getBytes(StandardCharsets.US_ASCII));

        List<Input> inputs = read(file);

        assertThat(inputs).hasSize(4);
        article(inputs.get(0));
        assertThat(inputs.get(1)).isInstanceOf(Input.Unreadable.class);
        assertThat(inputs.get(1).location()).isEqualTo(file + " at byte " + offsets.get(1));
        assertThat(article(inputs.get(2)).id().value()).isEqualTo("news.example_lokales_2.html");
        assertThat(article(inputs.get(3)).id().value()).isEqualTo("news.example_lokales_3.html");
    }

    @ParameterizedTest
    @ValueSource(ints = {-40, 40})
    void aWrongLengthIsOneFailureAndTheNextRecordIsRead(int change) throws IOException {
        Path file = tmp.resolve("length.warc");
        List<Long> offsets = write(file, false, pages(3));
        byte[] bytes = Files.readAllBytes(file);
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int header = text.indexOf("Content-Length: ", offsets.get(1).intValue()) + "Content-Length: ".length();
        int end = text.indexOf("\r\n", header);
        long length = Long.parseLong(text.substring(header, end));
        String changed = text.substring(0, header) + (length + change) + text.substring(end);
        Files.write(file, changed.getBytes(StandardCharsets.ISO_8859_1));

        List<Input> inputs = read(file);

        assertThat(inputs).hasSize(3);
        article(inputs.get(0));
        assertThat(inputs.get(1).location()).isEqualTo(file + " at byte " + offsets.get(1));
        assertThat(((Input.Unreadable) inputs.get(1)).reason()).startsWith("its block digest does not match its bytes");
        assertThat(article(inputs.get(2)).id().value()).isEqualTo("news.example_lokales_3.html");
    }

    @Test
    void aPayloadOverTheLimitIsReportedAsTooLarge() {
        Path file = tmp.resolve("big.warc.gz");
        write(file, true, pages(2));
        InputReader small = new InputReader(100, InputStream::nullInputStream);

        List<Input> inputs;
        try (var stream = small.read(List.of(file.toString()))) {
            inputs = stream.toList();
        }

        assertThat(inputs).hasSize(2).allMatch(i -> i instanceof Input.Unreadable);
        assertThat(((Input.Unreadable) inputs.get(0)).reason())
                .isEqualTo("too large: more than the limit of 100 bytes");
    }

    @Test
    void aDirectoryListingReadsItsWebArchives() {
        write(tmp.resolve("a.warc.gz"), true, pages(2));
        write(tmp.resolve("b.warc"), false, pages(1));

        List<Input> inputs;
        try (var stream = reader.read(List.of(tmp.toString()))) {
            inputs = stream.toList();
        }

        assertThat(inputs.stream().map(i -> article(i).id().value()))
                .containsExactly(
                        "news.example_lokales_1.html", "news.example_lokales_2.html", "news.example_lokales_1.html-2");
    }

    @Test
    void theLibraryReaderTakesAnyChannelAndHandsOverTheSkippedKinds() {
        Path file = tmp.resolve("crawl.warc.gz");
        write(file, true, crawl(2));
        List<String> kinds = new ArrayList<>();

        List<Input> inputs = new ArrayList<>();
        try (WarcArticles articles = new WarcArticles(
                "gs://bucket/crawl.warc.gz", () -> java.nio.channels.FileChannel.open(file), MAX, kinds::add)) {
            articles.forEachRemaining(inputs::add);
        }

        assertThat(inputs).hasSize(2);
        assertThat(inputs.get(0).location()).startsWith("gs://bucket/crawl.warc.gz at byte ");
        assertThat(kinds).hasSize(8).contains("request", "revisit", "status 404", "application/pdf");
    }

    private static void cut(Path file, long size) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, (int) size));
    }

    private static void insert(Path file, long at, byte[] extra) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        byte[] out = new byte[bytes.length + extra.length];
        System.arraycopy(bytes, 0, out, 0, (int) at);
        System.arraycopy(extra, 0, out, (int) at, extra.length);
        System.arraycopy(bytes, (int) at, out, (int) at + extra.length, bytes.length - (int) at);
        Files.write(file, out);
    }
}
