package io.dragoman.core.summary;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dragoman.core.article.CleanedArticle;
import io.dragoman.core.lang.JTokkitTokenCounter;
import io.dragoman.core.lang.LanguageDetector;
import io.dragoman.core.lang.OpenNlpLanguageDetector;
import io.dragoman.core.lang.TokenCounter;
import io.dragoman.core.llm.CallSession;
import io.dragoman.core.llm.ModelProvider;
import io.dragoman.core.llm.ModelRequest;
import io.dragoman.core.llm.PriceTable;
import io.dragoman.core.llm.ProviderInfo;
import io.dragoman.core.llm.ProviderKind;
import io.dragoman.core.llm.Spending;
import io.dragoman.core.prompt.PromptLibrary;
import io.dragoman.core.prompt.RenderedPrompt;
import io.dragoman.core.translate.Translation;
import java.util.Objects;
import java.util.Optional;

/**
 * Writes an article's structured summary with a model and makes sure it validates against the published schema.
 * The schema goes as the provider's native structured-output field where it has one, otherwise in the prompt. Each
 * reply is cleaned of Markdown fences and surrounding prose, parsed and validated; an invalid reply is re-asked once
 * with the validator's errors, a truncated one with a larger output budget; what still fails becomes a {@link
 * SummaryException} that keeps the raw reply. A valid summary then goes through semantic checks whose findings are
 * warnings: quotes must be found in the translation, people must be named in the source, the headline must be
 * English.
 *
 * <p>The work of one article is a {@link SummarySteps} machine ({@link #steps}); {@link #summarize} sends its
 * requests at once. Thread-safe: one summarizer can serve many articles at once.
 */
public final class Summarizer {

    /**
     * Sizes and sampling.
     *
     * @param maxOutputTokens the output budget of the first call
     * @param largerOutputTokens the budget after a reply was cut off by the first
     * @param temperature sampling temperature
     */
    public record Settings(int maxOutputTokens, int largerOutputTokens, double temperature) {

        /** Enough for a summary of a long article on every supported model. */
        public static final Settings DEFAULT = new Settings(2000, 4000, 0.2);

        /** Validates the sizes. */
        public Settings {
            if (maxOutputTokens <= 0 || largerOutputTokens < maxOutputTokens) {
                throw new IllegalArgumentException(
                        "Bad summary budgets: " + maxOutputTokens + " then " + largerOutputTokens);
            }
            if (!(temperature >= 0 && temperature <= 2)) {
                throw new IllegalArgumentException("Bad temperature " + temperature);
            }
        }
    }

