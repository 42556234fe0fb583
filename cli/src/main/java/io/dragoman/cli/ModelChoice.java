package io.dragoman.cli;

import io.dragoman.core.llm.PriceTable;
import io.dragoman.core.llm.ProviderConfig;
import io.dragoman.core.llm.ProviderInfo;
import io.dragoman.core.llm.ProviderKind;
import io.dragoman.core.llm.setup.ConfigFile;
import io.dragoman.core.llm.setup.NoProviderException;
import io.dragoman.core.llm.setup.ProviderChoice;
import io.dragoman.core.llm.setup.ProviderResolver;
import io.dragoman.core.prompt.PromptLibrary;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * Which model to call and how to reach and price it: provider, model, base URL, config file, prompts and prices. Shared
 * by every command that calls a model; {@link ModelOptions} adds what translation needs.
 */
final class ModelChoice {

    @Option(
            names = "--provider",
            paramLabel = "P",
            converter = ProviderOption.class,
            completionCandidates = ProviderOption.class,
            description = "${COMPLETION-CANDIDATES} (default: from the config file, else the first API key set in the"
                    + " environment, else a local Ollama).")
    ProviderKind provider;

    @Option(names = "--model", paramLabel = "M", description = "The model (default: the provider's default model).")
    String model;

    @Option(
            names = "--base-url",
            paramLabel = "URL",
            description = "The API's base URL, for a proxy or a local server (OPENAI_BASE_URL is honoured too).")
    String baseUrl;

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "A JSON config file with provider, model, baseUrl and apiKey (default:"
                    + " ~/.config/dragoman/config.json when it exists).")
    Path config;

    @Option(
            names = "--prompts",
            paramLabel = "DIR",
            description = "A folder whose <task>/system.md and <task>/user.md replace the built-in prompts.")
    Path prompts;

    @Option(
            names = "--prices",
            paramLabel = "FILE",
            description = "A JSON price table that overrides the built-in prices (US dollars per million tokens).")
    Path prices;

    /**
     * The provider to use: flags, then the config file, then the environment, then a local Ollama.
     *
     * @throws io.dragoman.core.llm.setup.NoProviderException when none is configured or found
     */
    ProviderConfig resolve(
            Map<String, String> environment, java.util.function.Predicate<String> ollama, PrintWriter err) {
        ConfigFile file = configFile(environment);
        file.warnings().forEach(w -> err.println("dragoman: warning: " + w));
        ProviderChoice flags = ProviderChoice.flags(
                Optional.ofNullable(provider), Optional.ofNullable(model), Optional.ofNullable(baseUrl));
        return new ProviderResolver(environment, ollama).resolve(flags, file.choice());
    }

    /**
     * The provider and model to plan and price with, needing no key: the provider that would be used when one is
     * configured, else the one named by flags or the config file, else OpenAI; its default model unless one is named.
     */
    ProviderInfo plannedModel(
            Map<String, String> environment, java.util.function.Predicate<String> ollama, PrintWriter err) {
        try {
            return resolve(environment, ollama, err).info();
        } catch (NoProviderException e) {
            ConfigFile file = configFile(environment);
            ProviderKind kind = Optional.ofNullable(provider)
                    .or(() -> file.choice().provider())
                    .orElse(ProviderKind.OPENAI);
            String name = Optional.ofNullable(model)
                    .or(() -> file.choice().model())
                    .or(kind::defaultModel)
                    .orElseThrow(() -> new IllegalArgumentException(
                            "Name the model to estimate for with --model (" + kind.id() + " has no default)."));
            return new ProviderInfo(kind, name, kind.defaultBaseUrl().orElse(""));
        }
    }

    PromptLibrary library() {
        return prompts == null ? PromptLibrary.builtIn() : PromptLibrary.withOverrides(prompts);
    }

    /** The price table: the built-in one with {@code --prices} entries on top. */
    PriceTable prices() {
        return prices == null ? PriceTable.builtIn() : PriceTable.builtIn().overriddenBy(PriceTable.read(prices));
    }

    /** Checks that the files named exist, so that a mistake is reported before any work. */
    void validate() {
        if (prices != null && !Files.isRegularFile(prices)) {
            throw new IllegalArgumentException("The price table " + prices + " does not exist.");
        }
    }

    private ConfigFile configFile(Map<String, String> environment) {
        if (config != null) {
            if (!Files.isRegularFile(config)) {
                throw new IllegalArgumentException("The config file " + config + " does not exist.");
            }
            return ConfigFile.read(config);
        }
        return ConfigFile.defaultLocation(environment)
                .filter(Files::isRegularFile)
                .map(ConfigFile::read)
                .orElse(ConfigFile.NONE);
    }
}
