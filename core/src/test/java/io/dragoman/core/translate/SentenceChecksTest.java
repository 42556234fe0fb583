package io.dragoman.core.translate;

import static org.assertj.core.api.Assertions.assertThat;

import io.dragoman.core.lang.OpenNlpSentenceSplitter;
import io.dragoman.core.lang.SentenceSplitter;
import io.dragoman.core.llm.FinishReason;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The sentence-level checks on the seeds' reference translations with one fault put in: a sentence left in German at
 * the end of each paragraph, a sentence half in German, a dropped sentence, an invented one, a lost quotation. Each is
 * found, named by paragraph, and doubtful (not unusable): the translation is kept for a person to review.
 */
class SentenceChecksTest {

    private static final List<TranslationCheck> CHECKS = TranslationChecks.standard(Seeds.languages());
    private static final SentenceSplitter GERMAN = OpenNlpSentenceSplitter.german();
    private static final SentenceSplitter ENGLISH = OpenNlpSentenceSplitter.english();
    private static final Seeds.Seed FIRST = Seeds.all().get(0);
    private static final Seeds.Seed SECOND = Seeds.all().get(1);

    /** The seed's reply with paragraph {@code n} (from 1) changed. */
    private static ChunkReply withParagraph(Seeds.Seed seed, int n, UnaryOperator<String> change) {
        List<String> paragraphs = new ArrayList<>(seed.paragraphs());
        paragraphs.set(n - 1, change.apply(paragraphs.get(n - 1)));
        return reply(seed, paragraphs);
    }

    private static ChunkReply reply(Seeds.Seed seed, List<String> paragraphs) {
        StringBuilder b = new StringBuilder("[T] " + seed.title() + "\n\n[D] " + seed.dateline());
        for (int i = 0; i < paragraphs.size(); i++) {
            b.append("\n\n[").append(i + 1).append("] ").append(paragraphs.get(i));
        }
        Chunk chunk = seed.chunk();
        return new ChunkReply(
                chunk,
                MarkedReply.parse(b.toString()),
                FinishReason.STOP,
                Glossary.builtIn("BelTA").occurringIn(chunk.sourceText()));
    }

    private static Optional<Finding> run(String check, ChunkReply reply) {
        return CHECKS.stream()
                .filter(c -> c.name().equals(check))
                .findFirst()
                .orElseThrow()
                .check(reply);
    }

    private static void assertDoubtfulAt(Optional<Finding> finding, int unit) {
        assertThat(finding).hasValueSatisfying(f -> {
            assertThat(f.severity()).isEqualTo(TranslationCheck.Severity.DOUBTFUL);
            assertThat(f.units()).contains(unit);
        });
    }

    @Test
    void aLastSentenceLeftInGermanInEveryParagraphIsDoubtfulUntranslated() {
        List<String> paragraphs = new ArrayList<>();
        for (int i = 0; i < FIRST.paragraphs().size(); i++) {
            List<String> english = ENGLISH.split(FIRST.paragraphs().get(i));
            List<String> german = GERMAN.split(FIRST.article().paragraphs().get(i));
            if (english.size() > 1 && german.size() > 1) {
                english = new ArrayList<>(english);
                english.set(english.size() - 1, german.get(german.size() - 1));
            }
            paragraphs.add(String.join(" ", english));
        }

        Optional<Finding> finding = run("untranslated", reply(FIRST, paragraphs));

        assertThat(finding).hasValueSatisfying(f -> {
            assertThat(f.severity()).isEqualTo(TranslationCheck.Severity.DOUBTFUL);
            assertThat(f.message()).contains("[1] sentence 3 of 3");
        });
    }

    @Test
    void aSentenceHalfInGermanIsDoubtfulUntranslated() {
        // the last sentence of paragraph 1: "This was reported to the BelTA news agency by the press service …"
        ChunkReply reply = withParagraph(
                FIRST,
                1,
                p -> p.substring(0, p.indexOf("This was reported"))
                        + "Das gab the press service of the Ministry of Foreign Affairs of Belarus der Nachrichtenagentur"
                        + " BelTA bekannt.");

        assertDoubtfulAt(run("untranslated", reply), 2);
    }

    @Test
    void aSentenceDroppedFromTheMiddleOfAParagraphIsFoundByTheSentenceAlignment() {
        ChunkReply reply = withParagraph(SECOND, 5, p -> {
            List<String> sentences = new ArrayList<>(ENGLISH.split(p));
            sentences.remove(1);
            return String.join(" ", sentences);
        });

        assertDoubtfulAt(run("sentences", reply), 6);
    }

