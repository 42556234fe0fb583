package io.dragoman.core.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Any JSONL file is read line by line without an exception: every non-blank line gives exactly one input, in order,
 * either an article with a unique safe id or a one-line reason at {@code <file>:<line>}; reading is bounded in time
 * and, for a line over the size limit, in memory.
 */
class JsonlLineProperties {
    private static final long LIMIT = 64 * 1024;
    private static final Duration HANG_GUARD = Duration.ofSeconds(10);
    private static final String RECORD =
            "{\"id\": \"belta/2024/03/14\", \"url\": \"https://de.belta.by/x\", \"feed\": [1, {\"a\": null}],"
                    + " \"text\": \"Neue Brücke\\n\\nMINSK, 14. März (BelTA) – Die Brücke soll im Oktober öffnen.\"}";

    @TempDir
    Path tmp;

    @Property(tries = 200)
    void everyNonBlankLineGivesOneInputAtItsLineNumber(@ForAll("files") List<byte[]> lines) throws IOException {
        Path file = Files.createTempFile("dragoman-fuzz", ".jsonl");
        try {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            for (byte[] line : lines) {
                all.write(line);
                all.write('\n');
            }
            Files.write(file, all.toByteArray());

            List<Input> inputs = assertTimeoutPreemptively(HANG_GUARD, () -> read(file));

            List<Integer> expected = nonBlankLineNumbers(lines);
            assertThat(inputs).hasSize(expected.size());
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < inputs.size(); i++) {
                Input input = inputs.get(i);
                assertThat(input.location()).isEqualTo(file + ":" + expected.get(i));
                if (input instanceof Input.Unreadable u) {
                    assertThat(u.reason()).isNotBlank().doesNotContain("\n");
                } else {
                    assertThat(ids.add(((Input.Read) input).article().id().value()))
                            .as("ids are unique")
                            .isTrue();
                }
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void aTwentyMegabyteLineIsRejectedWithoutHoldingIt() throws IOException {
        Path file = tmp.resolve("huge.jsonl");
        byte[] block = new byte[1 << 20];
        java.util.Arrays.fill(block, (byte) 'a');
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write("{\"text\": \"".getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < 20; i++) {
                out.write(block);
            }
            out.write("\"}\n".getBytes(StandardCharsets.UTF_8));
            out.write(RECORD.getBytes(StandardCharsets.UTF_8));
            out.write('\n');
        }
        InputReader reader = new InputReader(LIMIT, () -> new ByteArrayInputStream(new byte[0]));

        long before = allocated();
        List<Input> inputs = assertTimeoutPreemptively(HANG_GUARD, () -> {
            try (Stream<Input> s = reader.read(List.of(file.toString()))) {
                return s.toList();
            }
        });
        long allocatedBytes = allocated() - before;

        assertThat(inputs).hasSize(2);
        assertThat(((Input.Unreadable) inputs.get(0)).reason())
                .isEqualTo("too large: 20,971,532 bytes, over the limit of 65,536 bytes");
        assertThat(inputs.get(1)).isInstanceOf(Input.Read.class);
        assertThat(allocatedBytes)
                .as("bytes allocated reading a 20 MB line with a 64 KB limit")
                .isLessThan(4_000_000);
    }

    @Test
    void aTwentyMegabyteFileOverTheLimitIsRejectedWithoutReadingIt() throws IOException {
        Path file = tmp.resolve("huge.txt");
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(new byte[20 << 20]);
        }
        InputReader reader = new InputReader(LIMIT, () -> new ByteArrayInputStream(new byte[0]));

        long before = allocated();
        List<Input> inputs;
        try (Stream<Input> s = reader.read(List.of(file.toString()))) {
            inputs = s.toList();
        }
        long allocatedBytes = allocated() - before;

        assertThat(inputs)
                .containsExactly(new Input.Unreadable(
                        file.toString(), "too large: 20,971,520 bytes, over the limit of 65,536 bytes"));
        assertThat(allocatedBytes).isLessThan(1_000_000);
    }

