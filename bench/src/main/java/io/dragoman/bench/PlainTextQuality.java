package io.dragoman.bench;

import io.dragoman.bench.PageReport.Prediction;
import io.dragoman.core.article.ArticleId;
import io.dragoman.core.article.CleanedArticle;
import io.dragoman.core.clean.BoilerplateProfiles;
import io.dragoman.core.clean.CleaningException;
import io.dragoman.core.clean.DetectingCleaner;
import io.dragoman.core.clean.TextCleaner;
import io.dragoman.core.lang.OpenNlpLanguageDetector;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

/**
 * Measures how well {@link TextCleaner} finds the article body in plain-text scrapes. Each page of the
 * article-extraction benchmark is flattened to the text a simple scraper would save ({@link PlainTextFlattener}),
 * cleaned, and the predicted body (the paragraphs joined by newlines) is scored against the benchmark's ground truth
 * with the benchmark's metric ({@link ShingleMetric}). Prints F1, precision and recall of the flattened text itself
 * (the baseline: no cleaning), of the cleaner's body and of the cleaner's title plus body, the cleaning time per page,
 * and the pages scored worst.
 *
 * <p>Run from the repository root:
 *
 * <pre>{@code
 * ./mvnw -B -q -Pbench -pl bench -am package -DskipTests
 * java -cp bench/target/benchmarks.jar io.dragoman.bench.PlainTextQuality ../shared/benchmarks/aeb
 * }</pre>
 *
 * <p>Arguments: the benchmark directory (default {@value AebCorpus#DEFAULT_DIR}), then optionally
 * {@code --dump DIR} to write each flattened page to {@code DIR/<id>.txt} and the cleaner's output to
 * {@code DIR/<id>.clean.txt}.
 */
public final class PlainTextQuality {
    private static final int WORST_PAGES = 15;
    private static final int TIMED_PASSES = 3;

    private final TextCleaner cleaner;

    PlainTextQuality(TextCleaner cleaner) {
        this.cleaner = cleaner;
    }

    /** Runs the benchmark; see the class comment for the arguments. */
    public static void main(String[] args) {
        Path dir = Path.of(AebCorpus.DEFAULT_DIR);
        Path dump = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--dump") && i + 1 < args.length) {
                dump = Path.of(args[++i]);
            } else {
                dir = Path.of(args[i]);
            }
        }
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        List<AebCorpus.Page> pages = AebCorpus.load(dir);
        PlainTextQuality quality = new PlainTextQuality(new TextCleaner(
                BoilerplateProfiles.builtIn(), new OpenNlpLanguageDetector(), DetectingCleaner.DEFAULT_MAX_BYTES));
        quality.run(pages, out, dump);
    }

    void run(List<AebCorpus.Page> pages, PrintStream out, Path dump) {
        List<Prediction> cleaned = cleanAll(pages);
        double msPerPage = timePerPage(pages);
        if (dump != null) {
            dump(pages, cleaned, dump);
        }
        out.printf(Locale.ROOT, "%d pages of %s%n%n", pages.size(), "the article-extraction benchmark, flattened");
        out.printf(Locale.ROOT, "%-28s %6s %6s %6s %7s%n", "", "F1", "P", "R", "empty");
        report(out, "flattened text (baseline)", pages, i -> pages.get(i).flatText());
        report(out, "TextCleaner body", pages, i -> cleaned.get(i).body());
        report(out, "TextCleaner title + body", pages, i -> cleaned.get(i).titleAndBody());
        out.printf(Locale.ROOT, "%nTextCleaner: %.2f ms/page (warm, mean of %d passes)%n%n", msPerPage, TIMED_PASSES);
        PageReport.worst(out, "TextCleaner body", pages, cleaned, WORST_PAGES);
    }

    private List<Prediction> cleanAll(List<AebCorpus.Page> pages) {
        List<Prediction> results = new ArrayList<>();
        for (AebCorpus.Page page : pages) {
            results.add(clean(page));
        }
        return results;
    }

    private Prediction clean(AebCorpus.Page page) {
        try {
            CleanedArticle article =
                    cleaner.cleanText(ArticleId.derive(page.id()), page.url(), page.flatText(), List.of());
            return new Prediction(article.title(), String.join("\n", article.paragraphs()), null);
        } catch (CleaningException e) {
            return Prediction.failed(e.reason() + ": " + e.getMessage());
        }
    }

    private double timePerPage(List<AebCorpus.Page> pages) {
        cleanAll(pages); // warm-up
        long start = System.nanoTime();
        for (int pass = 0; pass < TIMED_PASSES; pass++) {
            cleanAll(pages);
        }
        return (System.nanoTime() - start) / 1e6 / TIMED_PASSES / pages.size();
    }

    private static void report(
            PrintStream out, String name, List<AebCorpus.Page> pages, IntFunction<String> prediction) {
        ShingleMetric.Summary s = PageReport.summarize(pages, prediction);
        out.printf(
                Locale.ROOT,
                "%-28s %6.3f %6.3f %6.3f %7d%n",
                name,
                s.f1(),
                s.precision(),
                s.recall(),
                s.emptyPredictions());
    }

    private static void dump(List<AebCorpus.Page> pages, List<Prediction> cleaned, Path dir) {
        try {
            Files.createDirectories(dir);
            for (int i = 0; i < pages.size(); i++) {
                AebCorpus.Page page = pages.get(i);
                Files.writeString(dir.resolve(page.id() + ".txt"), page.flatText() + "\n", StandardCharsets.UTF_8);
                Prediction c = cleaned.get(i);
                String text = c.failure() != null
                        ? c.failure()
                        : c.title() + "\n\n" + c.body().replace("\n", "\n\n");
                Files.writeString(dir.resolve(page.id() + ".clean.txt"), text + "\n", StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to " + dir, e);
        }
    }
}
