package io.dragoman.core.summary;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dragoman.core.article.CleanedArticle;
import io.dragoman.core.lang.JTokkitTokenCounter;
import io.dragoman.core.lang.LanguageDetector;
import io.dragoman.core.lang.LanguageNames;
import io.dragoman.core.lang.OpenNlpLanguageDetector;
import io.dragoman.core.lang.TokenCounter;
import io.dragoman.core.lang.Words;
import io.dragoman.core.llm.FinishReason;
import io.dragoman.core.llm.ModelFailure;
import io.dragoman.core.llm.ModelProvider;
import io.dragoman.core.llm.ModelReply;
import io.dragoman.core.llm.ModelRequest;
import io.dragoman.core.llm.PriceTable;
import io.dragoman.core.llm.ProviderKind;
import io.dragoman.core.llm.Spending;
import io.dragoman.core.prompt.PromptData;
import io.dragoman.core.prompt.PromptLibrary;
import io.dragoman.core.prompt.PromptTemplate;
import io.dragoman.core.prompt.RenderedPrompt;
import io.dragoman.core.translate.Translation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * <p>Thread-safe: one summarizer can serve many articles at once.
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
    private final PromptTemplate prompt;
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
        this.prompt = prompts.template("summarize");
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
        return prompt.version();
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
     * quotes be checked).
     *
     * @throws SummaryException when no valid summary could be had; it keeps the raw reply and what was spent
     */
    public Summary summarize(CleanedArticle article, Optional<Translation> translation) {
        Run run = new Run(article, translation);
        return run.summarize();
    }

    /**
     * The request the first attempt at an article would send, without sending it: for {@code --dry-run} and cost
     * estimates. With {@code withTranslation}, the source text stands in for the translation that is not known yet
     * (about as many tokens).
     */
    public ModelRequest plan(CleanedArticle article, boolean withTranslation) {
        Run run = new Run(article, Optional.empty());
        RenderedPrompt rendered =
                prompt.render(run.values("", withTranslation ? Optional.of(run.articleText()) : Optional.empty()));
        return new ModelRequest(
                rendered.system(),
                rendered.user(),
                settings.maxOutputTokens(),
                settings.temperature(),
                Optional.of(schema.text()));
    }

    /** One article's calls. */
    private final class Run {
        private final CleanedArticle article;
        private final Optional<Translation> translation;
        private final Spending spent = new Spending(prices, tokens);
        private String lastRaw = "";

        Run(CleanedArticle article, Optional<Translation> translation) {
            this.article = article;
            this.translation = translation;
        }

        Summary summarize() {
            ModelReply first = ask("", settings.maxOutputTokens());
            if (first.truncated()) {
                first = ask("", settings.largerOutputTokens());
            }
            Attempt attempt = check(first);
            boolean reasked = false;
            if (attempt.errors().isEmpty()) {
                return result(attempt.value(), false);
            }
            int budget = first.truncated() || attempt.truncated()
                    ? settings.largerOutputTokens()
                    : settings.maxOutputTokens();
            ModelReply second = ask(problems(attempt.errors(), first.text()), budget);
            Attempt again = check(second);
            if (!again.errors().isEmpty()) {
                String declined = second.finishReason() == FinishReason.CONTENT_FILTER
                        ? "the provider's content filter stopped the reply"
                        : "the reply did not validate against the summary schema after a re-ask";
                throw new SummaryException(
                        "Article " + article.id() + " has no summary: " + declined + ": "
                                + String.join("; ", again.errors()),
                        spent,
                        lastRaw,
                        null);
            }
            reasked = true;
            return result(again.value(), reasked);
        }

        private record Attempt(ArticleSummary value, List<String> errors, boolean truncated) {}

        private Attempt check(ModelReply reply) {
            List<String> errors = new ArrayList<>();
            if (reply.truncated()) {
                errors.add("the reply was cut off by the output limit");
            }
            Optional<String> json = JsonReply.extract(reply.text());
            if (json.isEmpty()) {
                // no quote of the reply here: the re-ask sends the whole reply inside its <previous> block, and a
                // failure keeps it as the raw reply
                errors.add(reply.text().isBlank() ? "the reply was empty" : "the reply holds no JSON object");
                return new Attempt(null, errors, reply.truncated());
            }
            JsonNode node;
            try {
                node = mapper.readTree(json.get());
            } catch (JsonProcessingException e) {
                errors.add("the reply is not valid JSON: " + e.getOriginalMessage());
                return new Attempt(null, errors, reply.truncated());
            }
            List<String> invalid = schema.validate(node);
            if (!invalid.isEmpty()) {
                errors.addAll(invalid);
                return new Attempt(null, errors, reply.truncated());
            }
            try {
                return new Attempt(mapper.treeToValue(node, ArticleSummary.class), List.of(), false);
            } catch (JsonProcessingException | IllegalArgumentException e) {
                errors.add("the reply does not fit the summary record: " + e.getMessage());
                return new Attempt(null, errors, false);
            }
        }

        private ModelReply ask(String problems, int budget) {
            RenderedPrompt rendered = prompt.render(values(problems, translation.map(Summarizer::englishText)));
            ModelRequest request = new ModelRequest(
                    rendered.system(), rendered.user(), budget, settings.temperature(), Optional.of(schema.text()));
            ModelReply reply;
            try {
                reply = model.chat(request);
            } catch (ModelFailure e) {
                throw new SummaryException(
                        "Article " + article.id() + " has no summary: " + e.getMessage(), spent, lastRaw, e);
            }
            spent.record(request, reply);
            lastRaw = reply.text();
            return reply;
        }

        private Map<String, String> values(String problems, Optional<String> english) {
            Map<String, String> values = new HashMap<>();
            values.put(
                    "sourceLanguage", LanguageNames.english(article.metadata().language()));
            values.put("article", asData(articleText()));
            values.put(
                    "translation",
                    english.map(t -> "The article's English translation, for reference:\n\n<translation>\n" + asData(t)
                                    + "\n</translation>")
                            .orElse(""));
            values.put(
                    "schema",
                    !schemaInPrompt(model.info().kind())
                            ? ""
                            : "Answer with one JSON object that validates against this JSON Schema:\n\n"
                                    + schema.text().strip());
            values.put("problems", problems);
            return values;
        }

        private String articleText() {
            StringBuilder b = new StringBuilder();
            if (!article.title().isBlank()) {
                b.append(article.title().strip()).append("\n\n");
            }
            if (article.metadata().dateline() != null) {
                b.append(article.metadata().dateline().text().strip()).append(' ');
            }
            b.append(String.join("\n\n", article.paragraphs()));
            return b.toString();
        }

        private Summary result(ArticleSummary fields, boolean reasked) {
            List<String> warnings = new ArrayList<>();
            warnings.addAll(quoteWarnings(fields));
            warnings.addAll(nameWarnings(fields));
            headlineWarning(fields).ifPresent(warnings::add);
            return new Summary(
                    article.id(),
                    fields,
                    warnings,
                    reasked,
                    spent.usage(),
                    spent.cost(),
                    spent.calls(),
                    model.info().kind(),
                    model.info().model(),
                    prompt.version(),
                    translation.isPresent());
        }

        private List<String> quoteWarnings(ArticleSummary fields) {
            if (translation.isEmpty()) {
                return List.of();
            }
            List<String> english = Words.of(englishText(translation.get()));
            List<String> warnings = new ArrayList<>();
            for (ArticleSummary.Quote q : fields.quotes()) {
                if (!QuoteMatcher.found(q.text(), english)) {
                    warnings.add("quote not found in the translation: \"" + preview(q.text()) + "\"");
                }
            }
            return warnings;
        }

        private List<String> nameWarnings(ArticleSummary fields) {
            NameMatcher source = new NameMatcher(articleText());
            Optional<NameMatcher> english = translation.map(t -> new NameMatcher(englishText(t)));
            List<String> warnings = new ArrayList<>();
            for (ArticleSummary.Person p : fields.people()) {
                boolean found = source.contains(p.name())
                        || english.map(m -> m.contains(p.name())).orElse(false);
                if (!found) {
                    warnings.add("person not named in the source: " + p.name());
                }
            }
            return warnings;
        }

        private Optional<String> headlineWarning(ArticleSummary fields) {
            if (fields.headline().isBlank()) {
                return Optional.of("the headline is empty");
            }
            // A headline alone is too short to identify reliably: judge it with the summary, then alone if unsure.
            Optional<String> language = languages.detect(fields.headline() + ". " + fields.summary());
            return language.filter(l -> !l.equals("en"))
                    .map(l -> "the headline and summary are not in English (they read as '" + l + "')");
        }
    }

    /**
     * Whether the schema also goes in the prompt: for a provider that cannot take it natively, and for local and
     * OpenAI-compatible servers, whose small models follow a schema better when they can read it and some of which
     * ignore {@code response_format}.
     */
    static boolean schemaInPrompt(ProviderKind kind) {
        return !kind.nativeJsonSchema() || kind == ProviderKind.OLLAMA || kind == ProviderKind.OPENAI_COMPATIBLE;
    }

    private static String englishText(Translation t) {
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

    /**
     * The re-ask's problem list and the previous reply. The reply goes inside {@code <previous>}; the problems are
     * Dragoman's own words, but the validator's and parser's messages can quote parts of the reply (a property name,
     * a token), so each is put on one line, cut to 200 characters and has the block tags neutralised.
     */
    private static String problems(List<String> errors, String previous) {
        StringBuilder b = new StringBuilder("Your previous answer was not a valid summary object:\n");
        for (String e : errors) {
            String line = e.replaceAll("\\s+", " ").strip();
            b.append("- ")
                    .append(asData(line.length() > 200 ? line.substring(0, 200) + "…" : line))
                    .append('\n');
        }
        b.append("\nWrite the whole JSON object again, correcting these problems. Your previous answer was:\n\n")
                .append("<previous>\n")
                .append(asData(previous.length() > 6000 ? previous.substring(0, 6000) + "…" : previous))
                .append("\n</previous>");
        return b.toString();
    }

    private static String preview(String text) {
        String t = text.strip().replaceAll("\\s+", " ");
        return t.length() > 80 ? t.substring(0, 80) + "…" : t;
    }

    private static final PromptData DATA = PromptData.standard();

    /** Article text with the prompt's own block tags neutralised, so it cannot close the block it is in. */
    static String asData(String text) {
        return DATA.escape(text);
    }
}
