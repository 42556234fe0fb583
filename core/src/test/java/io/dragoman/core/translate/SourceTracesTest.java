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
}
