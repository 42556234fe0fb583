package io.dragoman.core.llm;

import static org.assertj.core.api.Assertions.assertThat;

import io.dragoman.core.lang.JTokkitTokenCounter;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SpendingTest {

    private static final ModelRequest REQUEST = ModelRequest.of("system", "Hallo Welt, wie geht es?", 100, 0.2);

    @Test
    void countsPaidCallsWithTheirTokensAndCost() {
        Spending spent = new Spending(PriceTable.builtIn(), JTokkitTokenCounter.o200k());

        spent.record(
                REQUEST,
                new ModelReply(
                        "Hello",
                        FinishReason.STOP,
                        Optional.of(new Usage(1_000_000, 0)),
                        ProviderKind.OPENAI,
                        "gpt-4.1-mini"));

        assertThat(spent.calls()).isEqualTo(1);
        assertThat(spent.usage()).isEqualTo(new Usage(1_000_000, 0));
        assertThat(spent.cost()).hasValueSatisfying(c -> assertThat(c.signum()).isPositive());
    }

    @Test
    void countsTheTokensItselfWhenTheProviderReportsNone() {
        Spending spent = new Spending(PriceTable.builtIn(), JTokkitTokenCounter.o200k());

        spent.record(
                REQUEST, new ModelReply("Hello world", FinishReason.STOP, Optional.empty(), ProviderKind.OLLAMA, "m"));

        assertThat(spent.usage().inputTokens()).isPositive();
        assertThat(spent.usage().outputTokens()).isEqualTo(2);
    }

    @Test
    void aCachedReplyCostsNothingAndIsCountedApart() {
        Spending spent = new Spending(PriceTable.builtIn(), JTokkitTokenCounter.o200k());
        ModelReply paid = new ModelReply(
                "Hello", FinishReason.STOP, Optional.of(new Usage(500, 20)), ProviderKind.OPENAI, "gpt-4.1-mini");

        spent.record(REQUEST, paid.asCached());

        assertThat(spent.calls()).isZero();
        assertThat(spent.cachedCalls()).isEqualTo(1);
        assertThat(spent.usage()).isEqualTo(new Usage(0, 0));
        assertThat(spent.cost()).hasValueSatisfying(c -> assertThat(c.signum()).isZero());
    }

    @Test
    void leavesTheCostUnknownWhenAModelHasNoPrice() {
        Spending spent = new Spending(PriceTable.builtIn(), JTokkitTokenCounter.o200k());

        spent.record(
                REQUEST,
                new ModelReply(
                        "Hello",
                        FinishReason.STOP,
                        Optional.of(new Usage(5, 2)),
                        ProviderKind.OPENAI,
                        "no-such-model"));

        assertThat(spent.cost()).isEmpty();
    }
}
