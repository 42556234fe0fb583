package io.dragoman.core.llm.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dragoman.core.llm.ProviderConfig;
import io.dragoman.core.llm.ProviderKind;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProviderResolverTest {

    private static final String OPENAI_KEY = "sk-resolver-FAKE-openai-1234";
    private static final String ANTHROPIC_KEY = "sk-ant-resolver-FAKE-5678";

    private static ProviderResolver resolver(Map<String, String> env) {
        return new ProviderResolver(env, url -> false);
    }

    private static ProviderChoice flags(ProviderKind kind) {
        return ProviderChoice.flags(Optional.of(kind), Optional.empty(), Optional.empty());
    }

    @Test
    void usesTheFirstProviderWhoseKeyIsInTheEnvironment() {
        ProviderConfig config = resolver(Map.of("ANTHROPIC_API_KEY", ANTHROPIC_KEY, "MISTRAL_API_KEY", "m-key"))
                .resolve(ProviderChoice.NONE, ProviderChoice.NONE);

        assertThat(config.kind()).isEqualTo(ProviderKind.ANTHROPIC);
        assertThat(config.model()).isEqualTo("claude-haiku-4-5");
        assertThat(config.baseUrl()).isEqualTo("https://api.anthropic.com/v1");
        assertThat(config.apiKey()).contains(ANTHROPIC_KEY);
        assertThat(config.keySource()).isEqualTo("ANTHROPIC_API_KEY");
    }

    @Test
    void prefersOpenAiWhenSeveralKeysAreSet() {
        ProviderConfig config = resolver(Map.of("ANTHROPIC_API_KEY", ANTHROPIC_KEY, "OPENAI_API_KEY", OPENAI_KEY))
                .resolve(ProviderChoice.NONE, ProviderChoice.NONE);

        assertThat(config.kind()).isEqualTo(ProviderKind.OPENAI);
    }

    @Test
    void letsTheProviderFlagWinOverTheConfigFileAndTheEnvironment() {
        ProviderChoice configFile = new ProviderChoice(
                Optional.of(ProviderKind.MISTRAL), Optional.empty(), Optional.empty(), Optional.of("m"));

        ProviderConfig config = resolver(Map.of("OPENAI_API_KEY", OPENAI_KEY, "ANTHROPIC_API_KEY", ANTHROPIC_KEY))
                .resolve(flags(ProviderKind.ANTHROPIC), configFile);

        assertThat(config.kind()).isEqualTo(ProviderKind.ANTHROPIC);
        assertThat(config.apiKey())
                .as("the config file's key is for another provider")
                .contains(ANTHROPIC_KEY);
    }

    @Test
    void letsTheConfigFileWinOverTheEnvironment() {
        ProviderChoice configFile = new ProviderChoice(
                Optional.of(ProviderKind.MISTRAL),
                Optional.of("mistral-large-latest"),
                Optional.empty(),
                Optional.of("mistral-key-from-file"));

        ProviderConfig config = resolver(Map.of("OPENAI_API_KEY", OPENAI_KEY)).resolve(ProviderChoice.NONE, configFile);

        assertThat(config.kind()).isEqualTo(ProviderKind.MISTRAL);
        assertThat(config.model()).isEqualTo("mistral-large-latest");
        assertThat(config.apiKey()).contains("mistral-key-from-file");
        assertThat(config.keySource()).isEqualTo("the config file");
    }

    @Test
    void letsModelAndBaseUrlFlagsOverrideTheDefaults() {
        ProviderChoice flags = ProviderChoice.flags(
                Optional.empty(), Optional.of("gpt-4.1"), Optional.of("https://proxy.example.test/v1"));

        ProviderConfig config = resolver(Map.of("OPENAI_API_KEY", OPENAI_KEY)).resolve(flags, ProviderChoice.NONE);

        assertThat(config.model()).isEqualTo("gpt-4.1");
        assertThat(config.baseUrl()).isEqualTo("https://proxy.example.test/v1");
    }

    @Test
    void honoursOpenAiBaseUrlFromTheEnvironment() {
        ProviderConfig config = resolver(
                        Map.of("OPENAI_API_KEY", OPENAI_KEY, "OPENAI_BASE_URL", "http://localhost:4000/v1"))
                .resolve(ProviderChoice.NONE, ProviderChoice.NONE);

        assertThat(config.baseUrl()).isEqualTo("http://localhost:4000/v1");
    }

    @Test
    void fallsBackToALocalOllamaThatAnswers() {
        ProviderConfig config = new ProviderResolver(Map.of(), url -> url.equals("http://localhost:11434"))
                .resolve(ProviderChoice.NONE, ProviderChoice.NONE);

        assertThat(config.kind()).isEqualTo(ProviderKind.OLLAMA);
        assertThat(config.apiKey()).isEmpty();
        assertThat(config.baseUrl()).isEqualTo("http://localhost:11434");
    }

    @Test
    void listsEveryOptionWhenNoProviderIsFound() {
        assertThatThrownBy(() ->
                        resolver(Map.of("OPENAI_API_KEY", "  ")).resolve(ProviderChoice.NONE, ProviderChoice.NONE))
                .isInstanceOf(NoProviderException.class)
                .hasMessageContaining("--provider")
                .hasMessageContaining("--config")
                .hasMessageContaining("OPENAI_API_KEY")
                .hasMessageContaining("ANTHROPIC_API_KEY")
                .hasMessageContaining("GEMINI_API_KEY")
                .hasMessageContaining("MISTRAL_API_KEY")
                .hasMessageContaining("Ollama");
    }

    @Test
    void saysWhichVariableToSetWhenTheChosenProviderHasNoKey() {
        assertThatThrownBy(() -> resolver(Map.of()).resolve(flags(ProviderKind.GEMINI), ProviderChoice.NONE))
                .isInstanceOf(NoProviderException.class)
                .hasMessageContaining("GEMINI_API_KEY");
    }

    @Test
    void requiresAModelAndAddressForAnOpenAiCompatibleServer() {
        assertThatThrownBy(() -> resolver(Map.of()).resolve(flags(ProviderKind.OPENAI_COMPATIBLE), ProviderChoice.NONE))
                .isInstanceOf(NoProviderException.class)
                .hasMessageContaining("--model");
        ProviderChoice withModel = ProviderChoice.flags(
                Optional.of(ProviderKind.OPENAI_COMPATIBLE), Optional.of("qwen2.5-7b-instruct"), Optional.empty());
        assertThatThrownBy(() -> resolver(Map.of()).resolve(withModel, ProviderChoice.NONE))
                .isInstanceOf(NoProviderException.class)
                .hasMessageContaining("--base-url");
    }

    @Test
    void neverSendsTheOpenAiKeyToAnOpenAiCompatibleServer() {
        ProviderChoice flags = ProviderChoice.flags(
                Optional.of(ProviderKind.OPENAI_COMPATIBLE),
                Optional.of("qwen2.5-7b-instruct"),
                Optional.of("http://localhost:8000/v1"));

        ProviderConfig withoutOwnKey =
                resolver(Map.of("OPENAI_API_KEY", OPENAI_KEY)).resolve(flags, ProviderChoice.NONE);
        ProviderConfig withOwnKey = resolver(Map.of("OPENAI_API_KEY", OPENAI_KEY, "OPENAI_COMPATIBLE_API_KEY", "local"))
                .resolve(flags, ProviderChoice.NONE);

        assertThat(withoutOwnKey.apiKey()).isEmpty();
        assertThat(withOwnKey.apiKey()).contains("local");
        assertThat(withOwnKey.keySource()).isEqualTo("OPENAI_COMPATIBLE_API_KEY");
    }

    @Test
    void acceptsProviderNamesAsUsersTypeThem() {
        assertThat(ProviderKind.fromId("openai-compatible")).isEqualTo(ProviderKind.OPENAI_COMPATIBLE);
        assertThat(ProviderKind.fromId("OPENAI_COMPATIBLE")).isEqualTo(ProviderKind.OPENAI_COMPATIBLE);
        assertThat(ProviderKind.fromId(" Anthropic ")).isEqualTo(ProviderKind.ANTHROPIC);
        assertThatThrownBy(() -> ProviderKind.fromId("claude"))
                .hasMessageContaining("openai, anthropic, gemini, mistral, ollama, openai-compatible");
    }
}
