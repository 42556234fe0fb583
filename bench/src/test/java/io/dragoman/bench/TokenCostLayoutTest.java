package io.dragoman.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.dragoman.core.llm.ProviderKind;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TokenCostLayoutTest {

    private static int[] range(int from, int count) {
        return IntStream.range(from, from + count).toArray();
    }

    private static final TokenCost.Sent TRANSLATE =
            new TokenCost.Sent(0, "translate", range(0, 1200), 150, 900, range(5000, 900), new int[0]);
    private static final TokenCost.Sent SUMMARIZE =
            new TokenCost.Sent(0, "summarize", range(9000, 1100), 380, 200, range(7000, 200), range(8000, 350));

    @Test
    void theContinuedSummaryIsTheTranslationRequestThenItsReplyThenTheSummarysOwnWords() {
        List<TokenCost.Sent> continued = TokenCost.continued(List.of(TRANSLATE, SUMMARIZE));

        TokenCost.Sent summary = continued.get(1);
        assertThat(summary.tokens()).hasSize(1200 + 900 + 350);
        assertThat(Arrays.copyOf(summary.tokens(), 1200)).isEqualTo(TRANSLATE.tokens());
        assertThat(Arrays.copyOfRange(summary.tokens(), 1200, 2100)).isEqualTo(TRANSLATE.reply());
        assertThat(Arrays.copyOfRange(summary.tokens(), 2100, 2450)).isEqualTo(SUMMARIZE.task());
        assertThat(summary.breakpoint()).isEqualTo(1200);
        assertThat(continued.get(0).breakpoint())
                .as("the breakpoint after the article")
                .isEqualTo(1200);
    }

    @Test
    void anthropicWritesTheArticlePrefixOnceAndTheContinuedSummaryReadsIt() {
        TokenPricing.Prices prices = new TokenPricing.Prices(3, 0.3, 3.75, 15, 1.5, 7.5);
        TokenPricing.Cost sonnet = new TokenPricing.Cost(ProviderKind.ANTHROPIC, "claude-sonnet-4-5", prices);
        List<TokenCost.Sent> continued = TokenCost.continued(List.of(TRANSLATE, SUMMARIZE));

        double expected = (1200 * 3.75 + 900 * 15) + (1200 * 0.3 + (900 + 350) * 3 + 200 * 15);
        assertThat(sonnet.cached(continued) * 1e6).isCloseTo(expected, within(1e-6));
        // as sent, the system messages stay below Sonnet's minimum: nothing is cached
        assertThat(sonnet.cached(List.of(TRANSLATE, SUMMARIZE)))
                .isEqualTo(sonnet.online(List.of(TRANSLATE, SUMMARIZE)));
    }

    @Test
    void openAiServesTheSharedPrefixInStepsOf128FromTheContinuedSummary() {
        TokenPricing.Prices prices = new TokenPricing.Prices(0.4, 0.1, 0.4, 1.6, 0.2, 0.8);
        TokenPricing.Cost mini = new TokenPricing.Cost(ProviderKind.OPENAI, "gpt-4.1-mini", prices);
        List<TokenCost.Sent> continued = TokenCost.continued(List.of(TRANSLATE, SUMMARIZE));

        long cached = 1024 + (1200 - 1024) / 128 * 128;
        double expected = (1200 * 0.4 + 900 * 1.6) + (cached * 0.1 + (2450 - cached) * 0.4 + 200 * 1.6);
        assertThat(mini.cached(continued) * 1e6).isCloseTo(expected, within(1e-6));
    }
}
