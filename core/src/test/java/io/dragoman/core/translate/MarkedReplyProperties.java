package io.dragoman.core.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.dragoman.core.llm.FinishReason;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * Translation replies of any shape split without an exception: every marker the parser reports is one it saw, every
 * paragraph belongs to a marker, and {@link ChunkReply} answers for every unit of the chunk, also for replies with
 * missing, repeated, bold or garbled markers, and in bounded time for a huge reply.
 */
class MarkedReplyProperties {
    private static final Seeds.Seed SEED = Seeds.all().get(0);
    private static final Duration HANG_GUARD = Duration.ofSeconds(10);

    @Property(tries = 300)
    void anyReplySplitsIntoParagraphsUnderMarkersItSaw(@ForAll("replies") String reply) {
        MarkedReply parsed = MarkedReply.parse(reply);

        assertThat(parsed.markerOrder()).containsAll(parsed.paragraphs().keySet());
        assertThat(parsed.paragraphs().keySet())
                .containsExactlyInAnyOrderElementsOf(
                        parsed.markerOrder().stream().distinct().toList());
        parsed.paragraphs().values().forEach(p -> assertThat(p).isEqualTo(p.strip()));
        assertThat(parsed.text("no such marker")).isEmpty();
    }

    @Property(tries = 300)
    void aChunkReplyAnswersForEveryUnitOfTheChunk(@ForAll("replies") String reply) {
        Chunk chunk = SEED.chunk();
        ChunkReply answer = new ChunkReply(chunk, MarkedReply.parse(reply), FinishReason.STOP, List.of());

        for (int unit = 0; unit < chunk.units().size(); unit++) {
            assertThat(answer.english(unit)).isNotNull();
        }
        boolean complete = answer.complete();
        String english = answer.englishText();
        if (complete) {
            assertThat(english).isNotBlank();
        }
    }

    @Test
    void aHugeReplyOfMarkersAndLinesSplitsInBoundedTime() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; b.length() < 8_000_000; i++) {
            b.append("**[")
                    .append(i % 10_000)
                    .append("]**: ")
                    .append("word ".repeat(i % 50))
                    .append('\n');
            if (i % 7 == 0) {
                b.append('\n');
            }
        }
        String reply = b.toString();

        MarkedReply parsed = assertTimeoutPreemptively(HANG_GUARD, () -> MarkedReply.parse(reply));

        assertThat(parsed.paragraphs()).hasSize(10_000);
    }

    @Test
    void aReplyOfOneEightMegabyteLineSplitsInBoundedTime() {
        String reply = "[1] " + "Lorem ipsum [2] dolor ".repeat(400_000);

        MarkedReply parsed = assertTimeoutPreemptively(HANG_GUARD, () -> MarkedReply.parse(reply));

        assertThat(parsed.markerOrder()).containsExactly("1");
    }

    // generators

    @Provide
    Arbitrary<String> replies() {
        Arbitrary<String> line = Arbitraries.oneOf(
                Arbitraries.of(
                        "[T]",
                        "[D]",
                        "[1]",
                        "[2]",
                        "[3]",
                        "[9999]",
                        "[10000]",
                        "**[1]**",
                        "**[2]**:",
                        "[1]:",
                        "[",
                        "]",
                        "[[1]]",
                        "[-1]",
                        "[ 1 ]",
                        "",
                        " ",
                        "\t",
                        "```",
                        "Here is the translation:",
                        "\r",
                        "\u2028",
                        "\uD800",
                        "\u0000"),
                Arbitraries.strings().all().ofMaxLength(60));
        Arbitrary<String> soup = line.list().ofMaxSize(40).map(ls -> String.join("\n", ls));
        Arbitrary<String> mutated = Arbitraries.longs().map(seed -> mutate(SEED.reply(), new Random(seed)));
        return Arbitraries.oneOf(soup, mutated, Arbitraries.strings().all().ofMaxLength(500));
    }

    private static String mutate(String text, Random random) {
        StringBuilder b = new StringBuilder(text);
        List<String> inserts = List.of("[", "]", "\n", "\n\n", "[7]", "**", ":", "\r\n", "[T] ", "[D]\n");
        for (int i = 0, edits = 1 + random.nextInt(6); i < edits && b.length() > 0; i++) {
            int at = random.nextInt(b.length());
            switch (random.nextInt(4)) {
                case 0 -> b.setCharAt(at, (char) random.nextInt(0x800));
                case 1 -> b.delete(at, Math.min(b.length(), at + 1 + random.nextInt(60)));
                case 2 -> b.insert(at, inserts.get(random.nextInt(inserts.size())));
                default -> b.setLength(at);
            }
        }
        return b.toString();
    }
}
