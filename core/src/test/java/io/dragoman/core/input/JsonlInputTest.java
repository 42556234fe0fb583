package io.dragoman.core.input;

import static org.assertj.core.api.Assertions.assertThat;

import io.dragoman.core.article.RawArticle;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class JsonlInputTest {
    @TempDir
    Path dir;

    private final InputReader reader = new InputReader(1_000, () -> new ByteArrayInputStream(new byte[0]));

    private Path jsonl(String name, String... lines) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }

    private List<Input> read(Path... files) {
        try (Stream<Input> inputs =
                reader.read(Stream.of(files).map(Path::toString).toList())) {
            return inputs.toList();
        }
    }

    private static RawArticle article(Input input) {
        assertThat(input).isInstanceOf(Input.Read.class);
        return ((Input.Read) input).article();
    }

    private static List<String> ids(List<Input> inputs) {
        return inputs.stream().map(i -> article(i).id().value()).toList();
    }

    private static String text(RawArticle article) {
        return new String(article.content(), StandardCharsets.UTF_8);
    }

    @Test
    void readsEachLineAsOneArticleLocatedAtItsFileAndLine() throws IOException {
        Path file = jsonl(
                "feed.jsonl",
                "{\"id\": \"a1\", \"url\": \"https://example.org/a1\", \"text\": \"Title\\n\\nBody über alles.\"}",
                "{\"id\": \"a2\", \"html\": \"<html><body><p>Hi</p></body></html>\"}");

        List<Input> inputs = read(file);

        assertThat(inputs).hasSize(2);
        RawArticle first = article(inputs.get(0));
        assertThat(first.id().value()).isEqualTo("a1");
        assertThat(first.location()).isEqualTo(file + ":1");
        assertThat(text(first)).isEqualTo("Title\n\nBody über alles.");
        assertThat(first.contentType()).contains("text/plain; charset=UTF-8");
        assertThat(first.url()).contains("https://example.org/a1");
        assertThat(first.extra()).isEmpty();
        RawArticle second = article(inputs.get(1));
        assertThat(second.location()).isEqualTo(file + ":2");
        assertThat(text(second)).isEqualTo("<html><body><p>Hi</p></body></html>");
        assertThat(second.contentType()).contains("text/html; charset=UTF-8");
        assertThat(second.url()).isEmpty();
    }

    @Test
    void skipsBlankLinesButCountsThemInLineNumbers() throws IOException {
        Path file = jsonl("feed.jsonl", "", "{\"text\": \"one\"}", "   \t", "", "{\"text\": \"two\"}", "");

        List<Input> inputs = read(file);

        assertThat(inputs).extracting(Input::location).containsExactly(file + ":2", file + ":5");
    }

    @Test
    void derivesAnIdFromTheFileNameAndLineNumberWhenALineHasNone() throws IOException {
        Path file = jsonl(
                "Nachrichten Mai.jsonl",
                "{\"text\": \"one\"}",
                "{\"id\": null, \"text\": \"two\"}",
                "{\"id\": \"  \", \"text\": \"three\"}",
                "{\"id\": \"Лавров\", \"text\": \"four\"}");

        assertThat(ids(read(file)))
                .containsExactly("Nachrichten_Mai-1", "Nachrichten_Mai-2", "Nachrichten_Mai-3", "Nachrichten_Mai-4");
    }

    @Test
    void makesIdsSafeAsFileNames() throws IOException {
        Path file = jsonl(
                "feed.jsonl",
                "{\"id\": \"../x\", \"text\": \"1\"}",
                "{\"id\": \"../../etc/passwd\", \"text\": \"2\"}",
                "{\"id\": \"a/b\\\\c\", \"text\": \"3\"}",
                "{\"id\": \"bell\\u0007tab\\tnul\\u0000end\\n\", \"text\": \"4\"}",
                "{\"id\": \"-rf\", \"text\": \"5\"}",
                "{\"id\": \".hidden\", \"text\": \"6\"}",
                "{\"id\": 42, \"text\": \"7\"}",
                "{\"id\": \"" + "y".repeat(300) + "\", \"text\": \"8\"}");

        List<String> ids = ids(read(file));

        assertThat(ids.subList(0, 7))
                .containsExactly("x", "etc_passwd", "a_b_c", "bell_tab_nul_end_", "rf", "hidden", "42");
        assertThat(ids.get(7)).isEqualTo("y".repeat(200));
        assertThat(ids)
                .allSatisfy(id -> assertThat(id).doesNotContain("/", "..").matches("[A-Za-z0-9_][\\w.-]*"));
    }

    @Test
    void givesDuplicateIdsASuffixAcrossLinesAndFiles() throws IOException {
        Path feed = jsonl(
                "feed.jsonl",
                "{\"id\": \"news\", \"text\": \"1\"}",
                "{\"id\": \"news\", \"text\": \"2\"}",
                "{\"id\": \"n/ews\", \"text\": \"3\"}",
                "{\"id\": \"n_ews\", \"text\": \"4\"}",
                "{\"id\": \"" + "z".repeat(200) + "\", \"text\": \"5\"}",
                "{\"id\": \"" + "z".repeat(250) + "\", \"text\": \"6\"}");
        Path file = Files.writeString(dir.resolve("news.txt"), "a text file");

        List<String> ids = ids(read(feed, file));

        assertThat(ids)
                .containsExactly(
                        "news", "news-2", "n_ews", "n_ews-2", "z".repeat(200), "z".repeat(198) + "-2", "news-3");
    }

    @Test
    void givesIdsThatDifferOnlyInCaseASuffixSoTheirFilesDoNotCollideOnCaseInsensitiveFileSystems() throws IOException {
        Path feed = jsonl(
                "feed.jsonl",
                "{\"id\": \"News\", \"text\": \"1\"}",
                "{\"id\": \"news\", \"text\": \"2\"}",
                "{\"id\": \"NEWS\", \"text\": \"3\"}",
                "{\"id\": \"news-2\", \"text\": \"4\"}");

        List<String> ids = ids(read(feed));

        assertThat(ids).containsExactly("News", "news-2", "NEWS-3", "news-2-2");
    }

    @Test
    void carriesOtherFieldsThroughInTheirOrderWithExactValues() throws IOException {
        Path file = jsonl(
                "feed.jsonl",
                "{\"source_id\": 7, \"text\": \"t\", \"score\": 1.10, \"big\": 12345678901234567890,"
                        + " \"tags\": [\"a\", {\"k\": null}], \"meta\": {\"lang\": \"de\", \"ok\": true},"
                        + " \"none\": null, \"id\": \"x\", \"url\": \"https://example.org/x\"}");

        RawArticle article = article(read(file).get(0));

        assertThat(article.extra())
                .containsOnlyKeys("source_id", "score", "big", "tags", "meta", "none")
                .containsEntry("source_id", 7)
                .containsEntry("score", new BigDecimal("1.10"))
                .containsEntry("big", new java.math.BigInteger("12345678901234567890"))
                .containsEntry("meta", Map.of("lang", "de", "ok", true));
        assertThat(article.extra().keySet()).containsExactly("source_id", "score", "big", "tags", "meta", "none");
        assertThat(article.extra().get("none")).isNull();
        assertThat(article.extra().get("tags")).isEqualTo(List.of("a", java.util.Collections.singletonMap("k", null)));
        assertThat(article.extra()).isUnmodifiable();
        assertThat((Map<?, ?>) article.extra().get("meta")).isUnmodifiable();
    }

    @Test
    void reportsEachBadLineAtItsFileAndLineAndReadsOn() throws IOException {
        Path file = jsonl(
                "feed.jsonl",
                "{\"text\": \"good 1\"}",
                "not json at all",
                "{\"text\": \"unterminated",
                "[\"an\", \"array\"]",
                "\"a string\"",
                "{\"url\": \"https://example.org/\"}",
                "{\"text\": null, \"html\": null}",
                "{\"text\": \"t\", \"html\": \"<p>h</p>\"}",
                "{\"text\": 12}",
                "{\"html\": [\"<p>\"]}",
                "{\"id\": {\"n\": 1}, \"text\": \"t\"}",
                "{\"url\": 5, \"text\": \"t\"}",
                "{\"text\": \"a\", \"text\": \"b\"}",
                "{\"text\": \"a\"} {\"text\": \"b\"}",
                "{\"text\": \"good 2\"}");

        List<Input> inputs = read(file);

        assertThat(inputs).hasSize(15);
        assertThat(article(inputs.get(0)).location()).isEqualTo(file + ":1");
        assertThat(article(inputs.get(14)).location()).isEqualTo(file + ":15");
        List<Input> bad = inputs.subList(1, 14);
        assertThat(bad).allSatisfy(i -> assertThat(i).isInstanceOf(Input.Unreadable.class));
        assertThat(bad).extracting(Input::location).containsExactly(lines(file, 2, 14));
        List<String> reasons =
                bad.stream().map(i -> ((Input.Unreadable) i).reason()).toList();
        assertThat(reasons).allSatisfy(r -> assertThat(r).doesNotContain("\n").hasSizeLessThan(240));
        assertThat(reasons.get(0)).isEqualTo("not valid JSON: Unrecognized token 'not' (column 1)");
        assertThat(reasons.get(1)).isEqualTo("not valid JSON: Unexpected end-of-input in VALUE_STRING (column 23)");
        assertThat(reasons.subList(2, 13))
                .containsExactly(
                        "not a JSON object but an array",
                        "not a JSON object but a string",
                        "has neither \"text\" nor \"html\"",
                        "\"text\" is not a string but null",
                        "has both \"text\" and \"html\": give one",
                        "\"text\" is not a string but a number",
                        "\"html\" is not a string but an array",
                        "\"id\" is not a string or a number but an object",
                        "\"url\" is not a string but a number",
                        reasons.get(11),
                        reasons.get(12));
        assertThat(reasons.get(11)).isEqualTo("not valid JSON: Duplicate field 'text' (column 21)");
        assertThat(reasons.get(12)).isEqualTo("not valid JSON: more than one JSON value on the line (column 15)");
    }

    private static String[] lines(Path file, int from, int to) {
        String[] locations = new String[to - from + 1];
        for (int n = from; n <= to; n++) {
            locations[n - from] = file + ":" + n;
        }
        return locations;
    }

    @Test
    void reportsALineOverTheSizeLimitAndReadsTheNext() throws IOException {
        String big = "{\"text\": \"" + "x".repeat(5_000) + "\"}";
        Path file = jsonl("feed.jsonl", "{\"text\": \"before\"}", big, "{\"text\": \"after\"}");

        List<Input> inputs = read(file);

        assertThat(inputs)
                .element(1)
                .isEqualTo(new Input.Unreadable(file + ":2", "too large: 5,012 bytes, over the limit of 1,000 bytes"));
        assertThat(text(article(inputs.get(0)))).isEqualTo("before");
        assertThat(text(article(inputs.get(2)))).isEqualTo("after");
        assertThat(inputs.get(2).location()).isEqualTo(file + ":3");
    }

    @Test
    void readsALineExactlyAtTheSizeLimit() throws IOException {
        String line = "{\"text\": \"" + "x".repeat(1_000 - 12) + "\"}";
        assertThat(line.getBytes(StandardCharsets.UTF_8)).hasSize(1_000);
        Path file = Files.writeString(dir.resolve("feed.jsonl"), line + "\r\n" + line);

        List<Input> inputs = read(file);

        assertThat(inputs).hasSize(2).allSatisfy(i -> assertThat(i).isInstanceOf(Input.Read.class));
    }

    @Test
    void acceptsWindowsLineBreaksAByteOrderMarkAndNoFinalLineBreak() throws IOException {
        Path file = Files.write(
                dir.resolve("feed.jsonl"),
                "\uFEFF{\"id\": \"a\", \"text\": \"1\"}\r\n\r\n{\"id\": \"b\", \"text\": \"2\"}"
                        .getBytes(StandardCharsets.UTF_8));

        List<Input> inputs = read(file);

        assertThat(ids(inputs)).containsExactly("a", "b");
        assertThat(inputs).extracting(Input::location).containsExactly(file + ":1", file + ":3");
    }

    @Test
    void reportsInvalidUtf8OnItsLine() throws IOException {
        Path file = dir.resolve("feed.jsonl");
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write("{\"text\": \"caf".getBytes(StandardCharsets.UTF_8));
            out.write(0xE9);
            out.write("\"}\n{\"text\": \"ok\"}\n".getBytes(StandardCharsets.UTF_8));
        }

        List<Input> inputs = read(file);

        assertThat(inputs).hasSize(2);
        assertThat(inputs.get(0)).isInstanceOfSatisfying(Input.Unreadable.class, u -> {
            assertThat(u.location()).isEqualTo(file + ":1");
            assertThat(u.reason()).startsWith("not valid JSON: Invalid UTF-8");
        });
        assertThat(inputs.get(1)).isInstanceOf(Input.Read.class);
    }

    @Test
    void readsGzipCompressedJsonl() throws IOException {
        Path file = dir.resolve("feed.jsonl.gz");
        try (Writer out = new java.io.OutputStreamWriter(
                new GZIPOutputStream(Files.newOutputStream(file)), StandardCharsets.UTF_8)) {
            out.write("{\"text\": \"eins\"}\n{\"id\": \"zwei\", \"text\": \"zwei\"}\n");
        }

        List<Input> inputs = read(file);

        assertThat(ids(inputs)).containsExactly("feed-1", "zwei");
        assertThat(text(article(inputs.get(0)))).isEqualTo("eins");
        assertThat(inputs.get(1).location()).isEqualTo(file + ":2");
    }

    @Test
    void reportsAFileThatIsNotGzipAtTheFile() throws IOException {
        Path file = Files.writeString(dir.resolve("feed.jsonl.gz"), "{\"text\": \"plain\"}\n");

        assertThat(read(file)).containsExactly(new Input.Unreadable(file.toString(), "Not in GZIP format"));
    }

    @Test
    void reportsACutOffGzipFileAtTheLineWhereItEndsAfterReadingTheLinesBefore() throws IOException {
        java.io.ByteArrayOutputStream whole = new java.io.ByteArrayOutputStream();
        try (Writer out = new java.io.OutputStreamWriter(new GZIPOutputStream(whole), StandardCharsets.UTF_8)) {
            for (int i = 1; i <= 200; i++) {
                out.write("{\"id\": \"n" + i + "\", \"text\": \"Zeile " + i + " mit etwas Text " + i * 7919 + "\"}\n");
            }
        }
        byte[] gz = whole.toByteArray();
        Path file = Files.write(dir.resolve("cut.jsonl.gz"), java.util.Arrays.copyOf(gz, gz.length / 2));

        List<Input> inputs = read(file);

        Input last = inputs.get(inputs.size() - 1);
        assertThat(last).isInstanceOf(Input.Unreadable.class);
        assertThat(((Input.Unreadable) last).reason()).isEqualTo("the gzip data ends early: the file is cut off");
        assertThat(last.location()).isEqualTo(file + ":" + inputs.size());
        assertThat(inputs.subList(0, inputs.size() - 1)).isNotEmpty().allMatch(i -> i instanceof Input.Read);
    }

    @Test
    void namesATextOrHtmlFieldThatIsNullRatherThanSayingItIsMissing() throws IOException {
        Path file = jsonl(
                "nulls.jsonl",
                "{\"id\": \"a\", \"text\": null}",
                "{\"id\": \"b\", \"html\": null}",
                "{\"id\": \"c\"}",
                "{\"id\": \"d\", \"text\": null, \"html\": \"<p>Hallo</p>\"}");

        List<Input> inputs = read(file);

        assertThat(inputs.subList(0, 3))
                .containsExactly(
                        new Input.Unreadable(file + ":1", "\"text\" is not a string but null"),
                        new Input.Unreadable(file + ":2", "\"html\" is not a string but null"),
                        new Input.Unreadable(file + ":3", "has neither \"text\" nor \"html\""));
        assertThat(article(inputs.get(3)).id().value()).isEqualTo("d");
    }

    @Test
    void readsJsonlFilesFoundInADirectoryAmongOtherFiles() throws IOException {
        jsonl("in/b.jsonl", "{\"text\": \"b1\"}", "{\"text\": \"b2\"}");
        Files.writeString(dir.resolve("in/a.txt"), "a");
        Files.writeString(dir.resolve("in/c.txt"), "c");

        List<Input> inputs = read(dir.resolve("in"));

        assertThat(inputs)
                .extracting(Input::location)
                .containsExactly(
                        dir.resolve("in/a.txt").toString(),
                        dir.resolve("in/b.jsonl") + ":1",
                        dir.resolve("in/b.jsonl") + ":2",
                        dir.resolve("in/c.txt").toString());
    }

    @Test
    void readsAnEmptyJsonlFileAsNoArticles() throws IOException {
        Path file = Files.writeString(dir.resolve("empty.jsonl"), "");

        assertThat(read(file)).isEmpty();
    }

    @Test
    void readsLinesOnlyAsTheStreamIsConsumed() throws IOException {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 100_000; i++) {
            lines.append("{\"text\": \"line ").append(i).append("\"}\n");
        }
        Path file = Files.writeString(dir.resolve("feed.jsonl"), lines);

        int rest;
        try (Stream<Input> inputs = reader.read(List.of(file.toString()))) {
            Iterator<Input> it = inputs.iterator();
            assertThat(text(article(it.next()))).isEqualTo("line 0");
            // cut the file under the open reader: what it reads from now on was not read before
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                channel.truncate(0);
            }
            rest = 0;
            while (it.hasNext()) {
                it.next();
                rest++;
            }
        }

        assertThat(rest).as("lines read ahead of the consumer").isLessThan(10_000);
    }

    @Test
    @Timeout(30)
    void streamsAHundredThousandLineFile() throws IOException {
        Path file = dir.resolve("big.jsonl");
        String body = "Ein Absatz mit etwas Text, damit die Zeile nicht ganz kurz ist. ".repeat(3);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < 100_000; i++) {
                out.write("{\"id\": \"n" + i % 1000 + "\", \"text\": \"" + body + i + "\", \"n\": " + i + "}\n");
            }
        }
        assertThat(Files.size(file)).isGreaterThan(20_000_000L);

        long[] counts = new long[2];
        try (Stream<Input> inputs =
                new InputReader(1_000, InputStream::nullInputStream).read(List.of(file.toString()))) {
            inputs.forEach(input -> {
                counts[0]++;
                if (input instanceof Input.Read read && read.article().extra().get("n") instanceof Integer) {
                    counts[1]++;
                }
            });
        }

        assertThat(counts).containsExactly(100_000, 100_000);
    }

    @Test
    void closingTheStreamEarlyReleasesTheOpenFile() throws IOException {
        Path fds = Path.of("/proc/self/fd");
        Assumptions.assumeTrue(Files.isDirectory(fds), "needs /proc/self/fd to see open files");
        Path file = jsonl("feed.jsonl", "{\"text\": \"1\"}", "{\"text\": \"2\"}", "{\"text\": \"3\"}");

        try (Stream<Input> inputs = reader.read(List.of(file.toString()))) {
            Iterator<Input> it = inputs.iterator();
            assertThat(it.next().location()).isEqualTo(file + ":1");
            assertThat(openFiles(fds)).contains(file.toRealPath());
        }

        assertThat(openFiles(fds)).doesNotContain(file.toRealPath());
    }

    @Test
    void closesTheFileOnceItIsReadToTheEnd() throws IOException {
        Path fds = Path.of("/proc/self/fd");
        Assumptions.assumeTrue(Files.isDirectory(fds), "needs /proc/self/fd to see open files");
        Path file = jsonl("feed.jsonl", "{\"text\": \"1\"}");
        Path other = Files.writeString(dir.resolve("other.txt"), "x");

        try (Stream<Input> inputs = reader.read(List.of(file.toString(), other.toString()))) {
            Iterator<Input> it = inputs.iterator();
            it.next();
            assertThat(it.next().location()).isEqualTo(other.toString());
            assertThat(openFiles(fds)).doesNotContain(file.toRealPath());
        }
    }

    private static List<Path> openFiles(Path fds) throws IOException {
        try (Stream<Path> links = Files.list(fds)) {
            return links.map(link -> {
                        try {
                            return Files.readSymbolicLink(link);
                        } catch (IOException e) {
                            return link; // closed while listing
                        }
                    })
                    .toList();
        }
    }

    @Test
    void treatsAJsonlNameInAnyCaseAsJsonl() throws IOException {
        Path file = jsonl("FEED.JSONL", "{\"text\": \"1\"}");

        assertThat(read(file)).extracting(Input::location).containsExactly(file + ":1");
    }

    @Test
    void usesTheUrlAsGivenWithoutBlankValues() throws IOException {
        Path file = jsonl(
                "feed.jsonl",
                "{\"url\": \" https://example.org/a \", \"text\": \"1\"}",
                "{\"url\": \"\", \"text\": \"2\"}",
                "{\"url\": null, \"text\": \"3\"}");

        assertThat(read(file))
                .extracting(i -> article(i).url())
                .containsExactly(Optional.of("https://example.org/a"), Optional.empty(), Optional.empty());
    }
}
