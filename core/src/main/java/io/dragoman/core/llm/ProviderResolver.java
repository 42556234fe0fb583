package io.dragoman.core.llm;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Chooses the provider, model, base URL and key: command-line flags, then the config file, then API keys in the
 * environment ({@code OPENAI_API_KEY}, {@code ANTHROPIC_API_KEY}, {@code GEMINI_API_KEY}, {@code MISTRAL_API_KEY}, in
 * that order), then a local Ollama if one answers, else a {@link NoProviderException} listing the options.
 *
 * <p>{@code OPENAI_BASE_URL} sets the base URL of {@code openai} and {@code openai-compatible}, as in OpenAI's own
 * SDKs. A key from the config file is used only for the provider the config file names. {@code openai-compatible}
 * reads its key from {@code OPENAI_COMPATIBLE_API_KEY}, never from {@code OPENAI_API_KEY}, so that an OpenAI key is
 * not sent to another server.
 */
public final class ProviderResolver {

    /** Where Ollama listens unless told otherwise. */
    public static final String LOCAL_OLLAMA = "http://localhost:11434";

    /** The environment variable holding an {@code openai-compatible} server's key, if it needs one. */
    public static final String OPENAI_COMPATIBLE_KEY = "OPENAI_COMPATIBLE_API_KEY";

    private static final List<ProviderKind> BY_ENVIRONMENT =
            List.of(ProviderKind.OPENAI, ProviderKind.ANTHROPIC, ProviderKind.GEMINI, ProviderKind.MISTRAL);

    private final Map<String, String> environment;
    private final Predicate<String> ollamaAnswers;

    /**
     * @param environment the environment variables (pass {@code System.getenv()} from {@code main})
     * @param ollamaAnswers whether an Ollama server answers at a base URL; asked only when nothing else decides
     */
    public ProviderResolver(Map<String, String> environment, Predicate<String> ollamaAnswers) {
        this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
        this.ollamaAnswers = Objects.requireNonNull(ollamaAnswers, "ollamaAnswers");
    }

    /**
     * The config to use.
     *
     * @throws NoProviderException when no provider is named or found, or the chosen one lacks a key, model or URL
     */
    public ProviderConfig resolve(ProviderChoice flags, ProviderChoice configFile) {
        ProviderKind kind = flags.provider()
                .or(configFile::provider)
                .or(this::providerWithKeyInEnvironment)
                .or(this::localOllama)
                .orElseThrow(() -> new NoProviderException(noProviderMessage()));

        boolean configIsForThisProvider =
                configFile.provider().isEmpty() || configFile.provider().get() == kind;
        ProviderChoice config = configIsForThisProvider ? configFile : ProviderChoice.NONE;

        String model = flags.model()
                .or(config::model)
                .or(kind::defaultModel)
                .orElseThrow(() -> new NoProviderException("Provider " + kind.id()
                        + " has no default model: name the model with --model or in the config file."));
        String baseUrl = flags.baseUrl()
                .or(config::baseUrl)
                .or(() -> environmentBaseUrl(kind))
                .or(kind::defaultBaseUrl)
                .orElseThrow(() -> new NoProviderException("Provider " + kind.id()
                        + " needs the server's address: give it with --base-url (e.g. http://localhost:8000/v1),"
                        + " in the config file, or in OPENAI_BASE_URL."));

        Optional<String> configKey = config.apiKey().filter(k -> !k.isBlank());
        Optional<String> keyVariable =
                kind == ProviderKind.OPENAI_COMPATIBLE ? Optional.of(OPENAI_COMPATIBLE_KEY) : kind.keyVariable();
        Optional<String> environmentKey = keyVariable.flatMap(this::variable);
        Optional<String> key = configKey.or(() -> environmentKey);
        String keySource = configKey.isPresent() ? "the config file" : keyVariable.orElse("");
        if (kind.needsKey() && key.isEmpty()) {
            throw new NoProviderException("Provider " + kind.id() + " needs an API key: set "
                    + kind.keyVariable().orElseThrow() + " or put apiKey in the config file.");
        }
        return ProviderConfig.of(kind, model, baseUrl, key, key.isPresent() ? keySource : "");
    }

    private Optional<ProviderKind> providerWithKeyInEnvironment() {
        return BY_ENVIRONMENT.stream()
                .filter(kind -> variable(kind.keyVariable().orElseThrow()).isPresent())
                .findFirst();
    }

    private Optional<ProviderKind> localOllama() {
        return ollamaAnswers.test(LOCAL_OLLAMA) ? Optional.of(ProviderKind.OLLAMA) : Optional.empty();
    }

    private Optional<String> environmentBaseUrl(ProviderKind kind) {
        if (kind == ProviderKind.OPENAI || kind == ProviderKind.OPENAI_COMPATIBLE) {
            return variable("OPENAI_BASE_URL");
        }
        return Optional.empty();
    }

    private Optional<String> variable(String name) {
        return Optional.ofNullable(environment.get(name)).map(String::strip).filter(v -> !v.isEmpty());
    }

    private static String noProviderMessage() {
        return "No model provider configured. Choose one of:\n"
                + "  --provider openai|anthropic|gemini|mistral|ollama|openai-compatible (with --model, --base-url)\n"
                + "  a config file (--config FILE) naming the provider\n"
                + "  an API key in OPENAI_API_KEY, ANTHROPIC_API_KEY, GEMINI_API_KEY or MISTRAL_API_KEY\n"
                + "  a local Ollama server on " + LOCAL_OLLAMA;
    }
}
