package io.dragoman.core.pipeline;

import io.dragoman.core.article.CleanedArticle;
import io.dragoman.core.lang.TokenCounter;
import io.dragoman.core.llm.ModelRequest;
import io.dragoman.core.llm.PriceTable;
import io.dragoman.core.llm.ProviderInfo;
import io.dragoman.core.llm.Usage;
import io.dragoman.core.summary.Summarizer;
import io.dragoman.core.translate.Translator;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Estimates tokens and cost before anything is sent: it renders the requests the translator and summarizer would
 * send first ({@link Translator#plan}, {@link Summarizer#plan}) and counts their tokens, then applies ranges for the
 * output: a translation writes 0.8 to 1.5 times its source's tokens (English is shorter than German or Russian, and
 * markers add a little), a summary 300 to 1,000 tokens. Repairs and re-asks are not included: a run with many of
 * them costs more.
 */
public final class Estimator {

    static final double TRANSLATION_LOW = 0.8;
    static final double TRANSLATION_HIGH = 1.5;
    static final long SUMMARY_LOW = 300;
    static final long SUMMARY_HIGH = 1000;
    /** A review's output: an empty list at least, a few findings at most. */
    static final long REVIEW_LOW = 10;

    static final long REVIEW_HIGH = 300;

    private final Optional<Translator> translator;
    private final Optional<Summarizer> summarizer;
    private final TokenCounter tokens;
    private final PriceTable prices;
    private final ProviderInfo model;

    /**
     * @param translator the translator whose requests to count, when the run translates
     * @param summarizer the summarizer whose request to count, when the run summarises
     * @param tokens counts tokens
     * @param prices the prices
     * @param model the provider and model to price
     */
    public Estimator(
            Optional<Translator> translator,
            Optional<Summarizer> summarizer,
            TokenCounter tokens,
            PriceTable prices,
            ProviderInfo model) {
        this.translator = Objects.requireNonNull(translator, "translator");
        this.summarizer = Objects.requireNonNull(summarizer, "summarizer");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.prices = Objects.requireNonNull(prices, "prices");
        this.model = Objects.requireNonNull(model, "model");
    }

    /** The requests a first attempt at the article would send, in order. */
    public List<ModelRequest> plan(CleanedArticle article) {
        List<ModelRequest> requests = new ArrayList<>();
        translator.ifPresent(t -> requests.addAll(t.plan(article)));
        translator.ifPresent(t -> requests.addAll(t.planReviews(article)));
        summarizer.ifPresent(s -> requests.add(s.plan(article, translator.isPresent())));
        return requests;
    }

    /** The estimate for one article. */
    public Estimate estimate(CleanedArticle article) {
        Estimate total = Estimate.ZERO;
        if (translator.isPresent()) {
            for (ModelRequest r : translator.get().plan(article)) {
                long source = tokens.count(sourceBlock(r.user()));
                total = total.plus(call(
                        r,
                        Math.round(source * TRANSLATION_LOW),
                        Math.min(r.maxOutputTokens(), Math.round(source * TRANSLATION_HIGH))));
            }
        }
        if (translator.isPresent() && translator.get().reviewer().isPresent()) {
            ProviderInfo reviewer = translator.get().reviewer().get().info();
            for (ModelRequest r : translator.get().planReviews(article)) {
                total = total.plus(call(r, REVIEW_LOW, Math.min(r.maxOutputTokens(), REVIEW_HIGH), reviewer));
            }
        }
        if (summarizer.isPresent()) {
            ModelRequest r = summarizer.get().plan(article, translator.isPresent());
            total = total.plus(call(r, SUMMARY_LOW, Math.min(r.maxOutputTokens(), SUMMARY_HIGH)));
        }
        return total;
    }

    private Estimate call(ModelRequest request, long outLow, long outHigh) {
        return call(request, outLow, outHigh, model);
    }

    private Estimate call(ModelRequest request, long outLow, long outHigh, ProviderInfo model) {
        long in = tokens.count(request.system()) + tokens.count(request.user());
        long low = Math.min(outLow, outHigh);
        Optional<BigDecimal> costLow = prices.cost(model.kind(), model.model(), new Usage(in, low));
        Optional<BigDecimal> costHigh = prices.cost(model.kind(), model.model(), new Usage(in, outHigh));
        return new Estimate(1, in, low, outHigh, costLow, costHigh);
    }

    /** The text between {@code <article>} and {@code </article>}, or the whole message when there is none. */
    private static String sourceBlock(String user) {
        int start = user.indexOf("<article>");
        int end = user.lastIndexOf("</article>");
        return start >= 0 && end > start ? user.substring(start + 9, end) : user;
    }
}
