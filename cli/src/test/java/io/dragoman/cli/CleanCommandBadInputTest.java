package io.dragoman.cli;

import static io.dragoman.cli.Cli.FIRST_SEED;
import static io.dragoman.cli.Cli.SECOND_SEED;
import static io.dragoman.cli.Cli.SEEDS;
import static io.dragoman.cli.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dragoman.core.article.CleanedArticle;
import io.dragoman.core.article.RawArticle;
import io.dragoman.core.clean.Cleaner;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dragoman clean} on bad inputs: each gets one line on standard error naming the file and what is wrong, the
 * other inputs are still cleaned, the exit code is 1 and a last line counts the failures.
 */
class CleanCommandBadInputTest {
    private static final byte[] PNG_HEADER = {
        (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R', 0, 0, 1, 0
    };

    @TempDir
    Path tmp;

    private Path good;

    private Path good() throws IOException {
        if (good == null) {
            good = Files.copy(SEEDS.resolve(FIRST_SEED + ".txt"), tmp.resolve("good.txt"));
        }
        return good;
    }

    /** Runs clean on the bad file followed by a good one, and checks what every bad input must give. */
    private Cli.Result cleanBadThenGood(Path bad, String... options) throws IOException {
        String[] args = new String[3 + options.length];
        args[0] = "clean";
        args[1] = bad.toString();
        args[2] = good().toString();
        System.arraycopy(options, 0, args, 3, options.length);
        Cli.Result r = run(args);
        assertOneErrorThenCount(r, bad.toString(), 1, 2);
        assertThat(r.out()).as("the good input is still cleaned").contains("Belarus und Russland haben");
        return r;
    }

    private static void assertOneErrorThenCount(Cli.Result r, String location, int failed, int total) {
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.errLines()).hasSize(failed + 1);
        assertThat(r.errLines())
                .filteredOn(l -> l.startsWith("dragoman: " + location + ": "))
                .hasSize(1);
        assertThat(r.errLines().get(failed)).isEqualTo("dragoman: " + failed + " of " + total + " inputs failed");
        assertNoStackTrace(r);
    }

    private static void assertNoStackTrace(Cli.Result r) {
        assertThat(r.err()).doesNotContain("\tat ").doesNotContain("Exception");
    }

    private static String errorFor(Cli.Result r, Path bad) {
        return r.errLines().stream()
                .filter(l -> l.startsWith("dragoman: " + bad + ": "))
                .findFirst()
                .orElseThrow()
                .substring(("dragoman: " + bad + ": ").length());
    }

    @Test
    void namesAMissingPathAndCleansTheRest() throws IOException {
        Path missing = tmp.resolve("no-such-article.txt");

        Cli.Result r = cleanBadThenGood(missing);

        assertThat(errorFor(r, missing)).isEqualTo("no such file or directory");
    }

    @Test
    void namesAnUnreadableFileAndCleansTheRest() throws IOException {
        Path locked = Files.writeString(tmp.resolve("locked.txt"), "Some article text.\n");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        try {
            Assumptions.assumeFalse(
                    Files.isReadable(locked), "file permissions are not enforced here (running as root?)");

            Cli.Result r = cleanBadThenGood(locked);

            assertThat(errorFor(r, locked)).isEqualTo("permission denied");
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rw-------"));
        }
    }

    @Test
    void namesAnEmptyFile() throws IOException {
        Path empty = Files.write(tmp.resolve("empty.txt"), new byte[0]);

        Cli.Result r = cleanBadThenGood(empty);

        assertThat(errorFor(r, empty)).isEqualTo("empty file");
    }

    @Test
    void namesAFileOfWhiteSpaceOnly() throws IOException {
        Path blank = Files.writeString(tmp.resolve("blank.txt"), "  \n\t\r\n   \n");

        Cli.Result r = cleanBadThenGood(blank);

        assertThat(errorFor(r, blank)).contains("empty").contains("white space");
    }

    @Test
    void namesABinaryFileAndItsKind() throws IOException {
        Path image = Files.write(tmp.resolve("photo.txt"), PNG_HEADER);

        Cli.Result r = cleanBadThenGood(image);

        assertThat(errorFor(r, image)).contains("binary").contains("PNG");
    }

    @Test
    void namesAFileThatIsAllPageChrome() throws IOException {
        Path chrome =
                Files.writeString(tmp.resolve("chrome.txt"), "Startseite\nPolitik\nWirtschaft\nKontakt\nImpressum\n");

        Cli.Result r = cleanBadThenGood(chrome);

        assertThat(errorFor(r, chrome)).contains("no article body found");
    }

    @Test
    void namesAFileInAnEncodingItCannotDecodeAndTheOffendingByte() throws IOException {
        // Not UTF-8 (0x81 cannot start a sequence), and 0x81 and 0x8D are undefined in Windows-1252.
        byte[] bytes = "Das Ministerium hat heute \u0081 eine Erkl\u008Drung zur Lage abgegeben.\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        Path garbled = Files.write(tmp.resolve("garbled.txt"), bytes);

        Cli.Result r = cleanBadThenGood(garbled);

        assertThat(errorFor(r, garbled)).contains("invalid encoding").contains("0x81");
    }

    @Test
    void namesAFileOverTheSizeLimitWithItsSizeAndTheLimit() throws IOException {
        Path big = Files.writeString(tmp.resolve("big.txt"), "Ein Satz über die Lage. ".repeat(100));
        Path small = Files.writeString(
                tmp.resolve("small.txt"),
                "MINSK, 2. Mai (BelTA) – Der Satz über die Lage ist kurz genug, um gelesen zu werden.\n");

        Cli.Result r = run("clean", big.toString(), small.toString(), "--max-bytes", "1000");

        assertOneErrorThenCount(r, big.toString(), 1, 2);
        assertThat(errorFor(r, big)).isEqualTo("too large: 2,500 bytes, over the limit of 1,000 bytes");
        assertThat(r.out()).contains("kurz genug");
    }

