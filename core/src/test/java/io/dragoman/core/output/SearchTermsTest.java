package io.dragoman.core.output;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The expected terms are what Lunr 2.3.9's default pipeline gives for the same text in Chromium. */
class SearchTermsTest {

    @ParameterizedTest
    @CsvSource({
        "caresses, caress",
        "ponies, poni",
        "agreed, agre",
        "plastered, plaster",
        "motoring, motor",
        "conflated, conflat",
        "hopping, hop",
        "falling, fall",
        "filing, file",
        "happy, happi",
        "yelling, yell",
        "relational, relat",
        "generalizations, gener",
        "oscillators, oscil",
        "Getreideernte, getreideernt",
        "Zusammenarbeit, zusammenarbeit",
        "Dreijahreszyklus, dreijahreszyklu",
        "Bäckereien, bäckereien",
        "über, ber",
    })
    void aWordGetsTheStemLunrGivesIt(String word, String stem) {
        assertThat(SearchTerms.of(word)).containsExactly(stem);
    }

    @Test
    void aCharacterBeyondTheBasicPlaneCountsAsTwoAsInJavaScript() {
        assertThat(SearchTerms.of("emoji\uD83D\uDE00\uD83D\uDE00ing")).containsExactly("emoji\uD83D\uDE00\uD83D\uDE00");
        assertThat(SearchTerms.of("ba\uD83D\uDE00ing")).containsExactly("ba\uD83D\uDE00");
    }

    @Test
    void aTextIsSplitAtSpacesAndHyphensTrimmedOfPunctuationAndRidOfEnglishStopWords() {
        assertThat(SearchTerms.of("The talks, in Minsk—were \"agreed\" on 12-03-2024: (No. 1500)."))
                .containsExactly("talk", "minsk—wer", "agre", "12", "03", "2024", "1500");
        assertThat(SearchTerms.of("a\u00A0b\u2009c\u3000d")).containsExactly("b", "c", "d");
        assertThat(SearchTerms.of("--- ... —")).isEmpty();
    }
}
