package io.dragoman.core.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.dragoman.core.llm.FinishReason;
import io.dragoman.core.translate.ScriptedModel;
import io.dragoman.core.translate.Seeds;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * Model replies of any shape never break summary parsing: {@link JsonReply#extract} never throws and returns a part
 * of the reply, and {@link Summarizer} turns every reply into a summary or a {@link SummaryException} that names the
 * article and keeps the raw reply, within a generous time bound. Replies are arbitrary text, mutated valid replies,
 * deep nesting, huge numbers and lone surrogates.
 */
class SummaryReplyProperties {
    private static final Seeds.Seed SEED = Seeds.all().get(1);
    private static final String VALID = SummarizerTest.resource("/summary/002_2bc17d9c9461e4a0.reply.json");
    private static final Duration HANG_GUARD = Duration.ofSeconds(10);

    @Property(tries = 300)
    void extractNeverThrowsAndReturnsABracedPartOfTheReply(@ForAll("replies") String reply) {
        Optional<String> json = JsonReply.extract(reply);

        json.ifPresent(j -> {
            assertThat(j).startsWith("{").endsWith("}");
            assertThat(reply).contains(j);
        });
    }

    @Property(tries = 120)
    void anyReplyGivesASummaryOrASummaryExceptionThatKeepsTheReply(@ForAll("replies") String reply) {
        ScriptedModel model = new ScriptedModel().then(reply, FinishReason.STOP).then(reply, FinishReason.STOP);

        Object outcome = assertTimeoutPreemptively(HANG_GUARD, () -> {
            try {
                return SummarizerTest.summarizer(model).summarize(SEED.article(), Optional.of(SEED.translation()));
            } catch (SummaryException e) {
                return e;
            }
        });

        if (outcome instanceof SummaryException e) {
            assertThat(e.getMessage()).startsWith("Article " + SEED.article().id() + " has no summary: ");
            assertThat(e.getMessage()).as("one line").doesNotContain("\n");
            assertThat(e.rawReply().orElse("")).isEqualTo(reply);
            assertThat(model.requests).hasSize(2);
        } else {
            assertThat(outcome).isInstanceOf(Summary.class);
            assertThat(((Summary) outcome).fields().headline()).isNotNull();
        }
    }

    @Property(tries = 40)
    void aReplyCutOffAtAnyPointIsReaskedAndNeverThrowsAnythingElse(@ForAll @IntRange(min = 0, max = 5000) int cut) {
        String truncated = VALID.substring(0, Math.min(cut, VALID.length()));
        ScriptedModel model = new ScriptedModel()
                .thenTruncated(truncated)
                .then(truncated, FinishReason.STOP)
                .then(truncated, FinishReason.STOP);

        assertTimeoutPreemptively(HANG_GUARD, () -> {
            try {
                SummarizerTest.summarizer(model).summarize(SEED.article());
            } catch (SummaryException e) {
                assertThat(e.getMessage()).doesNotContain("\n");
            }
        });
    }

    @Test
    void theValidReplyStillParsesSoTheMutationsStartFromSomethingThatWorks() {
        Summary s = SummarizerTest.summarizer(new ScriptedModel().then(VALID, FinishReason.STOP))
                .summarize(SEED.article(), Optional.of(SEED.translation()));

        assertThat(s.fields().headline()).isNotBlank();
    }

    // generators

    @Provide
    Arbitrary<String> replies() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(400),
                mutatedValid(),
                mutatedValid().map(r -> "```json\n" + r + "\n```"),
                mutatedValid().map(r -> "Here is the summary:\n" + r + "\nHope this helps!"),
                deepNesting(),
                hugeNumbers(),
                surrogates(),
                Arbitraries.of("", " ", "{}", "{", "}", "}{", "```", "```json\n```", "null", "[]", "\"{\""));
    }

    /** The valid reply with random edits: characters flipped, deleted, duplicated, cut, or structure inserted. */
    private Arbitrary<String> mutatedValid() {
        return Arbitraries.longs().map(seed -> mutate(VALID, new Random(seed)));
    }

    static String mutate(String text, Random random) {
        StringBuilder b = new StringBuilder(text);
        int edits = 1 + random.nextInt(6);
        List<String> inserts = List.of(
                "{",
                "}",
                "[",
                "]",
                "\"",
                ",",
                ":",
                "null",
                "1e999999999",
                "-0",
                "\\u",
                "\\ud800",
                "\uD800",
                "\u0000",
                "\"headline\": 1",
                "[[[[[[[[",
                "}}}}",
                "```",
                "\n");
        for (int i = 0; i < edits && b.length() > 0; i++) {
            int at = random.nextInt(b.length());
            switch (random.nextInt(5)) {
                case 0 -> b.setCharAt(at, (char) random.nextInt(0x3000));
                case 1 -> b.delete(at, Math.min(b.length(), at + 1 + random.nextInt(40)));
                case 2 -> b.insert(at, inserts.get(random.nextInt(inserts.size())));
                case 3 -> b.setLength(at);
                default -> b.insert(at, b.substring(at, Math.min(b.length(), at + random.nextInt(200))));
            }
        }
        return b.toString();
    }

    private Arbitrary<String> deepNesting() {
        return Combinators.combine(
                        Arbitraries.integers().between(1, 5000),
                        Arbitraries.of("[", "{\"a\":", "{\"headline\":["),
                        Arbitraries.of(true, false))
                .as((depth, open, closed) -> {
                    String close = open.equals("[") ? "]" : open.equals("{\"a\":") ? "}" : "]}";
                    return "{\"keyPoints\": " + open.repeat(depth) + "1" + (closed ? close.repeat(depth) : "") + "}";
                });
    }

    private Arbitrary<String> hugeNumbers() {
        Arbitrary<String> number = Arbitraries.oneOf(
                Arbitraries.integers().between(1, 3000).map("9"::repeat),
                Arbitraries.of("1e999999999", "-1e-999999999", "1E+2147483648", "0.0000000000000000000001", "NaN"));
        return Combinators.combine(number, Arbitraries.of("headline", "people", "keyPoints", "extra"))
                .as((n, field) ->
                        "{\"" + field + "\": " + n + ", " + VALID.strip().substring(1));
    }

    private Arbitrary<String> surrogates() {
        return Arbitraries.of("\\ud800", "\\udc00", "\\ud83d\\u", "\uD800", "\uDC00x", "\\uZZZZ", "\\")
                .map(s -> VALID.replace("\"headline\": \"", "\"headline\": \"" + s));
    }
}