    @Test
    void rejectsAFiftyMegabyteFileWithoutANewlineQuicklyAndWithoutReadingIt() throws IOException {
        Path huge = tmp.resolve("huge.txt");
        byte[] block = new byte[1 << 20];
        Arrays.fill(block, (byte) 'a');
        try (OutputStream out = Files.newOutputStream(huge)) {
            for (int i = 0; i < 50; i++) {
                out.write(block);
            }
        }
        LargestSeen largest = new LargestSeen();

        Cli.Result r = assertTimeoutPreemptively(
                Duration.ofSeconds(20),
                () -> Cli.run(
                        new byte[0],
                        maxBytes -> largest.watch(Cli.standardCleaners().apply(maxBytes)),
                        "clean",
                        huge.toString(),
                        good().toString()));

        assertOneErrorThenCount(r, huge.toString(), 1, 2);
        assertThat(errorFor(r, huge)).isEqualTo("too large: 52,428,800 bytes, over the limit of 10,485,760 bytes");
        assertThat(largest.bytes.get())
                .as("the cleaner was never handed the huge file")
                .isLessThan(10_000);
    }

    @Test
    void reportsEveryBadFileInADirectoryAndCleansTheGoodOnes() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("batch"));
        Files.copy(SEEDS.resolve(FIRST_SEED + ".txt"), dir.resolve(FIRST_SEED + ".txt"));
        Files.copy(SEEDS.resolve(SECOND_SEED + ".txt"), dir.resolve(SECOND_SEED + ".txt"));
        Path empty = Files.write(dir.resolve("a-empty.txt"), new byte[0]);
        // an image under a name that does not say so is read, and found to be binary
        Path image = Files.write(dir.resolve("b-image.dat"), PNG_HEADER);
        Path sub = Files.createDirectories(dir.resolve("sub"));
        Path blank = Files.writeString(sub.resolve("blank.txt"), "\n\n   \n");
        Files.writeString(dir.resolve(".hidden.txt"), "");
        Path out = tmp.resolve("out");

        Cli.Result r = run("clean", dir.toString(), "--format", "jsonl", "--out", out.toString());

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.errLines())
                .containsExactly(
                        "dragoman: skipped 1 file that is not an article: .*",
                        "dragoman: " + empty + ": empty file",
                        "dragoman: " + image + ": binary file (PNG image), not text",
                        "dragoman: " + blank + ": empty file (white space only)",
                        "dragoman: 3 of 5 inputs failed");
        List<String> ids = new ArrayList<>();
        for (String line : Files.readAllLines(out.resolve("articles.jsonl"))) {
            ids.add(new ObjectMapper().readTree(line).get("id").asText());
        }
        assertThat(ids).containsExactly(FIRST_SEED, SECOND_SEED);
    }

    @Test
    void countsEveryFailureWhenNoInputCanBeCleaned() throws IOException {
        Path empty = Files.write(tmp.resolve("empty.txt"), new byte[0]);
        Path missing = tmp.resolve("missing.txt");

        Cli.Result r = run("clean", empty.toString(), missing.toString());

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.errLines())
                .containsExactly(
                        "dragoman: " + empty + ": empty file",
                        "dragoman: " + missing + ": no such file or directory",
                        "dragoman: 2 of 2 inputs failed");
    }

    @Test
    void namesAnEmptyStandardInput() {
        Cli.Result r = run(new byte[0], "clean", "-");

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.errLines()).containsExactly("dragoman: -: empty file", "dragoman: 1 of 1 inputs failed");
    }

    @Test
    void namesAnOutputPathThatIsAFileWithoutAStackTrace() throws IOException {
        Path notADir = Files.writeString(tmp.resolve("out.txt"), "x");

        Cli.Result r = run("clean", SEEDS.toString(), "--out", notADir.toString());

        assertThat(r.exitCode()).isEqualTo(ExitCodes.CANNOT_WRITE);
        assertThat(r.errLines())
                .containsExactly("dragoman: cannot write into " + notADir
                        + ": it exists and is not a directory; choose another --out");
        assertNoStackTrace(r);
    }

    @Test
    void printsTheStackTraceOfAnOutputThatCannotBeWrittenWithVerbose() throws IOException {
        Path notADir = Files.writeString(tmp.resolve("out.txt"), "x");

        Cli.Result r = run("clean", SEEDS.toString(), "--out", notADir.toString(), "--verbose");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.CANNOT_WRITE);
        assertThat(r.errLines().get(0)).startsWith("dragoman: cannot write into " + notADir);
        assertThat(r.err()).contains("UncheckedIOException").contains("\tat ");
    }

    /** Wraps a cleaner and remembers the largest document it was handed, to show what was read into memory. */
    private static final class LargestSeen {
        final AtomicInteger bytes = new AtomicInteger();

        Cleaner watch(Cleaner cleaner) {
            return new Cleaner() {
                @Override
                public CleanedArticle clean(RawArticle raw) {
                    bytes.accumulateAndGet(raw.content().length, Math::max);
                    return cleaner.clean(raw);
                }

                @Override
                public void observe(RawArticle raw) {
                    bytes.accumulateAndGet(raw.content().length, Math::max);
                    cleaner.observe(raw);
                }
            };
        }
    }
}
