package io.dragoman.core.lang;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OpenNlpLanguageDetectorTest {
    private static OpenNlpLanguageDetector detector;

    @BeforeAll
    static void loadModel() {
        detector = new OpenNlpLanguageDetector();
    }

    @Test
    void detectsGerman() {
        assertThat(detector.detect("Die Außenminister von Belarus und Russland führen Gespräche in Minsk. Es wird"
                        + " erwartet, dass die Minister ein breites Spektrum von Fragen erörtern werden."))
                .contains("de");
    }

    @Test
    void detectsRussian() {
        assertThat(detector.detect("Министры иностранных дел Беларуси и России проводят переговоры в Минске."
                        + " Ожидается, что министры обсудят широкий круг вопросов двустороннего сотрудничества."))
                .contains("ru");
    }

    @Test
    void detectsEnglish() {
        assertThat(detector.detect("The foreign ministers of Belarus and Russia are holding talks in Minsk. They are"
                        + " expected to discuss a wide range of issues of bilateral cooperation."))
                .contains("en");
    }

    @Test
    void detectsTheLanguageOfAShortParagraph() {
        assertThat(detector.detect("Zugverkehr zwischen Minsk und Vilnius wieder aufgenommen\nDer Zugverkehr"
                        + " zwischen Minsk und Vilnius ist am Montag nach einer zweiwöchigen Pause wieder"
                        + " aufgenommen worden."))
                .contains("de");
        assertThat(detector.detect("Heavy snow closes schools across Scotland\nHundreds of schools across"
                        + " Scotland were closed on Tuesday after heavy overnight snow blocked roads."))
                .contains("en");
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(strings = {"", "   ", "Guten Tag", "Минск", "12.03.2024, 14:05", "Hello, world!"})
    void givesNothingForTextTooShortToTell(String text) {
        assertThat(detector.detect(text)).isEmpty();
    }

    @Test
    void givesNothingForNull() {
        assertThat(detector.detect(null)).isEmpty();
    }

    @Test
    void givesNothingForGibberishOrMixedText() {
        assertThat(detector.detect("qxzv kplw rrtm bvcz hjkq wxyp zzkr tqlm vbnx cvbq"))
                .isEmpty();
        assertThat(detector.detect("Der Bundestag hat am Donnerstag in erster Lesung über das Gesetz beraten."
                        + " The government wants to halve emissions by 2030 and says some farms may close."))
                .isEmpty();
    }
}
