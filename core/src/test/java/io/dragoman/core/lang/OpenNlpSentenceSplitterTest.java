package io.dragoman.core.lang;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class OpenNlpSentenceSplitterTest {
    private static final String PARAGRAPH = "Die Teilnehmer der Sitzung bekräftigten erneut den vorrangigen Charakter"
            + " der gemeinsamen Arbeit. Am 26. November trafen sich die Minister in Minsk. Die Seiten unterstützten"
            + " Schritte, die darauf abzielen, universelle Regeln zu entwickeln.";

    private static final Pattern BLANK_LINE = Pattern.compile("\\n\\s*\\n");

    private static OpenNlpSentenceSplitter splitter;

    @BeforeAll
    static void loadModel() {
        splitter = OpenNlpSentenceSplitter.german();
    }

    @Test
    void splitsAGermanParagraphIntoItsSentences() {
        assertThat(splitter.split(PARAGRAPH))
                .containsExactly(
                        "Die Teilnehmer der Sitzung bekräftigten erneut den vorrangigen Charakter der gemeinsamen"
                                + " Arbeit.",
                        "Am 26. November trafen sich die Minister in Minsk.",
                        "Die Seiten unterstützten Schritte, die darauf abzielen, universelle Regeln zu entwickeln.");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(
            strings = {
                "MINSK, 26. November (BelTA) – Belarus und Russland haben die Koordinierung vereinbart.",
                "Am 1. Januar 2021 trat das Abkommen in Kraft.",
                "Lawrow kam zum 32. Jahrestag der diplomatischen Beziehungen.",
                "Die Sitzung fand am 3. Okt. 2023 statt."
            })
    void keepsOrdinalNumbersInsideTheSentence(String sentence) {
        assertThat(splitter.split(sentence + " Danach folgte die Pressekonferenz."))
                .containsExactly(sentence, "Danach folgte die Pressekonferenz.");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(
            strings = {
                "Es gibt viele Beispiele, z. B. Äpfel und Birnen.",
                "Dr. Müller kam um 10 Uhr.",
                "Prof. Dr. Schmidt sprach mit Hrn. Meier.",
                "Das kostet ca. 5 Mio. Euro.",
                "Vgl. S. 12 und Art. 3 Abs. 2 GG.",
                "Das Treffen mit Wladimir W. Putin dauerte lange.",
                "Es gab Obst, Gemüse usw. auf dem Markt."
            })
    void keepsAbbreviationsInsideTheSentence(String sentence) {
        assertThat(splitter.split(sentence + " Danach folgte die Pressekonferenz."))
                .containsExactly(sentence, "Danach folgte die Pressekonferenz.");
    }

    @Test
    void endsASentenceAtANumberFollowedByANewSentence() {
        assertThat(splitter.split("Die Zahl der Teilnehmer stieg auf 12. Die Polizei war vor Ort."))
                .containsExactly("Die Zahl der Teilnehmer stieg auf 12.", "Die Polizei war vor Ort.");
        assertThat(splitter.split("Das Programm gilt bis 2026. Danach wird es erneuert."))
                .containsExactly("Das Programm gilt bis 2026.", "Danach wird es erneuert.");
    }

    @Test
    void splitsAfterQuestionAndExclamationMarksAndClosingQuotes() {
        assertThat(splitter.split("Er sagte: „Wir kommen!“ Dann ging er. Kommt sie auch? Niemand weiß es."))
                .containsExactly("Er sagte: „Wir kommen!“", "Dann ging er.", "Kommt sie auch?", "Niemand weiß es.");
    }

    @Test
    void keepsDecimalNumbersWhole() {
        assertThat(splitter.split("Der Handel wuchs um 1.234,5 Millionen Euro. Das ist ein Rekord."))
                .containsExactly("Der Handel wuchs um 1.234,5 Millionen Euro.", "Das ist ein Rekord.");
    }

    @Test
    void givesTextWithoutSentenceEndAsOneSentence() {
        assertThat(splitter.split("  Alejnik und Lawrow führen Gespräche in Minsk  "))
                .containsExactly("Alejnik und Lawrow führen Gespräche in Minsk");
    }

    @Test
    void keepsTextAfterTheLastSentenceEnd() {
        assertThat(splitter.split("Der Text beginnt hier. Und endet ohne Punkt"))
                .containsExactly("Der Text beginnt hier.", "Und endet ohne Punkt");
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(strings = {"", " ", "\n\t "})
    void givesNoSentencesForBlankText(String text) {
        assertThat(splitter.split(text)).isEmpty();
    }

    @Test
    void givesNoSentencesForNull() {
        assertThat(splitter.split(null)).isEmpty();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("seedParagraphs")
    void losesNoTextOfASeedParagraph(String paragraph) {
        List<String> sentences = splitter.split(paragraph);

        assertThat(sentences).isNotEmpty().allSatisfy(sentence -> assertThat(sentence)
                .isEqualTo(sentence.strip())
                .isNotEmpty());
        assertThat(withoutWhitespace(String.join(" ", sentences))).isEqualTo(withoutWhitespace(paragraph));
    }

    @Test
    void givesTheSameSentencesWhenUsedByManyThreadsAtOnce() throws Exception {
        List<String> paragraphs = seedParagraphs().toList();
        List<List<String>> expected = paragraphs.stream().map(splitter::split).toList();

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<List<String>>>> results = new ArrayList<>();
            for (int thread = 0; thread < 4; thread++) {
                results.add(pool.submit(() -> {
                    List<List<String>> all = new ArrayList<>();
                    for (int round = 0; round < 20; round++) {
                        all.clear();
                        paragraphs.forEach(paragraph -> all.add(splitter.split(paragraph)));
                    }
                    return all;
                }));
            }
            for (Future<List<List<String>>> result : results) {
                assertThat(result.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    static Stream<String> seedParagraphs() throws IOException {
        List<String> paragraphs = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("..", "seeds"))) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                BLANK_LINE
                        .splitAsStream(Files.readString(file, StandardCharsets.UTF_8))
                        .filter(paragraph -> !paragraph.isBlank())
                        .forEach(paragraphs::add);
            }
        }
        assertThat(paragraphs).hasSizeGreaterThan(10);
        return paragraphs.stream();
    }

    private static String withoutWhitespace(String text) {
        return text.replaceAll("\\s+", "");
    }
}