    @Test
    void anInventedSentenceIsFoundByTheSentenceAlignment() {
        // as long as a sentence of these articles; one under about 40 % of the sentence it joins passes
        ChunkReply reply = withParagraph(
                FIRST,
                3,
                p -> p
                        + " Observers from several international organisations, who had travelled to Minsk for the occasion,"
                        + " welcomed the outcome of the meeting and called on both sides to continue the talks next year.");

        assertDoubtfulAt(run("sentences", reply), 4);
    }

    @Test
    void aQuotationTurnedIntoReportedSpeechIsALostQuote() {
        ChunkReply reply = withParagraph(FIRST, 2, p -> p.replace("“", "").replace("”", ""));

        assertDoubtfulAt(run("quotes", reply), 3);
    }

    @Test
    void aSentenceSplitInTwoOrTwoMergedIntoOneIsNoFinding() {
        ChunkReply split = withParagraph(
                FIRST,
                1,
                p -> p.replace("in Minsk at the joint meeting", "in Minsk. It happened at the joint meeting"));
        ChunkReply merged = withParagraph(SECOND, 4, p -> p.replace(". This is due to", ", which is due to"));

        for (ChunkReply reply : List.of(split, merged)) {
            assertThat(run("sentences", reply)).isEmpty();
            assertThat(run("untranslated", reply)).isEmpty();
        }
    }

    /** The seed's reply text with paragraph {@code n} (from 1) changed. */
    private static String replyText(Seeds.Seed seed, int n, UnaryOperator<String> change) {
        List<String> paragraphs = new ArrayList<>(seed.paragraphs());
        paragraphs.set(n - 1, change.apply(paragraphs.get(n - 1)));
        StringBuilder b = new StringBuilder("[T] " + seed.title() + "\n\n[D] " + seed.dateline());
        for (int i = 0; i < paragraphs.size(); i++) {
            b.append("\n\n[").append(i + 1).append("] ").append(paragraphs.get(i));
        }
        return b.toString();
    }

    static Stream<Arguments> faults() {
        return Stream.of(
                Arguments.of(
                        "a sentence half in German",
                        "untranslated",
                        replyText(
                                FIRST,
                                1,
                                p -> p.substring(0, p.indexOf("This was reported"))
                                        + "Das gab the press service of the Ministry of Foreign Affairs of Belarus der"
                                        + " Nachrichtenagentur BelTA bekannt.")),
                Arguments.of("a sentence dropped", "sentences", replyText(SECOND, 5, p -> {
                    List<String> sentences = new ArrayList<>(ENGLISH.split(p));
                    sentences.remove(1);
                    return String.join(" ", sentences);
                })),
                Arguments.of(
                        "a sentence invented",
                        "sentences",
                        replyText(
                                FIRST,
                                3,
                                p -> p
                                        + " Observers from several international organisations, who had travelled to Minsk"
                                        + " for the occasion, welcomed the outcome of the meeting and called on both sides"
                                        + " to continue the talks next year.")),
                Arguments.of("a quotation lost", "quotes", replyText(FIRST, 2, p -> p.replace("“", "")
                        .replace("”", ""))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faults")
    void aFaultTheRepairKeepsLeavesTheArticleForReviewAndARetryAgainstAHealthyModelEndsIt(
            String fault, String check, String faulty) {
        Seeds.Seed seed = faulty.contains(SECOND.title()) ? SECOND : FIRST;
        Translator translator = Translator.standard(
                new ScriptedModel().then(faulty, 1, 1).then(faulty, 1, 1),
                io.dragoman.core.prompt.PromptLibrary.builtIn(),
                Glossary.EMPTY,
                io.dragoman.core.llm.PriceTable.builtIn(),
                Translator.Settings.DEFAULT,
                Seeds.languages());

        Translation doubtful = translator.translate(seed.article());

        assertThat(doubtful.needsReview()).as(fault).isTrue();
        assertThat(doubtful.forReview()).extracting(CheckResult::check).contains(check);

        ScriptedModel healthy = new ScriptedModel().then(seed.reply(), 1, 1);
        Translation retried = Translator.standard(
                        healthy,
                        io.dragoman.core.prompt.PromptLibrary.builtIn(),
                        Glossary.EMPTY,
                        io.dragoman.core.llm.PriceTable.builtIn(),
                        Translator.Settings.DEFAULT,
                        Seeds.languages())
                .repair(seed.article(), doubtful, io.dragoman.core.llm.CallSession.detached());

        assertThat(retried.needsReview()).isFalse();
        assertThat(retried.paragraphs()).isEqualTo(seed.paragraphs());
        assertThat(healthy.requests)
                .as("one repair request, with the finding")
                .singleElement()
                .satisfies(r ->
                        assertThat(r.user()).contains("Your English translation of this source had these problems"));
    }
}
