package io.dragoman.cli;

import io.dragoman.core.article.CleanedArticle;
import io.dragoman.core.llm.ModelRequest;
import io.dragoman.core.llm.ProviderInfo;
import io.dragoman.core.pipeline.Estimate;
import io.dragoman.core.pipeline.Estimator;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Prints estimates (per article and in total) and, for {@code --dry-run}, the requests that would be sent. */
final class EstimateReport {

    private final Estimator estimator;
    private final ProviderInfo model;
    private final PrintWriter out;
    private final boolean batch;

    /** @param batch true when the estimator prices at the batch tier, for the footer to say so */
    EstimateReport(Estimator estimator, ProviderInfo model, PrintWriter out, boolean batch) {
        this.estimator = estimator;
        this.model = model;
        this.out = out;
        this.batch = batch;
    }

    /** A table with one line per article and a total line. */
    Estimate table(List<CleanedArticle> articles) {
        out.printf(
                Locale.ROOT,
                "%-32s %6s %13s %17s %23s%n",
                "article",
                "calls",
                "input tokens",
                "output tokens",
                "cost (USD)");
        Estimate total = Estimate.ZERO;
        for (CleanedArticle a : articles) {
            Estimate e = estimator.estimate(a);
            line(a.id().value(), e);
            total = total.plus(e);
        }
        line("total (" + articles.size() + (articles.size() == 1 ? " article)" : " articles)"), total);
        footer();
        return total;
    }

    /** The requests for the first article, then the totals of all. */
    void dryRun(List<CleanedArticle> articles) {
        if (articles.isEmpty()) {
            out.println("Nothing to send: no input yielded an article.");
            return;
        }
        CleanedArticle first = articles.get(0);
        List<ModelRequest> requests = estimator.plan(first);
        out.printf(
                "Dry run: nothing is sent. The first attempt at %s would send %d %s to %s %s:%n",
                first.id(),
                requests.size(),
                requests.size() == 1 ? "request" : "requests",
                model.kind().id(),
                model.model());
        int n = 0;
        for (ModelRequest r : requests) {
            n++;
            out.printf(
                    Locale.ROOT,
                    "%n--- request %d of %d: max output tokens %d, temperature %.1f%s ---%n",
                    n,
                    requests.size(),
                    r.maxOutputTokens(),
                    r.temperature(),
                    r.jsonSchema().isPresent() ? ", JSON schema as the response format" : "");
            out.println("[system]");
            out.println(r.system());
            out.println("[user]");
            out.println(r.user());
        }
        out.println();
        table(articles);
    }

    private void line(String name, Estimate e) {
        out.printf(
                Locale.ROOT,
                "%-32s %6d %,13d %17s %23s%n",
                name,
                e.calls(),
                e.inputTokens(),
                String.format(Locale.ROOT, "%,d–%,d", e.outputLow(), e.outputHigh()),
                range(e.costLow(), e.costHigh()));
    }

    private void footer() {
        out.printf(
                "Priced for %s %s%s. Output is a range (translation 0.8–1.5× the source tokens, summary 300–1,000);"
                        + " repairs and re-asks are not included.%n",
                model.kind().id(), model.model(), batch ? " at its batch price (--batch)" : "");
    }

    private static String range(Optional<BigDecimal> low, Optional<BigDecimal> high) {
        if (low.isEmpty() || high.isEmpty()) {
            return "unknown price";
        }
        return "$" + money(low.get()) + "–$" + money(high.get());
    }

    private static String money(BigDecimal amount) {
        return amount.setScale(4, RoundingMode.HALF_UP).toPlainString();
    }
}
