package io.dragoman.bench;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import io.dragoman.core.article.ArticleId;
import io.dragoman.core.article.ArticleMetadata;
import io.dragoman.core.article.CleanedArticle;
import io.dragoman.core.article.Dateline;
import io.dragoman.core.lang.JTokkitTokenCounter;
import io.dragoman.core.lang.OpenNlpLanguageDetector;
import io.dragoman.core.llm.FinishReason;
import io.dragoman.core.llm.ModelProvider;
import io.dragoman.core.llm.ModelReply;
import io.dragoman.core.llm.ModelRequest;
import io.dragoman.core.llm.PriceTable;
import io.dragoman.core.llm.ProviderInfo;
import io.dragoman.core.llm.ProviderKind;
import io.dragoman.core.llm.Usage;
import io.dragoman.core.prompt.PromptLibrary;
import io.dragoman.core.summary.Summarizer;
import io.dragoman.core.testing.LocalNews;
import io.dragoman.core.testing.StandInReplies;
import io.dragoman.core.testing.SyntheticNews;
import io.dragoman.core.translate.Glossary;
import io.dragoman.core.translate.Translation;
import io.dragoman.core.translate.Translator;
import java.io.PrintStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What an article's model requests cost in tokens and dollars: the real {@link Translator} and {@link Summarizer}
 * (built-in prompts) send every request of 1,000 synthetic German articles of news length to an in-process stand-in
 * model, which answers with the faithful English of each paragraph and a valid summary, so every check passes and an
 * article takes exactly the requests a healthy model causes. Every token is counted the same way (jtokkit {@code
 * o200k_base}): prompt tokens are everything a request sends (system message, user message, and the JSON schema when it
 * goes as the provider's structured output), source tokens the cleaned title, dateline and paragraphs.
 *
 * <p>The articles: article {@code n} joins the paragraphs of two to nine consecutive {@link LocalNews} articles under
 * the first one's title and dateline, 250 to 1,400 source tokens (the seeds are about 700). The stand-in knows the
 * English of every paragraph it was built from, and every check passes on it, so an article takes its translation and
 * its summary request and nothing else; a repair or re-ask would show as a row of its own.
 *
 * <p>Costs per article use the built-in price table, each provider with the same requests (the summary schema goes in
 * the prompt where the provider's spec says so):
 *
 * <ul>
 *   <li>{@code online}: every prompt token at the input price;
 *   <li>{@code online+caching}: the provider's prompt cache as documented, simulated on the requests in the order they
 *       are sent: OpenAI serves the longest prefix (schema, system, user) shared with an earlier request once it is
 *       1,024 tokens or more, in steps of 128, at the cached-input price; Anthropic caches up to the request's {@code
 *       cache_control} breakpoint (after the system message as sent, after the article in the continuation), when
 *       that prefix reaches the model's minimum (4,096 tokens for Haiku 4.5, 1,024 for Sonnet 4.5), writing it once
 *       at the cache-write price and reading it after;
 *   <li>{@code batch}: every token at the provider's batch price, no cache credit.
 * </ul>
 *
 * <p>Each mode is priced for two layouts: {@code separate}, the requests as Dragoman sends them, and {@code
 * continuation}, simulated from the same requests ({@link #continued}): the summary request continuing the translation
 * request, so that its long prefix (instructions and article) is the cached part.
 *
 * <p>Run from the repository root:
 *
 * <pre>{@code
 * ./mvnw -B -q -Pbench -pl bench -am package -DskipTests
 * java -cp bench/target/benchmarks.jar io.dragoman.bench.TokenCost --articles 1000
 * }</pre>
 */
public final class TokenCost {

    private static final JTokkitTokenCounter TOKENS = JTokkitTokenCounter.o200k();
    private static final Encoding ENCODING = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.O200K_BASE);

    private TokenCost() {}

    /**
     * One request as sent.
     *
     * @param article the article's index
     * @param kind translate, repair, summarize or summary re-ask
     * @param tokens the request's tokens in the order a provider reads them: schema, system, user
     * @param breakpoint how many of them come before Anthropic's {@code cache_control} breakpoint (the schema and the
     *     system message, as Dragoman sends them)
     * @param outputTokens the reply's tokens
     * @param reply the reply's tokens themselves
     * @param task a summary request's own words without the article: its system message, its user message less the
     *     {@code <article>} block, and the schema (empty for other requests)
     */
    record Sent(int article, String kind, int[] tokens, int breakpoint, long outputTokens, int[] reply, int[] task) {
        long promptTokens() {
            return tokens.length;
        }
    }

    /**
     * The same article's requests laid out the other way, simulated: the summary request continues the translation
     * request (its system message and article, then the translation as the model's turn, then the summary's own
     * instructions and schema in a last user message), so the translation request is a prefix of it; Anthropic's
     * breakpoint goes after the article in both. Not what Dragoman sends: a measure of whether it would pay.
     */
    static List<Sent> continued(List<Sent> sent) {
        List<Sent> out = new ArrayList<>();
        Sent translation = null;
        for (Sent s : sent) {
            if (s.kind().equals("translate")) {
                translation = new Sent(
                        s.article(), s.kind(), s.tokens(), s.tokens().length, s.outputTokens(), s.reply(), s.task());
                out.add(translation);
            } else if (s.kind().equals("summarize") && translation != null && translation.article() == s.article()) {
                int[] t = translation.tokens();
                int[] tokens = new int[t.length + translation.reply().length + s.task().length];
                System.arraycopy(t, 0, tokens, 0, t.length);
                System.arraycopy(translation.reply(), 0, tokens, t.length, translation.reply().length);
                System.arraycopy(s.task(), 0, tokens, t.length + translation.reply().length, s.task().length);
                out.add(new Sent(s.article(), s.kind(), tokens, t.length, s.outputTokens(), s.reply(), s.task()));
            } else {
                out.add(s);
            }
        }
        return out;
    }

    private static int[] encode(String text) {
        return ENCODING.encodeOrdinary(text).toArray();
    }

    /** Runs the benchmark; arguments {@code --articles N}. */
    public static void main(String[] args) {
        int articles = 1000;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--articles") && i + 1 < args.length) {
                articles = Integer.parseInt(args[++i]);
            } else {
                System.err.println("Usage: TokenCost [--articles N]");
                System.exit(2);
            }
        }
        run(articles, System.out);
    }

    static void run(int count, PrintStream out) {
        Corpus corpus = Corpus.of(count);
        OpenNlpLanguageDetector languages = new OpenNlpLanguageDetector();
        long sourceTokens =
                corpus.articles.stream().mapToLong(TokenCost::sourceTokens).sum();
        long min = corpus.articles.stream()
                .mapToLong(TokenCost::sourceTokens)
                .min()
                .orElse(0);
        long max = corpus.articles.stream()
                .mapToLong(TokenCost::sourceTokens)
                .max()
                .orElse(0);
        out.printf(
                Locale.ROOT,
                "Token cost on %d synthetic articles: %,d source tokens, %.0f per article (%d to %d).%n%n",
                count,
                sourceTokens,
                sourceTokens / (double) count,
                min,
                max);
        TokenPricing.PriceFile prices = TokenPricing.PriceFile.builtIn();
        List<String[]> costRows = new ArrayList<>();
        for (Object[] target : new Object[][] {
            {ProviderKind.OPENAI, "gpt-4.1-mini"},
            {ProviderKind.ANTHROPIC, "claude-haiku-4-5"},
            {ProviderKind.ANTHROPIC, "claude-sonnet-4-5"}
        }) {
            ProviderKind kind = (ProviderKind) target[0];
            String model = (String) target[1];
            StandIn standIn = new StandIn(kind, model, corpus);
            Translator translator = Translator.standard(
                    standIn,
                    PromptLibrary.builtIn(),
                    Glossary.EMPTY,
                    PriceTable.builtIn(),
                    Translator.Settings.DEFAULT,
                    languages);
            Summarizer summarizer =
                    Summarizer.standard(standIn, PromptLibrary.builtIn(), PriceTable.builtIn(), languages);
            int done = 0;
            for (int i = 0; i < corpus.articles.size(); i++) {
                standIn.article = i;
                CleanedArticle article = corpus.articles.get(i);
                Translation translation = translator.translate(article);
                summarizer.summarize(article, Optional.of(translation));
                done++;
            }
            List<Sent> continued = continued(standIn.sent);
            if (kind == ProviderKind.OPENAI) {
                perKind(out, kind, "separate requests (as sent)", standIn.sent, sourceTokens, done);
                perKind(
                        out,
                        kind,
                        "summary continuing the translation request (simulated)",
                        continued,
                        sourceTokens,
                        done);
            }
            TokenPricing.Cost cost = new TokenPricing.Cost(kind, model, prices.price(kind, model));
            double online = cost.online(standIn.sent) / done;
            for (Object[] layout : new Object[][] {{"separate", standIn.sent}, {"continuation", continued}}) {
                @SuppressWarnings("unchecked")
                List<Sent> requests = (List<Sent>) layout[1];
                String name = (String) layout[0];
                costRows.add(row(kind, model, name, "online", cost.online(requests) / done, online));
                costRows.add(row(kind, model, name, "online+caching", cost.cached(requests) / done, online));
                costRows.add(row(kind, model, name, "batch", cost.batch(requests) / done, online));
            }
        }
        out.println("| provider | model | layout | mode | USD per article | vs separate online |");
        out.println("|---|---|---|---|---|---|");
        costRows.forEach(r -> out.println("| " + String.join(" | ", r) + " |"));
    }

    private static String[] row(
            ProviderKind kind, String model, String layout, String mode, double perArticle, double online) {
        return new String[] {
            kind.id(),
            model,
            layout,
            mode,
            String.format(Locale.ROOT, "%.6f", perArticle),
            String.format(Locale.ROOT, "%+.0f %%", (perArticle / online - 1) * 100)
        };
    }

    private static void perKind(
            PrintStream out, ProviderKind kind, String layout, List<Sent> sent, long source, int done) {
        Map<String, long[]> kinds = new LinkedHashMap<>();
        for (Sent s : sent) {
            long[] k = kinds.computeIfAbsent(s.kind(), x -> new long[3]);
            k[0]++;
            k[1] += s.promptTokens();
            k[2] += s.outputTokens();
        }
        out.printf(Locale.ROOT, "%s, %s: %d articles done%n%n", kind.id(), layout, done);
        out.println("| request | requests | prompt tokens | per source token | output tokens |");
        out.println("|---|---|---|---|---|");
        long prompt = 0;
        long output = 0;
        for (Map.Entry<String, long[]> e : kinds.entrySet()) {
            long[] k = e.getValue();
            prompt += k[1];
            output += k[2];
            out.printf(
                    Locale.ROOT,
                    "| %s | %,d | %,d | %.2f | %,d |%n",
                    e.getKey(),
                    k[0],
                    k[1],
                    k[1] / (double) source,
                    k[2]);
        }
        out.printf(
                Locale.ROOT,
                "| all | %,d | %,d | %.2f | %,d |%n%n",
                sent.size(),
                prompt,
                prompt / (double) source,
                output);
    }

    static long sourceTokens(CleanedArticle a) {
        long n = TOKENS.count(a.title());
        if (a.metadata().dateline() != null) {
            n += TOKENS.count(a.metadata().dateline().text());
        }
        for (String p : a.paragraphs()) {
            n += TOKENS.count(p);
        }
        return n;
    }

    /** The articles and the English of every German text in them. */
    record Corpus(
            List<CleanedArticle> articles, Map<String, String> english, Map<String, SyntheticNews.Article> firsts) {

        static Corpus of(int count) {
            List<CleanedArticle> articles = new ArrayList<>();
            Map<String, String> english = new HashMap<>();
            Map<String, SyntheticNews.Article> firsts = new HashMap<>();
            long next = 1;
            for (int n = 0; n < count; n++) {
                int parts = 2 + n % 8;
                SyntheticNews.Article first = LocalNews.NEWS.article(next);
                List<String> paragraphs = new ArrayList<>();
                for (int p = 0; p < parts; p++) {
                    SyntheticNews.Article a = LocalNews.NEWS.article(next++);
                    english.putAll(a.english());
                    paragraphs.addAll(a.paragraphsDe());
                }
                english.putAll(first.english());
                String place = first.datelineDe().replaceAll(",.*", "");
                ArticleMetadata metadata = new ArticleMetadata(
                        null,
                        null,
                        new Dateline(place, LocalDate.of(2026, 3, 4), "dpa", first.datelineDe()),
                        "",
                        "dpa",
                        "local news",
                        "de",
                        null,
                        "",
                        "",
                        List.of());
                String id = String.format(Locale.ROOT, "tokens-%05d", n);
                articles.add(new CleanedArticle(new ArticleId(id), first.titleDe(), paragraphs, metadata, List.of()));
                firsts.put(first.titleDe(), first);
            }
            return new Corpus(articles, english, firsts);
        }
    }

    /** The model: the English of each marked paragraph, a valid summary; records every request. Not thread-safe. */
    static final class StandIn implements ModelProvider {
        private final ProviderKind kind;
        private final String model;
        private final Corpus corpus;
        final List<Sent> sent = new ArrayList<>();
        int article;

        StandIn(ProviderKind kind, String model, Corpus corpus) {
            this.kind = kind;
            this.model = model;
            this.corpus = corpus;
        }

        @Override
        public ModelReply chat(ModelRequest request) {
            String user = request.user();
            boolean summary = user.startsWith("Summarise this");
            String kindOf = summary
                    ? (user.contains("<previous>") ? "summary re-ask" : "summarize")
                    : (user.contains("<previous>") ? "repair" : "translate");
            String reply = summary ? summary(user) : translation(user);
            // the order a provider reads a request in: the structured-output schema, then the messages
            String schemaText = request.jsonSchema().orElse("");
            int[] schema = encode(schemaText);
            int[] system = encode(request.system());
            int[] message = encode(user);
            int[] tokens = new int[schema.length + system.length + message.length];
            System.arraycopy(schema, 0, tokens, 0, schema.length);
            System.arraycopy(system, 0, tokens, schema.length, system.length);
            System.arraycopy(message, 0, tokens, schema.length + system.length, message.length);
            long out = TOKENS.count(reply);
            int[] task = summary
                    ? encode(request.system() + "\n\n" + withoutArticle(user) + "\n\n" + schemaText)
                    : new int[0];
            sent.add(new Sent(article, kindOf, tokens, schema.length + system.length, out, encode(reply), task));
            return new ModelReply(reply, FinishReason.STOP, Optional.of(new Usage(tokens.length, out)), kind, model);
        }

        @Override
        public ProviderInfo info() {
            return new ProviderInfo(kind, model, "http://127.0.0.1/stand-in");
        }

        /** The user message less its {@code <article>} block. */
        private static String withoutArticle(String user) {
            int start = user.indexOf("<article>");
            int end = user.indexOf("</article>");
            return start < 0 || end < start
                    ? user
                    : (user.substring(0, start) + user.substring(end + "</article>".length())).strip();
        }

        private String translation(String user) {
            return StandInReplies.translation(
                    StandInReplies.units(StandInReplies.articleBlock(user)), corpus.english(), () -> {});
        }

        private String summary(String user) {
            CleanedArticle a = corpus.articles().get(article);
            List<String> en = a.paragraphs().stream()
                    .map(p -> corpus.english().getOrDefault(p, p))
                    .toList();
            return StandInReplies.summary(corpus.firsts().get(a.title()), en, a.paragraphs(), 6);
        }
    }
}
