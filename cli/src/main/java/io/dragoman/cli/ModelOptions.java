package io.dragoman.cli;

import io.dragoman.core.llm.ModelProvider;
import io.dragoman.core.llm.PriceTable;
import io.dragoman.core.llm.ProviderConfig;
import io.dragoman.core.llm.ProviderInfo;
import io.dragoman.core.llm.ProviderKind;
import io.dragoman.core.llm.setup.ConfigFile;
import io.dragoman.core.llm.setup.ModelProviders;
import io.dragoman.core.llm.setup.NoProviderException;
import io.dragoman.core.llm.setup.ProviderChoice;
import io.dragoman.core.llm.setup.ProviderResolver;
import io.dragoman.core.prompt.PromptLibrary;
import io.dragoman.core.summary.Summarizer;
import io.dragoman.core.translate.Glossary;
import io.dragoman.core.translate.Translator;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The options that choose and tune the model, shared by every command that calls or plans calls; how fast requests go
 * is {@link PaceOptions}.
 */
final class ModelOptions {

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
            names = "--review-model",
            paramLabel = "P[:M]",
            description = "Have a second model review each chunk's translation: a provider, optionally with its model"
                    + " (openai:gpt-4.1; the translating model is fine too). Its findings go back in a repair request;"
                    + " what it still finds leaves the article needing review. Off by default.")
    String reviewModel;

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
            names = "--glossary",
            paramLabel = "FILE",
            description = "A TSV file of required renderings (source<TAB>English), added to the built-in ones.")
    Path glossary;

    @Option(
            names = "--prices",
            paramLabel = "FILE",
            description = "A JSON price table that overrides the built-in prices (US dollars per million tokens).")
    Path prices;

    @Option(
            names = "--chunk-tokens",
            paramLabel = "N",
            description = "Send at most N source tokens per call; longer articles go in chunks of whole paragraphs"
                    + " (default: ${DEFAULT-VALUE}).")
    int chunkTokens = Translator.Settings.DEFAULT.chunkTokens();

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
     * The reviewing model's provider, when {@code --review-model} names one: its key and address come from the
     * environment as for any provider, or, for the translating provider, its {@code --base-url}.
     *
     * @throws io.dragoman.core.llm.setup.NoProviderException when its key is missing
     */
    Optional<ProviderConfig> reviewer(
            Map<String, String> environment, java.util.function.Predicate<String> ollama, ProviderConfig main) {
        if (reviewModel == null) {
            return Optional.empty();
        }
        ProviderInfo named = reviewInfo();
        Optional<String> url = named.kind() == main.kind() ? Optional.of(main.baseUrl()) : Optional.empty();
        ProviderChoice flags = ProviderChoice.flags(Optional.of(named.kind()), Optional.of(named.model()), url);
        return Optional.of(new ProviderResolver(environment, ollama).resolve(flags, ProviderChoice.NONE));
    }

    /** The provider and model {@code --review-model} names, its model defaulting to the provider's; none when unset. */
    Optional<ProviderInfo> plannedReviewer() {
        return reviewModel == null ? Optional.empty() : Optional.of(reviewInfo());
    }

    private ProviderInfo reviewInfo() {
        String[] parts = reviewModel.split(":", 2);
        ProviderKind kind = ProviderKind.fromId(parts[0]);
        String name = parts.length > 1 && !parts[1].isBlank()
                ? parts[1].strip()
                : kind.defaultModel()
                        .orElseThrow(() -> new IllegalArgumentException("--review-model " + reviewModel + ": "
                                + kind.id() + " has no default model; name it as " + kind.id() + ":MODEL."));
        return new ProviderInfo(kind, name, kind.defaultBaseUrl().orElse(""));
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

    /** Checks the options that need no model, so that a mistake is reported before any work. */
    void validate() {
        if (chunkTokens < 100) {
            throw new IllegalArgumentException("--chunk-tokens must be at least 100, was " + chunkTokens);
        }
        if (glossary != null && !Files.isRegularFile(glossary)) {
            throw new IllegalArgumentException("The glossary " + glossary + " does not exist.");
        }
        if (prices != null && !Files.isRegularFile(prices)) {
            throw new IllegalArgumentException("The price table " + prices + " does not exist.");
        }
        if (reviewModel != null) {
            reviewInfo(); // an unknown provider, or one without a default model, is a usage error now
        }
    }

    /** The model stack for the resolved provider: retries, and the pace's rate limits shared by all threads. */
    ModelProvider model(ProviderConfig config, PaceOptions pace) {
        return ModelProviders.create(config, pace.limits());
    }

    /** A translator on the model, with these options' prompts, glossary, prices and chunk size. */
    Translator translator(ModelProvider model) {
        Glossary userGlossary = glossary == null ? Glossary.EMPTY : Glossary.read(glossary);
        return Translator.standard(
                model, library(), userGlossary, priceTable(), Translator.Settings.DEFAULT.withChunkTokens(chunkTokens));
    }

    /** A summarizer on the model, with these options' prompts and prices. */
    Summarizer summarizer(ModelProvider model) {
        return Summarizer.standard(model, library(), priceTable());
    }

    PromptLibrary library() {
        return prompts == null ? PromptLibrary.builtIn() : PromptLibrary.withOverrides(prompts);
    }

    private PriceTable priceTable() {
        return prices == null ? PriceTable.builtIn() : PriceTable.builtIn().overriddenBy(PriceTable.read(prices));
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

    /** The price table: the built-in one with {@code --prices} entries on top. */
    PriceTable prices() {
        return priceTable();
    }

    /** The user's glossary from {@code --glossary}, or the empty one. */
    Glossary userGlossary() {
        return glossary == null ? Glossary.EMPTY : Glossary.read(glossary);
    }
}
