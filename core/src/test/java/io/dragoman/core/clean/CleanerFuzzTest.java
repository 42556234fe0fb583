package io.dragoman.core.clean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.dragoman.core.article.ArticleId;
import io.dragoman.core.article.CleanedArticle;
import io.dragoman.core.article.RawArticle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Fuzzing the cleaners with mutated real pages: the seed articles and every input of the cleaning golden tests, with
 * random byte flips, cuts, tag soup, NUL bytes, byte-order marks, charset declarations and repeated chunks. Each
 * mutant is learned from and cleaned; the only failure allowed is a {@link CleaningException} with a one-line
 * message, and every mutant is done within a generous time bound. The loop stops after a number of mutants or a
 * time budget, whichever comes first; both grow when {@code dragoman.soak} is true.
 */
class CleanerFuzzTest {
    private static final boolean SOAK = Boolean.getBoolean("dragoman.soak");
    private static final int MUTANTS = SOAK ? 20_000 : 250;
    private static final Duration BUDGET = SOAK ? Duration.ofMinutes(8) : Duration.ofSeconds(12);
    private static final Duration HANG_GUARD = Duration.ofSeconds(15);
    private static final long SEED = Long.getLong("dragoman.fuzz.seed", 20_240_314L);

    private final DetectingCleaner learning = new DetectingCleaner(
            SharedCleaner.profiles(), SharedCleaner.languages(), DetectingCleaner.DEFAULT_MAX_BYTES);

    @Test
    void mutatedPagesAreCleanedOrFailWithACleaningExceptionInBoundedTime() {
        List<byte[]> seeds = seeds();
        Random random = new Random(SEED);
        long deadline = System.nanoTime() + BUDGET.toNanos();
        int done = 0;
        int cleaned = 0;
        for (; done < MUTANTS && System.nanoTime() < deadline; done++) {
            byte[] mutant = mutate(seeds.get(random.nextInt(seeds.size())), random);
            Optional<String> type = random.nextInt(4) == 0
                    ? Optional.of(random.nextBoolean() ? "text/html; charset=utf-8" : "text/plain; charset=bogus")
                    : Optional.empty();
            RawArticle raw = new RawArticle(new ArticleId("fuzz-" + done), "fuzz/" + done, mutant, type);
            String replay = "mutant " + done + " of seed " + SEED + " (rerun with -Ddragoman.fuzz.seed=" + SEED + ")";
            boolean ok = assertTimeoutPreemptively(
                    HANG_GUARD,
                    () -> {
                        learning.observe(raw);
                        try {
                            CleanedArticle article = learning.clean(raw);
                            assertThat(article.paragraphs()).as(replay).isNotEmpty();
                            return true;
                        } catch (CleaningException e) {
                            assertThat(e.getMessage()).as(replay).isNotBlank().doesNotContain("\n");
                            return false;
                        }
                    },
                    replay);
            cleaned += ok ? 1 : 0;
        }
        assertThat(done).as("mutants tried").isGreaterThanOrEqualTo(Math.min(MUTANTS, 20));
        assertThat(cleaned).as("some mutants are still articles").isPositive();
    }

    @Test
    void aTwentyMegabyteInputOverTheLimitIsRejectedBeforeItIsDecoded() {
        byte[] huge = new byte[20 << 20];
        Arrays.fill(huge, (byte) 'a');
        RawArticle raw = RawArticle.of(new ArticleId("huge"), "huge.txt", huge);

        long before = allocated();
        CleaningException e = catchThrowableOfType(
                CleaningException.class, () -> SharedCleaner.standard().clean(raw));
        long allocatedBytes = allocated() - before;

        assertThat(e.reason()).isEqualTo(CleaningException.Reason.TOO_LARGE);
        assertThat(allocatedBytes).as("bytes allocated to reject 20 MB").isLessThan(1_000_000);
    }

