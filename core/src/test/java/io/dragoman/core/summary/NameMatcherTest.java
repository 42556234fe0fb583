package io.dragoman.core.summary;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NameMatcherTest {

    private static final NameMatcher GERMAN = new NameMatcher("Die Außenminister Sergej Alejnik und Sergej Lawrow sowie"
            + " Wladimir Makej trafen Tschernyschenko, Michail Schukow und Lukaschenkos Berater.");

    @Test
    void matchesEnglishTransliterationsOfGermanSpellings() {
        assertThat(GERMAN.contains("Sergei Lavrov")).isTrue();
        assertThat(GERMAN.contains("Sergey Aleinik")).isTrue();
        assertThat(GERMAN.contains("Vladimir Makei")).isTrue();
        assertThat(GERMAN.contains("Dmitry Chernyshenko")).isTrue();
        assertThat(GERMAN.contains("Mikhail Zhukov")).isTrue();
        assertThat(GERMAN.contains("Alexander Lukashenko")).isTrue();
    }

    @Test
    void rejectsANameTheTextDoesNotHave() {
        assertThat(GERMAN.contains("Vladimir Putin")).isFalse();
        assertThat(GERMAN.contains("Maria Zakharova")).isFalse();
        assertThat(GERMAN.contains("")).isFalse();
    }
}
