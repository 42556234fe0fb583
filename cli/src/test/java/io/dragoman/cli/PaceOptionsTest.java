package io.dragoman.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dragoman.core.llm.ProviderKind;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PaceOptionsTest {

    @Test
    void choosesTheConcurrencyThatSuitsTheProviderUnlessOneIsGiven() {
        PaceOptions options = new PaceOptions();

        assertThat(options.concurrency(Optional.of(ProviderKind.OPENAI))).isEqualTo(8);
        assertThat(options.concurrency(Optional.of(ProviderKind.ANTHROPIC))).isEqualTo(8);
        assertThat(options.concurrency(Optional.of(ProviderKind.OPENAI_COMPATIBLE)))
                .isEqualTo(4);
        assertThat(options.concurrency(Optional.of(ProviderKind.OLLAMA))).isEqualTo(2);
        assertThat(options.concurrency(Optional.empty())).isEqualTo(4);

        options.concurrency = 32;

        assertThat(options.concurrency(Optional.of(ProviderKind.OLLAMA))).isEqualTo(32);
    }

    @Test
    void rejectsAConcurrencyOutOfRange() {
        PaceOptions options = new PaceOptions();
        options.concurrency = 0;

        assertThatThrownBy(options::validate).hasMessageContaining("--concurrency");
    }
}
