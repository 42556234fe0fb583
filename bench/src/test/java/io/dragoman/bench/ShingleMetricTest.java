package io.dragoman.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShingleMetricTest {

    @Test
    void splitsTokensOnAnythingButUnicodeLettersAndDigitsKeepingCase() {
        assertThat(ShingleMetric.tokens("Привет, мир! E-mail 2024 über_all"))
                .containsExactly("Привет", "мир", "E", "mail", "2024", "über", "all");
    }

    @Test
    void makesOverlappingFourTokenShinglesCountingRepeats() {
        assertThat(ShingleMetric.shingles("x y z w x y z w"))
                .isEqualTo(Map.of("x y z w", 2, "y z w x", 1, "z w x y", 1, "w x y z", 1));
    }

    @Test
    void makesOneShortShingleFromTextsOfFewerThanFourTokens() {
        assertThat(ShingleMetric.shingles("Hello, world")).isEqualTo(Map.of("Hello world", 1));
        assertThat(ShingleMetric.shingles(" … ")).isEmpty();
    }

    @Test
    void matchesHandComputedScoresOnThreePages() {
        // page 1: truth has 3 shingles, the prediction the same 3 plus "Menu The cat sat": P 3/4, R 1
        ShingleMetric.PageScore chrome =
                ShingleMetric.score("The cat sat on the mat.", "Menu. The cat sat on the mat!");
        // page 2: nothing predicted: no precision, R 0
        ShingleMetric.PageScore empty = ShingleMetric.score("a b c d e", "");
        // page 3: truth x y z w ×2 + 3 others, prediction x y z w once: P 1, R 1/5
        ShingleMetric.PageScore partial = ShingleMetric.score("x y z w x y z w", "x y z w");

        assertThat(chrome).isEqualTo(new ShingleMetric.PageScore(3, 1, 0));
        assertThat(empty).isEqualTo(new ShingleMetric.PageScore(0, 0, 2));
        assertThat(partial).isEqualTo(new ShingleMetric.PageScore(1, 0, 4));

        ShingleMetric.Summary summary = ShingleMetric.summarize(List.of(chrome, empty, partial));
        assertThat(summary.precision()).isCloseTo((0.75 + 1) / 2, within(1e-12));
        assertThat(summary.recall()).isCloseTo((1 + 0 + 0.2) / 3, within(1e-12));
        assertThat(summary.f1()).isCloseTo(2 * 0.875 * 0.4 / (0.875 + 0.4), within(1e-12));
        assertThat(summary.emptyPredictions()).isEqualTo(1);
        assertThat(summary.pages()).isEqualTo(3);
    }

    @Test
    void isCaseSensitive() {
        assertThat(ShingleMetric.score("The cat sat on", "the cat sat on"))
                .isEqualTo(new ShingleMetric.PageScore(0, 1, 1));
    }
}
