package io.dragoman.cli;

import io.dragoman.core.llm.ModelProvider;
import io.dragoman.core.llm.PriceTable;
import io.dragoman.core.llm.ProviderConfig;
import io.dragoman.core.llm.ProviderInfo;
import io.dragoman.core.llm.ProviderKind;
import io.dragoman.core.llm.setup.ModelProviders;
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
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options that choose and tune the model, shared by every command that calls or plans calls; how fast requests go
 * is {@link PaceOptions}.
 */
final class ModelOptions {

    @Mixin
    ModelChoice choice = new ModelChoice();

    @Option(
            names = "--review-model",
            paramLabel = "P[:M]",
            description = "Have a second model review each chunk's translation: a provider, optionally with its model"
                    + " (openai:gpt-4.1; the translating model is fine too). Its findings go back in a repair request;"
                    + " what it still finds leaves the article needing review. Off by default.")
    String reviewModel;

    @Option(
            names = "--glossary",
            paramLabel = "FILE",
            description = "A TSV file of required renderings (source<TAB>English), added to the built-in ones.")
    Path glossary;

    @Option(
            names = "--chunk-tokens",
            paramLabel = "N",
            description = "Send at most N source tokens per call; longer articles go in chunks of whole paragraphs"
                    + " (default: ${DEFAULT-VALUE}).")
    int chunkTokens = Translator.Settings.DEFAULT.chunkTokens();

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

    /**
     * The provider to use: flags, then the config file, then the environment, then a local Ollama.
     *
     * @throws io.dragoman.core.llm.setup.NoProviderException when none is configured or found
     */
    ProviderConfig resolve(
            Map<String, String> environment, java.util.function.Predicate<String> ollama, PrintWriter err) {
        return choice.resolve(environment, ollama, err);
    }

    /** The provider and model to plan and price with, needing no key (see {@link ModelChoice#plannedModel}). */
    ProviderInfo plannedModel(
            Map<String, String> environment, java.util.function.Predicate<String> ollama, PrintWriter err) {
        return choice.plannedModel(environment, ollama, err);
    }

    PromptLibrary library() {
        return choice.library();
    }

    /** The price table: the built-in one with {@code --prices} entries on top. */
    PriceTable prices() {
        return choice.prices();
    }

    /** Checks the options that need no model, so that a mistake is reported before any work. */
    void validate() {
        if (chunkTokens < 100) {
            throw new IllegalArgumentException("--chunk-tokens must be at least 100, was " + chunkTokens);
        }
        if (glossary != null && !Files.isRegularFile(glossary)) {
            throw new IllegalArgumentException("The glossary " + glossary + " does not exist.");
        }
        choice.validate();
        if (reviewModel != null) {
            reviewInfo(); // an unknown provider, or one without a default model, is a usage error now
        }
    }

    /** The model stack for the resolved provider: retries, behind a rate limiter shared by all threads. */
    ModelProvider model(ProviderConfig config, io.dragoman.core.llm.retry.RateLimiter limiter) {
        return ModelProviders.create(config, limiter);
    }

    /** A translator on the model, with these options' prompts, glossary, prices and chunk size. */
    Translator translator(ModelProvider model) {
        Glossary userGlossary = glossary == null ? Glossary.EMPTY : Glossary.read(glossary);
        return Translator.standard(
                model,
                library(),
                userGlossary,
                choice.prices(),
                Translator.Settings.DEFAULT.withChunkTokens(chunkTokens));
    }

    /** A summarizer on the model, with these options' prompts and prices. */
    Summarizer summarizer(ModelProvider model) {
        return Summarizer.standard(model, library(), choice.prices());
    }

    /** The user's glossary from {@code --glossary}, or the empty one. */
    Glossary userGlossary() {
        return glossary == null ? Glossary.EMPTY : Glossary.read(glossary);
    }
}
