package io.dragoman.core.translate;

import io.dragoman.core.article.CleanedArticle;
import io.dragoman.core.lang.JTokkitTokenCounter;
import io.dragoman.core.lang.LanguageDetector;
import io.dragoman.core.lang.LanguageNames;
import io.dragoman.core.lang.OpenNlpLanguageDetector;
import io.dragoman.core.lang.OpenNlpSentenceSplitter;
import io.dragoman.core.lang.TokenCounter;
import io.dragoman.core.llm.CallSession;
import io.dragoman.core.llm.ModelProvider;
import io.dragoman.core.llm.ModelRequest;
import io.dragoman.core.llm.ModelSteps;
import io.dragoman.core.llm.PriceTable;
import io.dragoman.core.llm.ProviderInfo;
import io.dragoman.core.llm.Spending;
import io.dragoman.core.prompt.PromptLibrary;
import io.dragoman.core.prompt.RenderedPrompt;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Translates a cleaned article into English, paragraph by paragraph. The whole article goes in one call when it fits
 * the chunk budget, otherwise in chunks of whole paragraphs, each with the title, the end of the previous chunk's
 * translation and the glossary entries that occur in it. Every reply is checked ({@link TranslationChecks}); a chunk
 * that fails a check is sent back once with the reasons, a truncated chunk is split in two instead, and what still
 * fails is reported on the result, or fails the article when the translation cannot be aligned.
 *
 * <p>The work of one article is a {@link TranslationSteps} machine ({@link #steps}); {@link #translate} sends its
 * requests at once. Thread-safe: one translator can serve many articles at once.
 */
public final class Translator {

    /**
     * Sizes and sampling.
     *
     * @param chunkTokens the most source tokens sent in one call
     * @param outputFactor the output budget as a multiple of a chunk's source tokens (English output is rarely longer
     *     than German input; twice leaves room for markers and other languages)
     * @param minOutputTokens the smallest output budget sent
     * @param maxOutputTokens the largest output budget sent (the model's own output limit must be at least this)
     * @param temperature sampling temperature; low for faithful translation
     * @param contextChars at most this many characters of the previous chunk's translation are sent as context
     */
    public record Settings(
            int chunkTokens,
            double outputFactor,
            int minOutputTokens,
            int maxOutputTokens,
            double temperature,
            int contextChars) {

        /** Defaults that fit every supported provider's current models. */
        public static final Settings DEFAULT = new Settings(2500, 2.0, 512, 8192, 0.2, 1500);

        /** Validates the sizes. */
        public Settings {
            if (chunkTokens < 16 || minOutputTokens <= 0 || maxOutputTokens < minOutputTokens || outputFactor < 1) {
                throw new IllegalArgumentException("Inconsistent translation settings: chunkTokens " + chunkTokens
                        + ", output " + minOutputTokens + "–" + maxOutputTokens + ", factor " + outputFactor);
            }
            if (!(temperature >= 0 && temperature <= 2) || contextChars < 0) {
                throw new IllegalArgumentException(
                        "Bad temperature " + temperature + " or context size " + contextChars);
            }
        }

        /** These settings with another chunk budget. */
        public Settings withChunkTokens(int tokens) {
            return new Settings(tokens, outputFactor, minOutputTokens, maxOutputTokens, temperature, contextChars);
        }
    }

    private final ModelProvider model;
    private final PromptLibrary library;
    private final TranslationPrompts prompts;
    private final Chunker chunker;
    private final TokenCounter tokens;
    private final List<TranslationCheck> checks;
    private final Glossary glossary;
    private final PriceTable prices;
    private final Settings settings;
    private final Optional<Reviewer> reviewer;

    /**
     * @param model the model to translate with
     * @param prompts where the {@code translate} and {@code repair} prompts come from
     * @param chunker cuts articles into chunks
     * @param tokens counts tokens for output budgets, and for usage when the provider reports none
     * @param checks the checks every chunk must pass
     * @param glossary the user's glossary, added to the built-in one of each article's source
     * @param prices prices for the cost of each call
     * @param settings sizes and sampling
     * @throws IllegalArgumentException when a prompt is missing
     */
    public Translator(
            ModelProvider model,
            PromptLibrary prompts,
            Chunker chunker,
            TokenCounter tokens,
            List<TranslationCheck> checks,
            Glossary glossary,
            PriceTable prices,
            Settings settings) {
        this(model, prompts, chunker, tokens, checks, glossary, prices, settings, Optional.empty());
    }

    private Translator(
            ModelProvider model,
            PromptLibrary prompts,
            Chunker chunker,
            TokenCounter tokens,
            List<TranslationCheck> checks,
            Glossary glossary,
            PriceTable prices,
            Settings settings,
            Optional<Reviewer> reviewer) {
        this.library = Objects.requireNonNull(prompts, "prompts");
        this.reviewer = Objects.requireNonNull(reviewer, "reviewer");
        this.model = Objects.requireNonNull(model, "model");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.prompts = new TranslationPrompts(prompts, settings.contextChars());
        this.chunker = Objects.requireNonNull(chunker, "chunker");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.checks = List.copyOf(checks);
        this.glossary = Objects.requireNonNull(glossary, "glossary");
        this.prices = Objects.requireNonNull(prices, "prices");
    }

    /**
     * A translator with the standard parts: the built-in prompts, OpenAI's o200k tokenizer for sizes, OpenNLP's
     * German sentence model for over-long paragraphs, every standard check, no user glossary, the built-in prices.
     */
    public static Translator standard(ModelProvider model) {
        return standard(model, PromptLibrary.builtIn(), Glossary.EMPTY, PriceTable.builtIn(), Settings.DEFAULT);
    }

    /** A translator with the standard tokenizer, sentence splitter and checks, and the given parts. */
    public static Translator standard(
            ModelProvider model, PromptLibrary prompts, Glossary glossary, PriceTable prices, Settings settings) {
        return standard(model, prompts, glossary, prices, settings, new OpenNlpLanguageDetector());
    }

    /**
     * A translator with the standard tokenizer, sentence splitter and checks, sharing a language detector (its model
     * takes a second to load, so one process should load it once).
     */
    public static Translator standard(
            ModelProvider model,
            PromptLibrary prompts,
            Glossary glossary,
            PriceTable prices,
            Settings settings,
            LanguageDetector languages) {
        TokenCounter tokens = JTokkitTokenCounter.o200k();
        return new Translator(
                model,
                prompts,
                new Chunker(tokens, OpenNlpSentenceSplitter.german()),
                tokens,
                TranslationChecks.standard(languages),
                glossary,
                prices,
                settings);
    }

    /**
     * This translator with a second model reviewing each chunk's translation ({@link Reviewer}): its findings are
     * sent back in a repair request, and what it still finds leaves the article for review.
     */
    public Translator withReviewer(Reviewer reviewer) {
        return new Translator(
                model, library, chunker, tokens, checks, glossary, prices, settings, Optional.of(reviewer));
    }

    /** The reviewer, when there is one. */
    public Optional<Reviewer> reviewer() {
        return reviewer;
    }

    /** The prompt versions this translator records, by task. */
    public Map<String, String> promptVersions() {
        return prompts.versions();
    }

    /**
     * Translates an article, sending each request at once.
     *
     * @throws TranslationException when the article cannot be translated; it carries the reason and what was spent
     */
    public Translation translate(CleanedArticle article) {
        return translate(article, CallSession.detached());
    }

    /**
     * Translates an article, sending each request at once on behalf of an article's call session (which decides
     * whether the call cache may answer, counts what was paid and hears of each call).
     *
     * @throws TranslationException when the article cannot be translated; it carries the reason and what was spent
     */
    public Translation translate(CleanedArticle article, CallSession session) {
        return steps(article).runOnline(this::modelFor, session);
    }

    /** The model a step's request goes to. */
    ModelProvider modelFor(ModelSteps.Role role) {
        return role == ModelSteps.Role.REVIEWER ? reviewer.orElseThrow().model() : model;
    }

    /**
     * Asks again for the doubtful parts of an earlier translation: each chunk of {@code earlier} is checked as if it
     * had just been the reply, and a chunk with findings gets the repair request with them; a chunk without findings
     * is kept as it is, with no call. A chunk that cannot be rebuilt from {@code earlier} (a paragraph that was sent
     * in parts) is translated afresh.
     *
     * @throws TranslationException when the article cannot be translated; it carries the reason and what was spent
     */
    public Translation repair(CleanedArticle article, Translation earlier, CallSession session) {
        return steps(article, Optional.of(earlier)).runOnline(this::modelFor, session);
    }

    /**
     * The article's translation as steps, for an executor that sends the requests itself (all at once, as a
     * provider's batch job, or from another engine); {@link #translate} is the online loop over them.
     */
    public TranslationSteps steps(CleanedArticle article) {
        return steps(article, Optional.empty());
    }

    /** The steps of {@link #repair} when {@code earlier} is given, else of {@link #translate}. */
    public TranslationSteps steps(CleanedArticle article, Optional<Translation> earlier) {
        return new TranslationSteps(
                this,
                article,
                chunker.chunks(article, settings.chunkTokens()),
                glossary,
                new Spending(prices, tokens),
                earlier);
    }

    /**
     * The requests the first attempt at an article would send, one per chunk, without sending anything: for {@code
     * --dry-run} and cost estimates. A later chunk's context holds its previous chunk's source text in place of the
     * translation that is not known yet (about as many tokens); repairs and splits are not included.
     */
    public List<ModelRequest> plan(CleanedArticle article) {
        Glossary articleGlossary = Glossary.builtIn(article.metadata().source()).with(glossary);
        String sourceLanguage = LanguageNames.english(article.metadata().language());
        List<ModelRequest> requests = new ArrayList<>();
        String previous = "";
        for (Chunk chunk : chunker.chunks(article, settings.chunkTokens())) {
            List<Glossary.Entry> terms = articleGlossary.occurringIn(chunk.sourceText());
            RenderedPrompt prompt = prompts.first(article, sourceLanguage, chunk, terms, previous);
            requests.add(new ModelRequest(
                    prompt.system(), prompt.user(), outputBudget(chunk), settings.temperature(), Optional.empty()));
            previous = chunk.sourceText();
        }
        return requests;
    }

    /**
     * The review requests a first attempt would send, one per chunk, each with the source standing in for the
     * translation not known yet (about as many tokens): for estimates. Empty without a reviewer.
     */
    public List<ModelRequest> planReviews(CleanedArticle article) {
        if (reviewer.isEmpty()) {
            return List.of();
        }
        String sourceLanguage = LanguageNames.english(article.metadata().language());
        List<ModelRequest> requests = new ArrayList<>();
        for (Chunk chunk : chunker.chunks(article, settings.chunkTokens())) {
            StringBuilder asReply = new StringBuilder();
            for (int i = 0; i < chunk.units().size(); i++) {
                asReply.append('[')
                        .append(chunk.markers().get(i))
                        .append("] ")
                        .append(chunk.units().get(i).text())
                        .append("\n\n");
            }
            ChunkReply standIn = new ChunkReply(
                    chunk, MarkedReply.parse(asReply.toString()), io.dragoman.core.llm.FinishReason.STOP, List.of());
            requests.add(reviewer.get().request(reviewer.get().prompt(sourceLanguage, chunk, standIn)));
        }
        return requests;
    }

    TranslationPrompts prompts() {
        return prompts;
    }

    Settings settings() {
        return settings;
    }

    List<TranslationCheck> checks() {
        return checks;
    }

    ProviderInfo info() {
        return model.info();
    }

    int outputBudget(Chunk chunk) {
        int source = tokens.count(chunk.sourceText());
        long wanted = (long) Math.ceil(source * settings.outputFactor())
                + 8L * chunk.units().size()
                + 64;
        return (int) Math.max(settings.minOutputTokens(), Math.min(settings.maxOutputTokens(), wanted));
    }

    static String key(Unit u) {
        return switch (u.kind()) {
            case TITLE -> "T";
            case DATELINE -> "D";
            case BODY -> u.paragraph() + "." + u.part();
        };
    }

    /** Text with the prompt's block tags neutralised (see {@link TranslationPrompts#asData}). */
    static String asData(String text) {
        return TranslationPrompts.asData(text);
    }
}
