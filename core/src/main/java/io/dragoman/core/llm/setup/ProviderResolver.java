package io.dragoman.core.llm.setup;

import io.dragoman.core.llm.ProviderConfig;
import io.dragoman.core.llm.ProviderKind;
import io.dragoman.core.llm.provider.ProviderSpec;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Chooses the provider, model, base URL and key: command-line flags, then the config file, then API keys in the
 * environment (of every provider whose spec {@linkplain ProviderSpec#needsKey() needs one}, in {@link ProviderKind}
 * order: {@code OPENAI_API_KEY}, {@code ANTHROPIC_API_KEY}, {@code GEMINI_API_KEY}, {@code MISTRAL_API_KEY}), then a
 * local Ollama if one answers, else a {@link NoProviderException} listing the options. Defaults, key variables and
 * base-URL variables come from each provider's {@link ProviderSpec}.
 *
 * <p>{@code OPENAI_BASE_URL} sets the base URL of {@code openai} and {@code openai-compatible}, as in OpenAI's own
 * SDKs. A key from the config file is used only for the provider the config file names. {@code openai-compatible}
 * reads its key from {@code OPENAI_COMPATIBLE_API_KEY}, never from {@code OPENAI_API_KEY}, so that an OpenAI key is
 * not sent to another server.
 */
public final class ProviderResolver {

    /** Where Ollama listens unless told otherwise. */
    public static final String LOCAL_OLLAMA = ProviderSpec.OLLAMA_BASE_URL;

    /** The environment variable holding an {@code openai-compatible} server's key, if it needs one. */
    public static final String OPENAI_COMPATIBLE_KEY = ProviderSpec.OPENAI_COMPATIBLE_KEY;

    /** The providers chosen by their key in the environment, in the order they are looked for. */
    private static final List<ProviderKind> BY_ENVIRONMENT =
            Arrays.stream(ProviderKind.values()).filter(ProviderKind::needsKey).toList();

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

        ProviderSpec spec = kind.spec();
        String model = flags.model()
                .or(config::model)
                .or(spec::defaultModel)
                .orElseThrow(() -> new NoProviderException("Provider " + kind.id()
                        + " has no default model: name the model with --model or in the config file."));
        String baseUrl = flags.baseUrl()
                .or(config::baseUrl)
                .or(() -> spec.baseUrlVariable().flatMap(this::variable))
                .or(spec::defaultBaseUrl)
                .orElseThrow(() -> new NoProviderException("Provider " + kind.id()
                        + " needs the server's address: give it with --base-url (e.g. http://localhost:8000/v1)"
                        + spec.baseUrlVariable()
                                .map(variable -> ", in the config file, or in " + variable + ".")
                                .orElse(" or in the config file.")));

        Optional<String> configKey = config.apiKey().filter(k -> !k.isBlank());
        Optional<String> keyVariable = spec.keyVariable();
        Optional<String> environmentKey = keyVariable.flatMap(this::variable);
        Optional<String> key = configKey.or(() -> environmentKey);
        String keySource = configKey.isPresent() ? "the config file" : keyVariable.orElse("");
        if (spec.needsKey() && key.isEmpty()) {
            throw new NoProviderException("Provider " + kind.id() + " needs an API key: set "
                    + keyVariable.orElseThrow() + " or put apiKey in the config file.");
        }
        return ProviderConfig.of(kind, model, baseUrl, key, key.isPresent() ? keySource : "");
    }

    private Optional<ProviderKind> providerWithKeyInEnvironment() {
        return BY_ENVIRONMENT.stream()
                .filter(kind ->
                        variable(kind.spec().keyVariable().orElseThrow()).isPresent())
                .findFirst();
    }

    private Optional<ProviderKind> localOllama() {
        return ollamaAnswers.test(LOCAL_OLLAMA) ? Optional.of(ProviderKind.OLLAMA) : Optional.empty();
    }

    private Optional<String> variable(String name) {
        return Optional.ofNullable(environment.get(name)).map(String::strip).filter(v -> !v.isEmpty());
    }

    private static String noProviderMessage() {
        List<String> keys = BY_ENVIRONMENT.stream()
                .map(kind -> kind.spec().keyVariable().orElseThrow())
                .toList();
        String keyList = keys.size() == 1
                ? keys.get(0)
                : String.join(", ", keys.subList(0, keys.size() - 1)) + " or " + keys.get(keys.size() - 1);
        return "No model provider configured. Choose one of:\n"
                + "  --provider "
                + Arrays.stream(ProviderKind.values()).map(ProviderKind::id).collect(Collectors.joining("|"))
                + " (with --model, --base-url)\n"
                + "  a config file (--config FILE) naming the provider\n"
                + "  an API key in " + keyList + "\n"
                + "  a local Ollama server on " + LOCAL_OLLAMA;
    }
}
