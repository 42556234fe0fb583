package io.dragoman.core.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dragoman.core.article.RawArticle;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputReaderTest {
    @TempDir
    Path dir;

    private final InputReader reader = new InputReader(1_000, () -> new ByteArrayInputStream(new byte[0]));

    private static Path write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static List<Input> all(Stream<Input> inputs) {
        try (inputs) {
            return inputs.toList();
        }
    }

    private static List<String> ids(List<Input> inputs) {
        return inputs.stream().map(i -> ((Input.Read) i).article().id().value()).toList();
    }

    @Test
    void readsDirectoriesRecursivelyInNameOrder() throws IOException {
        write(dir.resolve("b.txt"), "b");
        write(dir.resolve("a/z.txt"), "az");
        write(dir.resolve("a/c.txt"), "ac");
        write(dir.resolve("c/deep/d.html"), "d");

        List<Input> inputs = all(reader.read(List.of(dir.toString())));

        assertThat(inputs).allMatch(i -> i instanceof Input.Read);
        assertThat(inputs)
                .extracting(Input::location)
                .containsExactly(
                        dir.resolve("a/c.txt").toString(),
                        dir.resolve("a/z.txt").toString(),
                        dir.resolve("b.txt").toString(),
                        dir.resolve("c/deep/d.html").toString());
        assertThat(((Input.Read) inputs.get(0)).article().content()).isEqualTo("ac".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void skipsHiddenFilesAndDirectories() throws IOException {
        write(dir.resolve("article.txt"), "text");
        write(dir.resolve(".hidden.txt"), "hidden");
        write(dir.resolve(".git/config"), "hidden too");

        List<Input> inputs = all(reader.read(List.of(dir.toString())));

        assertThat(inputs)
                .extracting(Input::location)
                .containsExactly(dir.resolve("article.txt").toString());
    }

    @Test
    void skipsAndCountsFilesWhoseNamesSayTheyAreNotArticles() throws IOException {
        write(dir.resolve("article.txt"), "text");
        write(dir.resolve("page.HTML"), "html");
        write(dir.resolve("feed.jsonl.gz"), "");
        write(dir.resolve("crawl.warc.gz"), "");
        for (String name : List.of("fetch.sh", "logo.png", "sub/photo.PNG", "dump.zip", "page.txt.gz", "memo.docx")) {
            write(dir.resolve(name), "not an article");
        }
        write(dir.resolve(".DS_Store"), "hidden");
        write(dir.resolve(".git/config"), "not entered");

        List<Input> inputs = all(reader.read(List.of(dir.toString())));
        all(reader.read(List.of(dir.toString())));

        // the empty web archive is read, and holds no record
        assertThat(inputs)
                .extracting(Input::location)
                .containsExactly(
                        dir.resolve("article.txt").toString(),
                        dir.resolve("feed.jsonl.gz").toString(),
                        dir.resolve("page.HTML").toString());
        assertThat(reader.skipped().count()).isEqualTo(7);
        assertThat(reader.skipped().patterns()).containsExactly("*.sh", "*.png", "*.zip", "*.gz", "*.docx", ".*");
    }

    @Test
    void readsFilesThatAreNotArticlesWhenTheGlobOrTheCommandLineNamesThem() throws IOException {
        Path script = write(dir.resolve("fetch.sh"), "echo");
        write(dir.resolve("logo.png"), "png");
        InputReader globbed = new InputReader(1_000, InputStream::nullInputStream, Optional.of("*.sh"));

        List<Input> selected = all(globbed.read(List.of(dir.toString())));
        List<Input> named = all(
                reader.read(List.of(script.toString(), dir.resolve("logo.png").toString())));

        assertThat(selected).extracting(Input::location).containsExactly(script.toString());
        assertThat(globbed.skipped().count()).isZero();
        assertThat(named).hasSize(2).allMatch(i -> i instanceof Input.Read);
        assertThat(reader.skipped().count()).isZero();
    }

    @Test
    void reportsAMissingPathAsUnreadable() {
        String missing = dir.resolve("missing.txt").toString();

        List<Input> inputs = all(reader.read(List.of(missing)));

        assertThat(inputs).containsExactly(new Input.Unreadable(missing, "no such file or directory"));
    }

    @Test
    void givesFilesWithEqualNamesUniqueIds() throws IOException {
        write(dir.resolve("a/news.txt"), "1");
        write(dir.resolve("b/news.txt"), "2");
        write(dir.resolve("c/news.html"), "3");

        List<Input> inputs = all(reader.read(List.of(dir.toString())));

        assertThat(ids(inputs)).containsExactly("news", "news-2", "news-3");
    }

    @Test
    void derivesSafeIdsFromFileNames() throws IOException {
        write(dir.resolve("Nachricht über Minsk.txt"), "1");

        List<Input> inputs = all(reader.read(List.of(dir.toString())));

        assertThat(ids(inputs)).containsExactly("Nachricht_ber_Minsk");
    }

    @Test
    void keepsIdsUniqueAcrossArguments() throws IOException {
        Path first = write(dir.resolve("one/item.txt"), "1");
        Path second = write(dir.resolve("two/item.txt"), "2");

        List<Input> inputs = all(reader.read(List.of(first.toString(), second.toString())));

        assertThat(ids(inputs)).containsExactly("item", "item-2");
    }

    @Test
    void reportsATooLargeFileWithItsSizeWithoutReadingIt() throws IOException {
        Path big = write(dir.resolve("big.txt"), "x".repeat(5_000));

        List<Input> inputs = all(reader.read(List.of(big.toString())));

        // the size in the message comes from the file system: the reader never held the 5,000 bytes
        assertThat(inputs)
                .containsExactly(
                        new Input.Unreadable(big.toString(), "too large: 5,000 bytes, over the limit of 1,000 bytes"));
    }

    @Test
    void readsAFileExactlyAtTheLimit() throws IOException {
        Path file = write(dir.resolve("limit.txt"), "x".repeat(1_000));

        List<Input> inputs = all(reader.read(List.of(file.toString())));

        assertThat(inputs).singleElement().isInstanceOf(Input.Read.class);
    }

    @Test
    void reportsASymbolicLinkLoop() throws IOException {
        write(dir.resolve("tree/article.txt"), "text");
        try {
            Files.createSymbolicLink(dir.resolve("tree/loop"), dir.resolve("tree"));
        } catch (UnsupportedOperationException | IOException e) {
            Assumptions.abort("symbolic links are not supported here: " + e);
        }

        List<Input> inputs = all(reader.read(List.of(dir.resolve("tree").toString())));

        assertThat(inputs)
                .containsExactlyInAnyOrder(
                        new Input.Read(RawArticle.of(
                                new io.dragoman.core.article.ArticleId("article"),
                                dir.resolve("tree/article.txt").toString(),
                                "text".getBytes(StandardCharsets.UTF_8))),
                        new Input.Unreadable(dir.resolve("tree/loop").toString(), "symbolic link loop"));
    }

    @Test
    void reportsABrokenSymbolicLink() throws IOException {
        Path link = dir.resolve("dangling.txt");
        try {
            Files.createSymbolicLink(link, dir.resolve("nowhere.txt"));
        } catch (UnsupportedOperationException | IOException e) {
            Assumptions.abort("symbolic links are not supported here: " + e);
        }

        List<Input> inputs = all(reader.read(List.of(link.toString())));

        assertThat(inputs).containsExactly(new Input.Unreadable(link.toString(), "broken symbolic link"));
    }

    @Test
    void reportsABrokenSymbolicLinkInsideADirectoryInsteadOfSkippingIt() throws IOException {
        Path tree = Files.createDirectories(dir.resolve("tree"));
        Files.writeString(tree.resolve("article.txt"), "text");
        Path link = tree.resolve("dangling.txt");
        try {
            Files.createSymbolicLink(link, dir.resolve("nowhere.txt"));
        } catch (UnsupportedOperationException | IOException e) {
            Assumptions.abort("symbolic links are not supported here: " + e);
        }

        List<Input> inputs = all(reader.read(List.of(tree.toString())));

        assertThat(inputs).hasSize(2).contains(new Input.Unreadable(link.toString(), "broken symbolic link"));
    }

    @Test
    void readsStandardInputForADash() {
        InputReader stdin = new InputReader(
                1_000, () -> new ByteArrayInputStream("Titel\n\nText.".getBytes(StandardCharsets.UTF_8)));

        List<Input> inputs = all(stdin.read(List.of("-")));

        assertThat(inputs).singleElement().isInstanceOfSatisfying(Input.Read.class, read -> {
            assertThat(read.article().id().value()).isEqualTo("stdin");
            assertThat(read.article().location()).isEqualTo("-");
            assertThat(read.article().content()).isEqualTo("Titel\n\nText.".getBytes(StandardCharsets.UTF_8));
        });
    }

    @Test
    void stopsReadingStandardInputOverTheLimit() {
        InputReader stdin = new InputReader(10, () -> new ByteArrayInputStream(new byte[1_000_000]));

        List<Input> inputs = all(stdin.read(List.of("-")));

        assertThat(inputs).containsExactly(new Input.Unreadable("-", "too large: more than the limit of 10 bytes"));
    }

    @Test
    void readsFilesOnlyAsTheStreamIsConsumed() throws IOException {
        write(dir.resolve("a.txt"), "a");
        write(dir.resolve("b.txt"), "b");
        AtomicInteger opened = new AtomicInteger();
        InputReader counting = new InputReader(1_000, () -> {
            opened.incrementAndGet();
            return InputStream.nullInputStream();
        });

        try (Stream<Input> inputs = counting.read(List.of(dir.toString(), "-"))) {
            assertThat(inputs.limit(1).count()).isEqualTo(1);
        }

        assertThat(opened).hasValue(0);
    }

    @Test
    void readsFilesOfADirectoryOnlyAsTheStreamIsConsumed() throws IOException {
        write(dir.resolve("a.txt"), "a");
        write(dir.resolve("b.txt"), "b");
        Path last = write(dir.resolve("c.txt"), "c");

        List<Input> inputs;
        try (Stream<Input> stream = reader.read(List.of(dir.toString()))) {
            var it = stream.iterator();
            List<Input> seen = new java.util.ArrayList<>(List.of(it.next()));
            Files.writeString(last, "changed after listing");
            it.forEachRemaining(seen::add);
            inputs = seen;
        }

        assertThat(inputs).hasSize(3);
        assertThat(((Input.Read) inputs.get(2)).article().content())
                .isEqualTo("changed after listing".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsOnlyTheFilesOfADirectoryThatTheGlobSelects() throws IOException {
        write(dir.resolve("top.txt"), "1");
        write(dir.resolve("top.html"), "2");
        write(dir.resolve("de/nested.txt"), "3");
        write(dir.resolve("de/deeper/more.txt"), "4");
        write(dir.resolve("de/deeper/page.html"), "5");
        InputReader globbed = new InputReader(1_000, InputStream::nullInputStream, Optional.of("**/*.txt"));

        List<Input> inputs = all(globbed.read(List.of(dir.toString())));

        assertThat(inputs)
                .extracting(Input::location)
                .containsExactly(
                        dir.resolve("de/deeper/more.txt").toString(),
                        dir.resolve("de/nested.txt").toString(),
                        dir.resolve("top.txt").toString());
    }

    @Test
    void matchesTheGlobAgainstThePathRelativeToTheDirectoryGiven() throws IOException {
        write(dir.resolve("news/de/a.txt"), "1");
        write(dir.resolve("news/en/b.txt"), "2");
        write(dir.resolve("news/de.txt"), "3");
        InputReader globbed = new InputReader(1_000, InputStream::nullInputStream, Optional.of("de/*"));

        List<Input> inputs = all(globbed.read(List.of(dir.resolve("news").toString())));

        assertThat(inputs)
                .extracting(Input::location)
                .containsExactly(dir.resolve("news/de/a.txt").toString());
    }

    @Test
    void alwaysReadsFilesNamedExplicitlyWhateverTheGlob() throws IOException {
        Path html = write(dir.resolve("page.html"), "1");
        write(dir.resolve("sub/x.txt"), "2");
        write(dir.resolve("sub/y.html"), "3");
        InputReader globbed = new InputReader(1_000, InputStream::nullInputStream, Optional.of("*.txt"));

        List<Input> inputs =
                all(globbed.read(List.of(html.toString(), dir.resolve("sub").toString())));

        assertThat(inputs)
                .extracting(Input::location)
                .containsExactly(html.toString(), dir.resolve("sub/x.txt").toString());
    }

    @Test
    void selectsJsonlFilesInADirectoryByGlob() throws IOException {
        write(dir.resolve("a.jsonl"), "{\"text\": \"1\"}\n{\"text\": \"2\"}\n");
        write(dir.resolve("b.txt"), "b");
        InputReader globbed = new InputReader(1_000, InputStream::nullInputStream, Optional.of("*.{jsonl,jsonl.gz}"));

        List<Input> inputs = all(globbed.read(List.of(dir.toString())));

        assertThat(ids(inputs)).containsExactly("a-1", "a-2");
    }

    @Test
    void rejectsAnInvalidGlobNamingIt() {
        assertThatThrownBy(() -> new InputReader(1_000, InputStream::nullInputStream, Optional.of("*.{txt")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("invalid glob '*.{txt': ")
                .hasMessageNotContaining("\n");
    }

    @Test
    void derivesIdsFromFileNamesStartingWithAHyphen() throws IOException {
        write(dir.resolve("-rf.txt"), "1");

        assertThat(ids(all(reader.read(List.of(dir.toString()))))).containsExactly("rf");
    }

    @Test
    void keepsSuffixedIdsOfLongFileNamesWithinTheLengthLimit() throws IOException {
        String name = "n".repeat(240);
        write(dir.resolve("a/" + name + ".txt"), "1");
        write(dir.resolve("b/" + name + ".txt"), "2");

        assertThat(ids(all(reader.read(List.of(dir.toString())))))
                .containsExactly("n".repeat(200), "n".repeat(198) + "-2");
    }
}
