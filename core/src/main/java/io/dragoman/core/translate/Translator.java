package io.dragoman.core.translate;

import io.dragoman.core.article.CleanedArticle;
import io.dragoman.core.lang.JTokkitTokenCounter;
import io.dragoman.core.lang.LanguageDetector;
import io.dragoman.core.lang.LanguageNames;
import io.dragoman.core.lang.OpenNlpLanguageDetector;
import io.dragoman.core.lang.OpenNlpSentenceSplitter;
import io.dragoman.core.lang.TokenCounter;
import io.dragoman.core.llm.ModelFailure;
import io.dragoman.core.llm.ModelProvider;
import io.dragoman.core.llm.ModelReply;
import io.dragoman.core.llm.ModelRequest;
import io.dragoman.core.llm.PriceTable;
import io.dragoman.core.llm.Spending;
import io.dragoman.core.prompt.PromptData;
import io.dragoman.core.prompt.PromptLibrary;
import io.dragoman.core.prompt.PromptTemplate;
import io.dragoman.core.prompt.RenderedPrompt;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Translates a cleaned article into English, paragraph by paragraph. The whole article goes in one call when it fits
 * the chunk budget, otherwise in chunks of whole paragraphs, each with the title, the end of the previous chunk's
 * translation and the glossary entries that occur in it. Every reply is checked ({@link TranslationChecks}); a chunk
 * that fails a check is sent back once with the reasons, a truncated chunk is split in two instead, and what still
 * fails is reported on the result, or fails the article when the translation cannot be aligned.
 *
 * <p>Thread-safe: one translator can serve many articles at once.
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

    private static final PromptData DATA = PromptData.standard();

    private final ModelProvider model;
    private final PromptTemplate translate;
    private final PromptTemplate repair;
    private final Chunker chunker;
    private final TokenCounter tokens;
    private final List<TranslationCheck> checks;
    private final Glossary glossary;
    private final PriceTable prices;
    private final Settings settings;

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
        this.model = Objects.requireNonNull(model, "model");
        this.translate = prompts.template("translate");
        this.repair = prompts.template("repair");
        this.chunker = Objects.requireNonNull(chunker, "chunker");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.checks = List.copyOf(checks);
        this.glossary = Objects.requireNonNull(glossary, "glossary");
        this.prices = Objects.requireNonNull(prices, "prices");
        this.settings = Objects.requireNonNull(settings, "settings");
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

    /** The prompt versions this translator records, by task. */
    public Map<String, String> promptVersions() {
        return Map.of("translate", translate.version(), "repair", repair.version());
    }

    /**
     * Translates an article.
     *
     * @throws TranslationException when the article cannot be translated; it carries the reason and what was spent
     */
    public Translation translate(CleanedArticle article) {
        Run run = new Run(article);
        List<Chunk> chunks = chunker.chunks(article, settings.chunkTokens());
        String previous = "";
        for (Chunk chunk : chunks) {
            previous = run.chunk(chunk, previous);
        }
        return run.result(chunks.size());
    }

    /**
     * The requests the first attempt at an article would send, one per chunk, without sending anything: for {@code
     * --dry-run} and cost estimates. A later chunk's context holds its previous chunk's source text in place of the
     * translation that is not known yet (about as many tokens); repairs and splits are not included.
     */
    public List<ModelRequest> plan(CleanedArticle article) {
        Run run = new Run(article);
        List<ModelRequest> requests = new ArrayList<>();
        String previous = "";
        for (Chunk chunk : chunker.chunks(article, settings.chunkTokens())) {
            List<Glossary.Entry> terms = run.articleGlossary.occurringIn(chunk.sourceText());
            RenderedPrompt prompt = run.render(translate, chunk, terms, previous, Map.of());
            requests.add(new ModelRequest(
                    prompt.system(), prompt.user(), outputBudget(chunk), settings.temperature(), Optional.empty()));
            previous = chunk.sourceText();
        }
        return requests;
    }

    /** A reply, checked, with its raw text for a repair request. */
    private record Attempt(ChunkReply reply, String raw) {}

    /** The state of one article's translation. */
    private final class Run {
        private final CleanedArticle article;
        private final Glossary articleGlossary;
        private final String sourceLanguage;
        private final Map<String, String> englishByUnit = new LinkedHashMap<>();
        private final Map<String, List<String>> firstFailures = new LinkedHashMap<>();
        private final Map<String, List<String>> remaining = new LinkedHashMap<>();
        private final Map<String, String> versions = new TreeMap<>();
        private final Spending spent = new Spending(prices, tokens);

        Run(CleanedArticle article) {
            this.article = article;
            this.articleGlossary = Glossary.builtIn(article.metadata().source()).with(glossary);
            this.sourceLanguage = LanguageNames.english(article.metadata().language());
        }

        /** Translates a chunk and returns its English text, for the next chunk's context. */
        String chunk(Chunk chunk, String previous) {
            List<Glossary.Entry> terms = articleGlossary.occurringIn(chunk.sourceText());
            int budget = outputBudget(chunk);
            Attempt first = ask(render(translate, chunk, terms, previous, Map.of()), chunk, terms, budget);
            Map<String, String> failed = failures(first.reply());
            if (failed.containsKey("truncated")) {
                if (chunk.units().size() > 1) {
                    noteFirstFailure("truncated", failed.get("truncated"));
                    List<Chunk> halves = chunk.halves();
                    String head = chunk(halves.get(0), previous);
                    String tail = chunk(halves.get(1), head);
                    return head + "\n\n" + tail;
                }
                int larger = Math.min(settings.maxOutputTokens(), budget * 2);
                if (larger > budget) {
                    noteFirstFailure("truncated", failed.get("truncated"));
                    budget = larger;
                    first = ask(render(translate, chunk, terms, previous, Map.of()), chunk, terms, budget);
                    failed = failures(first.reply());
                }
            }
            ChunkReply chosen = first.reply();
            if (!failed.isEmpty()) {
                failed.forEach(this::noteFirstFailure);
                Map<String, String> repairValues =
                        Map.of("problems", problemList(failed), "previous", asData(first.raw()));
                Attempt second = ask(render(repair, chunk, terms, previous, repairValues), chunk, terms, budget);
                Map<String, String> stillFailed = failures(second.reply());
                boolean firstUsable = failed.keySet().stream().noneMatch(this::fatal);
                boolean secondUsable = stillFailed.keySet().stream().noneMatch(this::fatal);
                if (secondUsable || !firstUsable) {
                    chosen = second.reply();
                } else {
                    stillFailed = failed;
                }
                stillFailed.forEach((check, message) ->
                        remaining.computeIfAbsent(check, k -> new ArrayList<>()).add(message));
                if (stillFailed.keySet().stream().anyMatch(this::fatal)) {
                    throw failure(chosen, stillFailed);
                }
            }
            List<String> markers = chunk.markers();
            for (int i = 0; i < chunk.units().size(); i++) {
                englishByUnit.put(key(chunk.units().get(i)), chosen.reply().text(markers.get(i)));
            }
            return chosen.englishText();
        }

        private Attempt ask(RenderedPrompt prompt, Chunk chunk, List<Glossary.Entry> terms, int budget) {
            versions.put(prompt.task(), prompt.version());
            ModelRequest request =
                    new ModelRequest(prompt.system(), prompt.user(), budget, settings.temperature(), Optional.empty());
            ModelReply reply;
            try {
                reply = model.chat(request);
            } catch (ModelFailure e) {
                throw new TranslationException(
                        "Article " + article.id() + " could not be translated: " + e.getMessage(), spent, results(), e);
            }
            spent.record(request, reply);
            return new Attempt(
                    new ChunkReply(chunk, MarkedReply.parse(reply.text()), reply.finishReason(), terms), reply.text());
        }

        private Map<String, String> failures(ChunkReply reply) {
            Map<String, String> failed = new LinkedHashMap<>();
            for (TranslationCheck check : checks) {
                check.check(reply).ifPresent(message -> failed.put(check.name(), message));
            }
            return failed;
        }

        private boolean fatal(String checkName) {
            return checks.stream()
                    .anyMatch(c -> c.name().equals(checkName) && c.severity() == TranslationCheck.Severity.FAILURE);
        }

        private void noteFirstFailure(String check, String message) {
            firstFailures.computeIfAbsent(check, k -> new ArrayList<>()).add(message);
        }

        private TranslationException failure(ChunkReply reply, Map<String, String> failed) {
            String reasons = String.join(
                    " ",
                    failed.entrySet().stream()
                            .filter(e -> fatal(e.getKey()))
                            .map(e -> e.getKey() + ": " + e.getValue())
                            .toList());
            return new TranslationException(
                    "Article " + article.id() + " could not be translated after a repair request (chunk "
                            + (reply.chunk().index() + 1) + "): " + reasons,
                    spent,
                    results(),
                    null);
        }

        private List<CheckResult> results() {
            List<CheckResult> results = new ArrayList<>();
            for (TranslationCheck check : checks) {
                String name = check.name();
                if (remaining.containsKey(name)) {
                    results.add(new CheckResult(
                            name,
                            fatal(name) ? CheckResult.Status.FAILED : CheckResult.Status.WARNING,
                            remaining.get(name)));
                } else if (firstFailures.containsKey(name)) {
                    results.add(new CheckResult(name, CheckResult.Status.REPAIRED, firstFailures.get(name)));
                } else {
                    results.add(new CheckResult(name, CheckResult.Status.PASSED, List.of()));
                }
            }
            return results;
        }

        Translation result(int chunkCount) {
            String title = "";
            String dateline = "";
            Map<Integer, StringBuilder> body = new TreeMap<>();
            for (Map.Entry<String, String> e : englishByUnit.entrySet()) {
                String key = e.getKey();
                if (key.equals("T")) {
                    title = e.getValue();
                } else if (key.equals("D")) {
                    dateline = e.getValue();
                } else {
                    int paragraph = Integer.parseInt(key.substring(0, key.indexOf('.')));
                    StringBuilder b = body.computeIfAbsent(paragraph, k -> new StringBuilder());
                    if (!b.isEmpty()) {
                        b.append(' ');
                    }
                    b.append(e.getValue());
                }
            }
            List<String> paragraphs =
                    body.values().stream().map(StringBuilder::toString).toList();
            if (paragraphs.size() != article.paragraphs().size()) {
                throw new IllegalStateException("Translated " + paragraphs.size() + " of "
                        + article.paragraphs().size() + " paragraphs of " + article.id());
            }
            return new Translation(
                    article.id(),
                    title,
                    dateline,
                    paragraphs,
                    results(),
                    spent.usage(),
                    spent.cost(),
                    spent.calls(),
                    chunkCount,
                    model.info().kind(),
                    model.info().model(),
                    versions);
        }

        private RenderedPrompt render(
                PromptTemplate template,
                Chunk chunk,
                List<Glossary.Entry> terms,
                String previous,
                Map<String, String> extra) {
            Map<String, String> values = new LinkedHashMap<>(extra);
            values.put("sourceLanguage", sourceLanguage);
            values.put("unitCount", Integer.toString(chunk.units().size()));
            values.put("source", marked(chunk));
            values.put("glossary", glossaryBlock(terms));
            values.put("context", contextBlock(chunk, previous));
            return template.render(values);
        }

        /**
         * The context of a later chunk, all of it inside one {@code <context>} block: the article's title when the
         * chunk does not carry it, and the end of the previous chunk's translation.
         */
        private String contextBlock(Chunk chunk, String previous) {
            if (chunk.index() == 0 && previous.isEmpty()) {
                return "";
            }
            boolean title =
                    !article.title().isBlank() && chunk.units().stream().noneMatch(u -> u.kind() == Unit.Kind.TITLE);
            if (!title && previous.isEmpty()) {
                return "";
            }
            StringBuilder b =
                    new StringBuilder("For context only (already translated; do not translate it again):\n<context>\n");
            if (title) {
                b.append("The article's title is: ")
                        .append(asData(oneLine(article.title().strip())))
                        .append('\n');
            }
            if (!previous.isEmpty()) {
                String tail = previous.length() <= settings.contextChars()
                        ? previous
                        : "…" + previous.substring(previous.length() - settings.contextChars());
                b.append("The translation of the text just before this part ends:\n")
                        .append(asData(tail))
                        .append('\n');
            }
            return b.append("</context>").toString();
        }
    }

    private int outputBudget(Chunk chunk) {
        int source = tokens.count(chunk.sourceText());
        long wanted = (long) Math.ceil(source * settings.outputFactor())
                + 8L * chunk.units().size()
                + 64;
        return (int) Math.max(settings.minOutputTokens(), Math.min(settings.maxOutputTokens(), wanted));
    }

    private static String key(Unit u) {
        return switch (u.kind()) {
            case TITLE -> "T";
            case DATELINE -> "D";
            case BODY -> u.paragraph() + "." + u.part();
        };
    }

    private static String marked(Chunk chunk) {
        StringBuilder b = new StringBuilder();
        List<String> markers = chunk.markers();
        for (int i = 0; i < markers.size(); i++) {
            if (i > 0) {
                b.append("\n\n");
            }
            b.append('[')
                    .append(markers.get(i))
                    .append("] ")
                    .append(asData(oneLine(chunk.units().get(i).text())));
        }
        return b.toString();
    }

    /**
     * Text as it may appear inside a prompt's delimited data block: an opening or closing tag of one of the blocks
     * ({@code <article>}, {@code <context>}, {@code <previous>}, {@code <translation>}) gets its angle brackets
     * replaced by look-alike quotation marks, so article text cannot end the block it is in.
     */
    static String asData(String text) {
        return DATA.escape(text);
    }

    private static final Pattern LINE_BREAKS = Pattern.compile("[\\r\\n\\u0085\\u2028\\u2029]+");

    /**
     * A unit's text on one line, so that nothing in it can start a line of its own that looks like a paragraph
     * marker ({@code [3]}, {@code [T]}) to the model.
     */
    static String oneLine(String text) {
        return LINE_BREAKS.matcher(text).replaceAll(" ");
    }

    private static String glossaryBlock(List<Glossary.Entry> terms) {
        if (terms.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder("Glossary (use these renderings exactly):");
        for (Glossary.Entry e : terms) {
            b.append("\n- ").append(e.source()).append(" → ").append(e.target());
        }
        return b.toString();
    }

    private static String problemList(Map<String, String> failed) {
        StringBuilder b = new StringBuilder();
        // a message can quote the reply (the preamble check does): keep it on one line with the block tags neutralised
        failed.forEach((check, message) ->
                b.append("- ").append(asData(oneLine(message))).append('\n'));
        return b.toString().strip();
    }
}
