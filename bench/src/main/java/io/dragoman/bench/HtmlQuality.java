package io.dragoman.bench;

import io.dragoman.bench.PageReport.Prediction;
import io.dragoman.core.article.ArticleId;
import io.dragoman.core.article.CleanedArticle;
import io.dragoman.core.clean.BoilerplateProfiles;
import io.dragoman.core.clean.CleaningException;
import io.dragoman.core.clean.DetectingCleaner;
import io.dragoman.core.clean.HtmlCleaner;
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
import java.util.function.Function;
import java.util.function.IntFunction;
import net.dankito.readability4j.Readability4J;
import org.jsoup.Jsoup;

/**
 * Measures how well {@link HtmlCleaner} finds the article body in HTML pages, side by side with Readability4J, in one
 * process. Each page of the article-extraction benchmark is cleaned by both; Dragoman's predicted body is its
 * paragraphs joined by newlines, Readability4J's is {@code parse().getTextContent()}. Both are scored against the
 * ground truth with the benchmark's metric ({@link ShingleMetric}). Prints F1, precision, recall and the number of empty
 * predictions of each, the time per page of each (warm, single thread) next to Jsoup's parse time (the floor every
 * Jsoup-based extractor pays), and the pages Dragoman scores worst.
 *
 * <p>Run from the repository root:
 *
 * <pre>{@code
 * ./mvnw -B -q -Pbench -pl bench -am package -DskipTests
 * java -cp bench/target/benchmarks.jar io.dragoman.bench.HtmlQuality ../shared/benchmarks/aeb
 * }</pre>
 *
 * <p>Arguments: the benchmark directory (default {@value AebCorpus#DEFAULT_DIR}), then optionally {@code --dump DIR}
 * to write Dragoman's output for each page to {@code DIR/<id>.clean.txt} and the truth to {@code DIR/<id>.truth.txt},
 * and {@code --worst N} to list N worst pages (default {@value #WORST_PAGES}).
 */
public final class HtmlQuality {
    private static final int WORST_PAGES = 15;
    private static final int TIMED_PASSES = 3;

    private final HtmlCleaner cleaner;

    HtmlQuality(HtmlCleaner cleaner) {
        this.cleaner = cleaner;
    }

    /** Runs the benchmark; see the class comment for the arguments. */
    public static void main(String[] args) {
        Path dir = Path.of(AebCorpus.DEFAULT_DIR);
        Path dump = null;
        int worst = WORST_PAGES;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--dump") && i + 1 < args.length) {
                dump = Path.of(args[++i]);
            } else if (args[i].equals("--worst") && i + 1 < args.length) {
                worst = Integer.parseInt(args[++i]);
            } else {
                dir = Path.of(args[i]);
            }
        }
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        List<AebCorpus.Page> pages = AebCorpus.load(dir);
        HtmlQuality quality = new HtmlQuality(new HtmlCleaner(
                BoilerplateProfiles.builtIn(), new OpenNlpLanguageDetector(), DetectingCleaner.DEFAULT_MAX_BYTES));
        quality.run(pages, out, dump, worst);
    }

    void run(List<AebCorpus.Page> pages, PrintStream out, Path dump, int worst) {
        List<Prediction> dragoman = map(pages, this::dragoman);
        List<Prediction> readability = map(pages, HtmlQuality::readability);
        double jsoupMs = timePerPage(pages, p -> Jsoup.parse(p.html(), p.url()));
        double dragomanMs = timePerPage(pages, this::dragoman);
        double readabilityMs = timePerPage(pages, HtmlQuality::readability);
        if (dump != null) {
            dump(pages, dragoman, dump);
        }
        out.printf(Locale.ROOT, "%d pages of the article-extraction benchmark (HTML)%n%n", pages.size());
        out.printf(Locale.ROOT, "%-28s %6s %6s %6s %7s %9s%n", "", "F1", "P", "R", "empty", "ms/page");
        report(out, "Dragoman HtmlCleaner body", pages, i -> dragoman.get(i).body(), dragomanMs);
        report(out, "Readability4J textContent", pages, i -> readability.get(i).body(), readabilityMs);
        out.printf(Locale.ROOT, "%-28s %6s %6s %6s %7s %9.2f%n", "Jsoup parse only (floor)", "", "", "", "", jsoupMs);
        out.printf(
                Locale.ROOT,
                "%nms/page: warm, single thread, mean of %d passes over all pages after one warm-up pass%n"
                        + "Dragoman pages/s ÷ Readability4J pages/s = %.2f%n%n",
                TIMED_PASSES,
                readabilityMs / dragomanMs);
        PageReport.worst(out, "Dragoman body", pages, dragoman, worst);
    }

    private Prediction dragoman(AebCorpus.Page page) {
        try {
            CleanedArticle article = cleaner.cleanHtml(ArticleId.derive(page.id()), page.url(), page.html(), List.of());
            return new Prediction(article.title(), String.join("\n", article.paragraphs()), null);
        } catch (CleaningException e) {
            return Prediction.failed(e.reason() + ": " + e.getMessage());
        }
    }

    private static Prediction readability(AebCorpus.Page page) {
        try {
            var article = new Readability4J(page.url(), page.html()).parse();
            String text = article.getTextContent();
            return new Prediction(article.getTitle() == null ? "" : article.getTitle(), text == null ? "" : text, null);
        } catch (RuntimeException e) {
            return Prediction.failed(e.toString());
        }
    }

    private static <T> List<T> map(List<AebCorpus.Page> pages, Function<AebCorpus.Page, T> f) {
        List<T> results = new ArrayList<>();
        for (AebCorpus.Page page : pages) {
            results.add(f.apply(page));
        }
        return results;
    }

    private static double timePerPage(List<AebCorpus.Page> pages, Function<AebCorpus.Page, ?> f) {
        map(pages, f); // warm-up
        long start = System.nanoTime();
        for (int pass = 0; pass < TIMED_PASSES; pass++) {
            map(pages, f);
        }
        return (System.nanoTime() - start) / 1e6 / TIMED_PASSES / pages.size();
    }

    private static void report(
            PrintStream out,
            String name,
            List<AebCorpus.Page> pages,
            IntFunction<String> prediction,
            double msPerPage) {
        ShingleMetric.Summary s = PageReport.summarize(pages, prediction);
        out.printf(
                Locale.ROOT,
                "%-28s %6.3f %6.3f %6.3f %7d %9.2f%n",
                name,
                s.f1(),
                s.precision(),
                s.recall(),
                s.emptyPredictions(),
                msPerPage);
    }

    private static void dump(List<AebCorpus.Page> pages, List<Prediction> extracted, Path dir) {
        try {
            Files.createDirectories(dir);
            for (int i = 0; i < pages.size(); i++) {
                AebCorpus.Page page = pages.get(i);
                Prediction e = extracted.get(i);
                String text = e.failure() != null ? e.failure() : e.title() + "\n\n" + e.body();
                Files.writeString(dir.resolve(page.id() + ".clean.txt"), text + "\n", StandardCharsets.UTF_8);
                Files.writeString(dir.resolve(page.id() + ".truth.txt"), page.truth() + "\n", StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to " + dir, e);
        }
    }
}
