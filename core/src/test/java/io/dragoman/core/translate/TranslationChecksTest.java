package io.dragoman.core.translate;

import static org.assertj.core.api.Assertions.assertThat;

import io.dragoman.core.llm.FinishReason;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TranslationChecksTest {

    private static final List<TranslationCheck> CHECKS = TranslationChecks.standard(Seeds.languages());

    private static final Seeds.Seed SEED_000 = Seeds.all().get(0);
    private static final Seeds.Seed SEED_002 = Seeds.all().get(1);

    static List<Seeds.Seed> seeds() {
        return Seeds.all();
    }

    private static ChunkReply reply(Seeds.Seed seed, String text) {
        return reply(seed, text, FinishReason.STOP);
    }

    private static ChunkReply reply(Seeds.Seed seed, String text, FinishReason finish) {
        Chunk chunk = seed.chunk();
        return new ChunkReply(
                chunk,
                MarkedReply.parse(text),
                finish,
                Glossary.builtIn("BelTA").occurringIn(chunk.sourceText()));
    }

    private static Optional<String> run(String check, ChunkReply reply) {
        return CHECKS.stream()
                .filter(c -> c.name().equals(check))
                .findFirst()
                .orElseThrow()
                .check(reply)
                .map(Finding::message);
    }

    private static Optional<TranslationCheck.Severity> severity(String check, ChunkReply reply) {
        return CHECKS.stream()
                .filter(c -> c.name().equals(check))
                .findFirst()
                .orElseThrow()
                .check(reply)
                .map(Finding::severity);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void noCheckFiresOnTheReferenceTranslationOfASeed(Seeds.Seed seed) {
        ChunkReply correct = reply(seed, seed.reply());

        for (TranslationCheck check : CHECKS) {
            assertThat(check.check(correct)).as(check.name()).isEmpty();
        }
    }

    @Test
    void runsEveryNamedCheckInOrder() {
        assertThat(CHECKS)
                .extracting(TranslationCheck::name)
                .containsExactly(
                        "truncated",
                        "paragraph-count",
                        "preamble",
                        "length-ratio",
                        "sentences",
                        "numbers",
                        "glossary",
                        "quotes",
                        "language",
                        "untranslated");
    }

    @Test
    void truncatedFiresWhenTheModelHitItsOutputLimit() {
        assertThat(run("truncated", reply(SEED_000, SEED_000.reply(), FinishReason.LENGTH)))
                .hasValueSatisfying(m -> assertThat(m).contains("output limit"));
    }

    @Test
    void truncatedFiresWhenTheLastParagraphStopsMidSentence() {
        String cut = SEED_000.reply().substring(0, SEED_000.reply().lastIndexOf(" for "));

        assertThat(run("truncated", reply(SEED_000, cut)))
                .hasValueSatisfying(m -> assertThat(m).contains("[9] stops mid-sentence"));
    }

    @Test
    void truncatedFiresWhenTheReplyEndsEarlyInTheMiddleOfAParagraph() {
        String reply = SEED_000.reply();
        String cut = reply.substring(0, reply.indexOf("[6]") + 60);

        assertThat(run("truncated", reply(SEED_000, cut)))
                .hasValueSatisfying(m -> assertThat(m).contains("[6]").contains("reply ends there"));
    }

    @Test
    void paragraphCountFiresOnADroppedParagraph() {
        String reply = SEED_002.reply();
        String dropped = reply.substring(0, reply.indexOf("[5]"))
                + reply.substring(reply.indexOf("[6]")).replace("[6]", "[5]").replace("[7]", "[6]");

        assertThat(run("paragraph-count", reply(SEED_002, dropped)))
                .hasValueSatisfying(
                        m -> assertThat(m).contains("9 marked paragraphs").contains("missing [7]"));
    }

    @Test
    void paragraphCountFiresOnMergedRepeatedOrExtraParagraphs() {
        String reply = SEED_002.reply();
        String merged = reply.replace("\n\n[4] ", " ");
        String extra = reply + "\n\n[8] An invented paragraph.";
        String repeated = reply.replace("[3] ", "[2] ");

        assertThat(run("paragraph-count", reply(SEED_002, merged)))
                .hasValueSatisfying(m -> assertThat(m).contains("missing [4]"));
        assertThat(run("paragraph-count", reply(SEED_002, extra)))
                .hasValueSatisfying(m -> assertThat(m).contains("unexpected [8]"));
        assertThat(run("paragraph-count", reply(SEED_002, repeated)))
                .hasValueSatisfying(m -> assertThat(m).contains("missing [3]").contains("repeated [2]"));
    }

    @Test
    void preambleFiresOnTextOutsideTheMarkersOrANoteOfTheModel() {
        assertThat(run("preamble", reply(SEED_000, "Here is the translation:\n\n" + SEED_000.reply())))
                .hasValueSatisfying(m -> assertThat(m).contains("Here is the translation:"));
        assertThat(run("preamble", reply(SEED_000, "```\n" + SEED_000.reply() + "\n```")))
                .isPresent();
        assertThat(run("preamble", reply(SEED_000, SEED_000.reply() + " (Note: names follow English usage.)")))
                .hasValueSatisfying(m -> assertThat(m).contains("[9] ends with a note"));
        assertThat(run("preamble", reply(SEED_000, SEED_000.reply().replace("[1] ", "[1] Here is the translation: "))))
                .hasValueSatisfying(m -> assertThat(m).contains("[1] opens with a comment"));
    }

    @Test
    void lengthRatioFiresWhenAParagraphLosesMostOfItsText() {
        String first = SEED_000.paragraphs().get(0);
        String shortened = SEED_000.reply().replace(first, first.substring(0, first.indexOf('.') + 1));

        assertThat(run("length-ratio", reply(SEED_000, shortened)))
                .hasValueSatisfying(m -> assertThat(m).contains("[1] is only").contains("left out"));
    }

    @Test
    void lengthRatioFiresWhenAShortParagraphIsAnsweredWithAWord() {
        String title = SEED_000.title();
        String obeyed = SEED_000.reply().replace("[T] " + title, "[T] X");

        assertThat(SEED_000.article().title().length()).isBetween(40, 119);
        assertThat(run("length-ratio", reply(SEED_000, obeyed)))
                .hasValueSatisfying(m -> assertThat(m).contains("[T] is only").contains("left out"));
    }

    @Test
    void lengthRatioFiresWhenAParagraphGainsInventedText() {
        String third = SEED_002.paragraphs().get(2);
        String padded = SEED_002.reply().replace(third, third + " " + third);

        assertThat(run("length-ratio", reply(SEED_002, padded)))
                .hasValueSatisfying(m -> assertThat(m).contains("[3] is").contains("added"));
    }

    @Test
    void numbersFiresWhenAYearOrDayIsMissing() {
        String noYear = SEED_000.reply().replace("for 2021", "for next year");

        assertThat(run("numbers", reply(SEED_000, noYear)))
                .hasValueSatisfying(m -> assertThat(m).contains("[2] lacks 2021"));
        assertThat(run("numbers", reply(SEED_002, SEED_002.reply().replace("32nd", "thirty-second"))))
                .hasValueSatisfying(m -> assertThat(m).contains("[2] lacks 32"));
    }

    @Test
    void numbersAcceptsEnglishNotationOfGermanAmounts() {
        Chunk chunk = new Chunk(
                0,
                List.of(Unit.body(
                        0,
                        0,
                        "Der Umsatz stieg um 1.234,5 Tonnen auf 1,5 Mio. Euro, am 26. November, um 3,5 % und 12.000"
                                + " Besucher kamen.")));
        ChunkReply english = new ChunkReply(
                chunk,
                MarkedReply.parse("[1] Sales rose by 1,234.5 tonnes to 1.5 million euros on 26 November, by 3.5%,"
                        + " and 12,000 visitors came."),
                FinishReason.STOP,
                List.of());
        ChunkReply scaled = new ChunkReply(
                chunk,
                MarkedReply.parse("[1] Sales rose by 1,234.5 tonnes to EUR 1,500,000 on 26 November, by 3.5 percent,"
                        + " and twelve thousand... no: 12,000 visitors came."),
                FinishReason.STOP,
                List.of());
        ChunkReply wrong = new ChunkReply(
                chunk,
                MarkedReply.parse("[1] Sales rose by 1.234 tonnes to 1.5 million euros on 26 November, by 3.5%, and"
                        + " 12,000 visitors came."),
                FinishReason.STOP,
                List.of());

        assertThat(run("numbers", english)).isEmpty();
        assertThat(run("numbers", scaled)).isEmpty();
        assertThat(run("numbers", wrong)).hasValueSatisfying(m -> assertThat(m).contains("lacks 1.234,5"));
    }

    @Test
    void glossaryFiresWhenARequiredRenderingIsNotUsed() {
        String german = SEED_002.reply().replace("Lavrov", "Lawrow").replace("SCO", "SOZ");

        assertThat(run("glossary", reply(SEED_002, german)))
                .hasValueSatisfying(
                        m -> assertThat(m).contains("Lawrow → Lavrov").contains("SOZ → SCO"));
    }

    @Test
    void languageAndUntranslatedFireWhenTheSourceIsEchoed() {
        StringBuilder echo = new StringBuilder("[T] " + SEED_000.article().title() + "\n\n[D] "
                + SEED_000.article().metadata().dateline().text().strip());
        for (int i = 0; i < SEED_000.article().paragraphs().size(); i++) {
            echo.append("\n\n[")
                    .append(i + 1)
                    .append("] ")
                    .append(SEED_000.article().paragraphs().get(i));
        }
        ChunkReply echoed = reply(SEED_000, echo.toString());

        assertThat(run("language", echoed))
                .hasValueSatisfying(m -> assertThat(m).contains("'de'"));
        assertThat(run("untranslated", echoed))
                .hasValueSatisfying(m -> assertThat(m).contains("[1] all 4 sentences"));
    }

    @Test
    void untranslatedFiresOnASingleParagraphLeftInGerman() {
        String german = SEED_002.article().paragraphs().get(3);
        String partly = SEED_002.reply().replace(SEED_002.paragraphs().get(3), german);

        assertThat(run("untranslated", reply(SEED_002, partly)))
                .hasValueSatisfying(m -> assertThat(m).contains("[4]").doesNotContain("[1]"));
        assertThat(run("language", reply(SEED_002, partly))).isEmpty();
    }
}