    @Test
    void aTwentyMegabyteLineUnderARaisedLimitIsRejectedWithAllocationProportionalToItsSize() {
        byte[] line = ("Die Brücke wird gebaut, ".repeat(900_000)).getBytes(StandardCharsets.UTF_8);
        assertThat(line.length).isGreaterThan(20_000_000);
        DetectingCleaner roomy = new DetectingCleaner(SharedCleaner.profiles(), SharedCleaner.languages(), 32 << 20);
        RawArticle raw = RawArticle.of(new ArticleId("line"), "line.txt", line);

        long before = allocated();
        CleaningException e = assertTimeoutPreemptively(
                HANG_GUARD, () -> catchThrowableOfType(CleaningException.class, () -> roomy.clean(raw)));
        long allocatedBytes = allocated() - before;

        assertThat(e.getMessage()).contains("with no line breaks");
        // decoding makes a char copy (2 bytes a character) plus a few line-sized strings; nothing per character more
        assertThat(allocatedBytes)
                .as("bytes allocated for a %,d byte line", line.length)
                .isLessThan(12L * line.length);
    }

    /** Bytes this thread has allocated so far (HotSpot's per-thread counter). */
    private static long allocated() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
                .getThreadAllocatedBytes(Thread.currentThread().getId());
    }

    private static List<byte[]> seeds() {
        List<byte[]> seeds = new ArrayList<>();
        seeds.add(HtmlCleanerProperties.PAGE.getBytes(StandardCharsets.UTF_8));
        try (Stream<Path> seedFiles = Files.list(Path.of("..", "seeds"));
                Stream<Path> golden = Files.list(Path.of("src", "test", "resources", "clean"))) {
            for (Path p : Stream.concat(seedFiles, golden)
                    .filter(p -> p.getFileName().toString().contains(".input.")
                            || p.toString().endsWith(".txt") && p.getParent().endsWith("seeds"))
                    .sorted()
                    .toList()) {
                seeds.add(Files.readAllBytes(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(seeds).hasSizeGreaterThan(20);
        return seeds;
    }

    /** One to eight random edits of a page. */
    static byte[] mutate(byte[] page, Random random) {
        byte[] b = page.clone();
        int length = b.length;
        for (int i = 0, edits = 1 + random.nextInt(8); i < edits && length > 0; i++) {
            int at = random.nextInt(length);
            switch (random.nextInt(8)) {
                case 0 -> {
                    for (int flips = 1 + random.nextInt(16); flips > 0; flips--) {
                        b[random.nextInt(length)] ^= (byte) (1 << random.nextInt(8));
                    }
                }
                case 1 -> length = at;
                case 2 -> {
                    byte[] soup = TagSoup.PIECES
                            .get(random.nextInt(TagSoup.PIECES.size()))
                            .getBytes(StandardCharsets.UTF_8);
                    b = insert(b, length, at, soup);
                    length += soup.length;
                }
                case 3 -> {
                    int chunk = Math.min(length - at, 1 + random.nextInt(2000));
                    byte[] copy = Arrays.copyOfRange(b, at, at + chunk);
                    int times = 1 + random.nextInt(20);
                    for (int t = 0; t < times; t++) {
                        b = insert(b, length, at, copy);
                        length += copy.length;
                    }
                }
                case 4 -> b[at] = 0;
                case 5 -> {
                    byte[] bom = random.nextBoolean()
                            ? new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}
                            : new byte[] {(byte) 0xFF, (byte) 0xFE};
                    b = insert(b, length, 0, bom);
                    length += bom.length;
                }
                case 6 -> {
                    for (int j = 0; j < length; j++) {
                        if (b[j] == '\n') {
                            b[j] = '\r';
                        }
                    }
                }
                default -> {
                    int cut = Math.min(length - at, random.nextInt(500));
                    System.arraycopy(b, at + cut, b, at, length - at - cut);
                    length -= cut;
                }
            }
        }
        return Arrays.copyOf(b, length);
    }

    private static byte[] insert(byte[] b, int length, int at, byte[] what) {
        byte[] out = new byte[length + what.length];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(what, 0, out, at, what.length);
        System.arraycopy(b, at, out, at + what.length, length - at);
        return out;
    }
}