    /** Bytes this thread has allocated so far (HotSpot's per-thread counter). */
    static long allocated() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
                .getThreadAllocatedBytes(Thread.currentThread().getId());
    }

    private static List<Input> read(Path file) {
        InputReader reader = new InputReader(LIMIT, () -> new ByteArrayInputStream(new byte[0]));
        try (Stream<Input> s = reader.read(List.of(file.toString()))) {
            return s.toList();
        }
    }

    /** The 1-based numbers of the lines a reader does not skip as blank (spaces, tabs, CR; a BOM on line 1). */
    private static List<Integer> nonBlankLineNumbers(List<byte[]> lines) {
        // a line holding '\n' is several lines in the file
        byte[] joined;
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] line : lines) {
            all.writeBytes(line);
            all.write('\n');
        }
        joined = all.toByteArray();
        List<Integer> numbers = new java.util.ArrayList<>();
        int number = 0;
        int start = 0;
        for (int i = 0; i < joined.length; i++) {
            if (joined[i] == '\n') {
                number++;
                int from = start;
                if (number == 1
                        && i - start >= 3
                        && (joined[start] & 0xff) == 0xEF
                        && (joined[start + 1] & 0xff) == 0xBB
                        && (joined[start + 2] & 0xff) == 0xBF) {
                    from += 3;
                }
                boolean blank = true;
                for (int j = from; j < i; j++) {
                    if (joined[j] != ' ' && joined[j] != '\t' && joined[j] != '\r') {
                        blank = false;
                        break;
                    }
                }
                if (!blank) {
                    numbers.add(number);
                }
                start = i + 1;
            }
        }
        return numbers;
    }

    // generators

    @Provide
    Arbitrary<List<byte[]>> files() {
        Arbitrary<byte[]> line = Arbitraries.oneOf(
                Arbitraries.longs().map(seed -> mutate(RECORD, new Random(seed))),
                Arbitraries.just(RECORD.getBytes(StandardCharsets.UTF_8)),
                Arbitraries.strings().all().ofMaxLength(100).map(s -> s.getBytes(StandardCharsets.UTF_8)),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(100),
                Arbitraries.of(
                                "",
                                " ",
                                "\t\r",
                                "\uFEFF",
                                "null",
                                "[]",
                                "{}",
                                "{\"text\": null}",
                                "{\"text\": 1e999999}",
                                "{\"id\": 1e400, \"text\": \"x\"}",
                                "{\"id\": -0.0, \"text\": \"x\"}",
                                "{\"id\": \"\", \"text\": \"x\"}",
                                "{\"id\": \"..\", \"text\": \"x\"}",
                                "{\"id\": \"a/b\\u0000c\", \"text\": \"x\"}",
                                "{\"id\": \"" + "x".repeat(400) + "\", \"text\": \"x\"}",
                                "{\"text\": \"\\ud800\"}",
                                "{\"text\": \"x\"} trailing",
                                "{\"html\": \"<p>x\", \"text\": \"y\"}",
                                "{\"text\": \"" + "[".repeat(2000) + "\"}",
                                "[".repeat(3000),
                                "{\"a\":".repeat(1200) + "1" + "}".repeat(1200),
                                "9".repeat(5000))
                        .map(s -> s.getBytes(StandardCharsets.UTF_8)));
        return line.list().ofMaxSize(12);
    }

    private static byte[] mutate(String text, Random random) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        int length = b.length;
        for (int i = 0, edits = 1 + random.nextInt(5); i < edits; i++) {
            int at = random.nextInt(length);
            switch (random.nextInt(3)) {
                case 0 -> b[at] = (byte) random.nextInt(256);
                case 1 -> b[at] = (byte) "{}[]\":,\\ 0".charAt(random.nextInt(10));
                default -> length = at + 1;
            }
        }
        return java.util.Arrays.copyOf(b, length);
    }
}
