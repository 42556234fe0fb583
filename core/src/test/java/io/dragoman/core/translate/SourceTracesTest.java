package io.dragoman.core.translate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SourceTracesTest {

    private static final SourceTraces TRACES = SourceTraces.german();
    private static final SourceTraces.Source SOURCE = TRACES.source(
            List.of("Verkehrsdezernentin Julia Becker nannte die Entscheidung ein starkes Signal für die Region."));

    private static boolean readsAsGerman(String english) {
        return SourceTraces.readsAsGerman(TRACES.signs(english, SOURCE), SourceTraces.wordCount(english));
    }

    @Test
    void englishWordsSpelledLikeTheSourcesNounsAreATranslationNotACopy() {
        assertThat(readsAsGerman("Transport Chief Julia Becker called the decision a strong signal for the region."))
                .isFalse();
    }

    @Test
    void germanVerbsAndFunctionWordsCopiedIntoTheEnglishStillReadAsGerman() {
        assertThat(readsAsGerman("Julia Becker nannte the decision ein starkes signal for the region."))
                .isTrue();
        assertThat(readsAsGerman(
                        "Transport Chief Julia Becker called die Entscheidung a strong Signal für die Region."))
                .isTrue();
    }

    private static boolean readsAsGerman(String german, String english) {
        SourceTraces.Source source = TRACES.source(List.of(german));
        return SourceTraces.readsAsGerman(TRACES.signs(english, source), SourceTraces.wordCount(english));
    }

    @Test
    void germanPlaceNamesKeptWithTheirParticlesAreNotGermanLeftInTheSentence() {
        assertThat(readsAsGerman(
                        "Die Polizei in Mülheim an der Ruhr nahm drei Männer fest.",
                        "Police in Mülheim an der Ruhr arrested three men."))
                .isFalse();
        assertThat(readsAsGerman(
                        "Der Bürgermeister von Bad Homburg vor der Höhe kündigte Kürzungen an.",
                        "The mayor of Bad Homburg vor der Höhe announced cuts."))
                .isFalse();
        assertThat(readsAsGerman(
                        "Die Messe in Frankfurt am Main zählte mehr Besucher als im Vorjahr.",
                        "The fair in Frankfurt am Main counted more visitors than the year before."))
                .isFalse();
    }

    @Test
    void aPlaceNameDoesNotExcuseGermanAroundIt() {
        assertThat(readsAsGerman(
                        "Die Polizei in Mülheim an der Ruhr nahm drei Männer fest.",
                        "Police in Mülheim an der Ruhr nahm drei Männer fest."))
                .isTrue();
        assertThat(readsAsGerman(
                        "Die Messe in Frankfurt am Main zählte mehr Besucher als im Vorjahr.",
                        "Die Messe in Frankfurt am Main counted mehr Besucher als im Vorjahr."))
                .isTrue();
    }

    @Test
    void aGermanNounPhraseCopiedFromTheSourceIsNoName() {
        assertThat(readsAsGerman(
                        "Der Rat begrüßte die Entscheidung der Stadt zur Sanierung.",
                        "The council welcomed the Entscheidung der Stadt zur Sanierung."))
                .isTrue();
    }

    @Test
    void aNameInTheEnglishThatTheSourceDoesNotHoldIsNoExcuse() {
        assertThat(readsAsGerman(
                        "Die Polizei nahm drei Männer fest.", "Police in Bad Homburg vor der Höhe arrested three men."))
                .isTrue();
    }

    @Test
    void anArticleAloneBetweenCapitalisedWordsIsAGenitiveNotAPlaceName() {
        assertThat(readsAsGerman(
                        "Das teilte das Außenministerium von Belarus der Nachrichtenagentur BelTA mit.",
                        "The foreign ministry of Belarus der Nachrichtenagentur BelTA reported this."))
                .isTrue();
    }
}
