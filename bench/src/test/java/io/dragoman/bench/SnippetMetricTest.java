package io.dragoman.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class SnippetMetricTest {

    @Test
    void findsASnippetAcrossLineBreaksAndRunsOfSpaceButKeepsCase() {
        String extraction = "Der Bürgermeister sagte\n am Montag,   dass";
        assertThat(SnippetMetric.score(extraction, List.of("sagte am Montag,", "der Bürgermeister"), List.of()))
                .isEqualTo(new SnippetMetric.Counts(1, 1, 0, 0));
    }

    @Test
    void poolsCountsOverPagesBeforeComputingPrecisionAndRecall() {
        SnippetMetric.Counts a = SnippetMetric.score("body text", List.of("body text"), List.of("Newsletter"));
        SnippetMetric.Counts b = SnippetMetric.score("Newsletter only", List.of("body"), List.of("Newsletter"));
        SnippetMetric.Counts sum = a.plus(b);
        assertThat(sum).isEqualTo(new SnippetMetric.Counts(1, 1, 1, 1));
        assertThat(sum.precision()).isCloseTo(0.5, within(1e-9));
        assertThat(sum.recall()).isCloseTo(0.5, within(1e-9));
        assertThat(sum.f1()).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void splitsPagesIntoTwoStableFoldsByTheHashOfTheirId() {
        assertThat(NewsDevCorpus.Fold.of("page-1")).isEqualTo(NewsDevCorpus.Fold.of("page-1"));
        long a = java.util.stream.IntStream.range(0, 200)
                .filter(i -> NewsDevCorpus.Fold.of("p" + i) == NewsDevCorpus.Fold.A)
                .count();
        assertThat(a).isBetween(70L, 130L);
    }
}