    private final ModelProvider model;
    private final SummaryPrompts prompts;
    private final SummarySchema schema;
    private final LanguageDetector languages;
    private final TokenCounter tokens;
    private final PriceTable prices;
    private final Settings settings;
    private final ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    /**
     * @param model the model to summarise with
     * @param prompts where the {@code summarize} prompt comes from
     * @param schema the schema every summary must validate against
     * @param languages checks that the headline is English
     * @param tokens counts tokens when the provider reports none
     * @param prices prices for the cost of each call
     * @param settings budgets and sampling
     */
    public Summarizer(
            ModelProvider model,
            PromptLibrary prompts,
            SummarySchema schema,
            LanguageDetector languages,
            TokenCounter tokens,
            PriceTable prices,
            Settings settings) {
        this.model = Objects.requireNonNull(model, "model");
        this.prompts = new SummaryPrompts(prompts);
        this.schema = Objects.requireNonNull(schema, "schema");
        this.languages = Objects.requireNonNull(languages, "languages");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.prices = Objects.requireNonNull(prices, "prices");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** A summarizer with the built-in prompt, schema and prices, OpenNLP language detection and jtokkit counts. */
    public static Summarizer standard(ModelProvider model) {
        return standard(model, PromptLibrary.builtIn(), PriceTable.builtIn());
    }

    /** A summarizer with the standard parts and the given prompts and prices. */
    public static Summarizer standard(ModelProvider model, PromptLibrary prompts, PriceTable prices) {
        return standard(model, prompts, prices, new OpenNlpLanguageDetector());
    }

    /** A summarizer with the standard parts, sharing a language detector (loaded once per process). */
    public static Summarizer standard(
            ModelProvider model, PromptLibrary prompts, PriceTable prices, LanguageDetector languages) {
        return new Summarizer(
                model,
                prompts,
                SummarySchema.builtIn(),
                languages,
                JTokkitTokenCounter.o200k(),
                prices,
                Settings.DEFAULT);
    }

    /** The version of the {@code summarize} prompt this summarizer records. */
    public String promptVersion() {
        return prompts.version();
    }

    /**
     * Summarises an article from its source text.
     *
     * @throws SummaryException when no valid summary could be had; it keeps the raw reply and what was spent
     */
    public Summary summarize(CleanedArticle article) {
        return summarize(article, Optional.empty());
    }

    /**
     * Summarises an article from its source text and, when given, its English translation (which also lets the
     * quotes be checked), sending each request at once.
     *
     * @throws SummaryException when no valid summary could be had; it keeps the raw reply and what was spent
     */
    public Summary summarize(CleanedArticle article, Optional<Translation> translation) {
        return summarize(article, translation, CallSession.detached());
    }

    /**
     * As {@link #summarize(CleanedArticle, Optional)}, on behalf of an article's call session (which decides whether
     * the call cache may answer, counts what was paid and hears of each call).
     *
     * @throws SummaryException when no valid summary could be had; it keeps the raw reply and what was spent
     */
    public Summary summarize(CleanedArticle article, Optional<Translation> translation, CallSession session) {
        return steps(article, translation).runOnline(model, session);
    }

    /**
     * The article's summary as steps, for an executor that sends the requests itself; {@link #summarize} is the
     * online loop over them.
     */
    public SummarySteps steps(CleanedArticle article, Optional<Translation> translation) {
        return new SummarySteps(this, article, translation, new Spending(prices, tokens));
    }

    /**
     * The request the first attempt at an article would send, without sending it: for {@code --dry-run} and cost
     * estimates. With {@code withTranslation}, the source text stands in for the translation that is not known yet
     * (about as many tokens).
     */
    public ModelRequest plan(CleanedArticle article, boolean withTranslation) {
        RenderedPrompt rendered = prompts.render(
                article,
                withTranslation ? Optional.of(SummaryPrompts.articleText(article)) : Optional.empty(),
                schemaText(),
                Optional.empty());
        return new ModelRequest(
                rendered.system(),
                rendered.user(),
                settings.maxOutputTokens(),
                settings.temperature(),
                Optional.of(schema.sent()));
    }

    SummaryPrompts prompts() {
        return prompts;
    }

    Settings settings() {
        return settings;
    }

    SummarySchema schema() {
        return schema;
    }

    ObjectMapper mapper() {
        return mapper;
    }

    LanguageDetector languages() {
        return languages;
    }

    ProviderInfo info() {
        return model.info();
    }

    /** The schema's text when it goes in the prompt for this model's provider, else empty. */
    Optional<String> schemaText() {
        return schemaInPrompt(model.info().kind()) ? Optional.of(schema.sent()) : Optional.empty();
    }

    /**
     * Whether the schema also goes in the prompt: for a provider that cannot take it natively, and for local and
     * OpenAI-compatible servers, whose small models follow a schema better when they can read it and some of which
     * ignore {@code response_format}.
     */
    static boolean schemaInPrompt(ProviderKind kind) {
        return kind.spec().schemaInPrompt();
    }

    static String englishText(Translation t) {
        StringBuilder b = new StringBuilder();
        if (!t.title().isBlank()) {
            b.append(t.title()).append("\n\n");
        }
        if (!t.dateline().isBlank()) {
            b.append(t.dateline()).append(' ');
        }
        b.append(String.join("\n\n", t.paragraphs()));
        return b.toString();
    }
}
