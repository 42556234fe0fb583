package io.dragoman.core.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dragoman.core.llm.setup.ProviderChoice;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProviderConfigTest {

    private static final String KEY = "sk-config-FAKE-KEY-0a1b2c3d";

    @Test
    void redactsTheKeyInToString() {
        ProviderConfig config = ProviderConfig.of(
                ProviderKind.OPENAI, "gpt-4.1-mini", "https://api.openai.com/v1", Optional.of(KEY), "OPENAI_API_KEY");

        assertThat(config.toString())
                .doesNotContain(KEY)
                .contains("apiKey=***")
                .contains("gpt-4.1-mini")
                .contains("OPENAI_API_KEY");
        assertThat(new ProviderChoice(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(KEY))
                        .toString())
                .doesNotContain(KEY);
    }

    @Test
    void rejectsABaseUrlThatIsNotHttpAndSaysWhichFlagSetsIt() {
        assertThatThrownBy(() ->
                        ProviderConfig.of(ProviderKind.OLLAMA, "qwen2.5:7b", "localhost:11434", Optional.empty(), ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--base-url");
    }

    @Test
    void rejectsABlankKeyWithoutShowingIt() {
        assertThatThrownBy(() -> ProviderConfig.of(
                        ProviderKind.MISTRAL,
                        "mistral-small-latest",
                        "https://api.mistral.ai/v1",
                        Optional.of(" "),
                        "MISTRAL_API_KEY"))
                .hasMessageContaining("MISTRAL_API_KEY")
                .hasMessageContaining("blank");
    }
}
