package io.dragoman.core.lang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class JTokkitTokenCounterTest {
    private static final String GERMAN_PARAGRAPH = "Die Teilnehmer der Sitzung erörterten ausführlich die aktuellen"
            + " Fragen der belarussisch-russischen Zusammenarbeit in verschiedenen Bereichen, Perspektiven der"
            + " Entwicklung der bilateralen Zusammenarbeit im Rahmen der Integrationsvereinigungen und den Ausbau der"
            + " gegenseitigen Unterstützung auf internationalen Plattformen und tauschten Einschätzungen über den"
            + " Stand der globalen und regionalen Sicherheit aus.";

    private static JTokkitTokenCounter o200k;
    private static JTokkitTokenCounter cl100k;

    @BeforeAll
    static void loadEncodings() {
        o200k = JTokkitTokenCounter.o200k();
        cl100k = JTokkitTokenCounter.cl100k();
    }

    @Test
    void countsAShortEnglishPhraseExactly() {
        assertThat(o200k.count("Hello world")).isEqualTo(2);
        assertThat(cl100k.count("Hello world")).isEqualTo(2);
    }

    @Test
    void countsAGermanParagraphAtAFewCharactersPerToken() {
        int characters = GERMAN_PARAGRAPH.length();

        assertThat(o200k.count(GERMAN_PARAGRAPH)).isBetween(characters / 6, characters / 2);
    }

    @Test
    void needsFewerTokensForGermanWithO200kThanWithCl100k() {
        assertThat(o200k.count(GERMAN_PARAGRAPH)).isLessThan(cl100k.count(GERMAN_PARAGRAPH));
    }

    @Test
    void countsSpecialTokenMarkersAsOrdinaryText() {
        String text = "Ende des Artikels <|endoftext|> und <|fim_prefix|> danach";

        assertThatCode(() -> o200k.count(text)).doesNotThrowAnyException();
        assertThat(o200k.count(text)).isGreaterThan(o200k.count("<|endoftext|>"));
        assertThat(o200k.count("<|endoftext|>")).isGreaterThan(1);
    }

    @Test
    void countsNothingInEmptyOrNullText() {
        assertThat(o200k.count("")).isZero();
        assertThat(o200k.count(null)).isZero();
    }

    @Test
    void namesItsEncoding() {
        assertThat(o200k).hasToString("JTokkitTokenCounter[o200k_base]");
    }
}
