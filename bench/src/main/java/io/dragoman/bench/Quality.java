package io.dragoman.bench;

import io.dragoman.bench.PageReport.Prediction;
import io.dragoman.core.article.ArticleId;
import io.dragoman.core.article.CleanedArticle;
import io.dragoman.core.article.RawArticle;
import io.dragoman.core.clean.BoilerplateProfiles;
import io.dragoman.core.clean.CleaningException;
import io.dragoman.core.clean.DetectingCleaner;
import io.dragoman.core.clean.HtmlCleaner;
import io.dragoman.core.clean.TextCleaner;
import io.dragoman.core.lang.OpenNlpLanguageDetector;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import net.dankito.readability4j.Readability4J;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Extraction quality of every extractor on both benchmark sets, in one run and one table: Dragoman's {@link
 * HtmlCleaner} and Readability4J on the HTML pages, Dragoman's {@link TextCleaner} and no cleaning on the pages
 * flattened to plain text. On the German news set (snippet metric, {@link SnippetMetric}) it prints the whole set, its
 * two folds (by the SHA-256 of the page id) and the German pages alone; on the article-extraction benchmark (shingle
 * metric, {@link ShingleMetric}) the whole set. The score is taken on the body the translator is handed, without the title
 * (the benchmark's truth has none). Dragoman decodes the German pages' raw bytes itself; Readability4J gets them through Jsoup's charset detection.
 *
 * <p>Run from the repository root:
 *
 * <pre>{@code
 * ./mvnw -B -q -Pbench -pl bench -am package -DskipTests
 * java -cp bench/target/benchmarks.jar io.dragoman.bench.Quality ../shared/benchmarks/aeb ../shared/benchmarks/german-news-dev
 * }</pre>
 *
 * <p>Arguments: benchmark directories (either set, recognised by its files), then optionally {@code --misses} to list,
 * per German news page, the must-contain snippets Dragoman lost and the must-not-contain snippets it kept, and {@code
 * --dump DIR} to write each extractor's output per page to {@code DIR/<extractor>/<id>.txt}.
 */
public final class Quality {
    private static final String HTML = "HtmlCleaner";
    private static final String READABILITY = "Readability4J";
    private static final String TEXT = "TextCleaner";
    private static final String NONE = "no cleaning";
    private static final List<String> EXTRACTORS = List.of(HTML, READABILITY, TEXT, NONE);

    private final HtmlCleaner html;
    private final TextCleaner text;

    Quality(HtmlCleaner html, TextCleaner text) {
        this.html = html;
        this.text = text;
    }

    /** Runs the benchmark; see the class comment for the arguments. */
    public static void main(String[] args) {
        List<Path> dirs = new ArrayList<>();
        Path dump = null;
        boolean misses = false;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--dump") && i + 1 < args.length) {
                dump = Path.of(args[++i]);
            } else if (args[i].equals("--misses")) {
                misses = true;
            } else {
                dirs.add(Path.of(args[i]));
            }
        }
        if (dirs.isEmpty()) {
            dirs = List.of(Path.of(AebCorpus.DEFAULT_DIR), Path.of(NewsDevCorpus.DEFAULT_DIR));
        }
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        OpenNlpLanguageDetector languages = new OpenNlpLanguageDetector();
        Quality quality = new Quality(
                new HtmlCleaner(BoilerplateProfiles.builtIn(), languages, DetectingCleaner.DEFAULT_MAX_BYTES),
                new TextCleaner(BoilerplateProfiles.builtIn(), languages, DetectingCleaner.DEFAULT_MAX_BYTES));
        List<Column> columns = new ArrayList<>();
        Map<String, List<Prediction>> newsDev = null;
        List<NewsDevCorpus.Page> newsPages = List.of();
        for (Path dir : dirs) {
            if (NewsDevCorpus.isAt(dir)) {
                newsPages = NewsDevCorpus.load(dir);
                newsDev = quality.newsDev(newsPages);
                columns.addAll(newsDevColumns(newsPages, newsDev));
                if (dump != null) {
                    dump(dump, newsPages.stream().map(NewsDevCorpus.Page::id).toList(), newsDev);
                }
            } else {
                List<AebCorpus.Page> pages = AebCorpus.load(dir);
                Map<String, List<Prediction>> aeb = quality.aeb(pages);
                columns.add(aebColumn(pages, aeb));
                if (dump != null) {
                    dump(dump, pages.stream().map(AebCorpus.Page::id).toList(), aeb);
                }
            }
        }
        print(out, columns, dirs);
        if (misses && newsDev != null) {
            printMisses(out, newsPages, newsDev.get(HTML), HTML);
            printMisses(out, newsPages, newsDev.get(TEXT), TEXT);
        }
    }

    /** One column group of the table: a set (or part of one) and each extractor's F1, precision and recall on it. */
    record Column(String name, int pages, Map<String, double[]> scores) {}

    private Map<String, List<Prediction>> newsDev(List<NewsDevCorpus.Page> pages) {
        return Map.of(
                HTML, map(pages, this::html),
                READABILITY, map(pages, Quality::readability),
                TEXT, map(pages, p -> text(p.id(), p.url(), p.flatText())),
                NONE, map(pages, p -> new Prediction("", p.flatText(), null)));
    }

    private Map<String, List<Prediction>> aeb(List<AebCorpus.Page> pages) {
        return Map.of(
                HTML, map(pages, p -> html(p.id(), p.url(), p.html())),
                READABILITY, map(pages, p -> readability(p.url(), Jsoup.parse(p.html(), p.url()))),
                TEXT, map(pages, p -> text(p.id(), p.url(), p.flatText())),
                NONE, map(pages, p -> new Prediction("", p.flatText(), null)));
    }

    private static List<Column> newsDevColumns(List<NewsDevCorpus.Page> pages, Map<String, List<Prediction>> p) {
        List<Column> columns = new ArrayList<>();
        columns.add(snippetColumn("german-news-dev", pages, p, page -> true));
        columns.add(snippetColumn("fold A", pages, p, page -> page.fold() == NewsDevCorpus.Fold.A));
        columns.add(snippetColumn("fold B", pages, p, page -> page.fold() == NewsDevCorpus.Fold.B));
        columns.add(snippetColumn("German", pages, p, NewsDevCorpus.Page::german));
        return columns;
    }

    private static Column snippetColumn(
            String name,
            List<NewsDevCorpus.Page> pages,
            Map<String, List<Prediction>> predictions,
            Predicate<NewsDevCorpus.Page> part) {
        Map<String, double[]> scores = new java.util.LinkedHashMap<>();
        int n = 0;
        for (String extractor : EXTRACTORS) {
            SnippetMetric.Counts sum = SnippetMetric.Counts.ZERO;
            n = 0;
            for (int i = 0; i < pages.size(); i++) {
                NewsDevCorpus.Page page = pages.get(i);
                if (part.test(page)) {
                    n++;
                    String body = predictions.get(extractor).get(i).body();
                    sum = sum.plus(SnippetMetric.score(body, page.with(), page.without()));
                }
            }
            scores.put(extractor, new double[] {sum.f1(), sum.precision(), sum.recall()});
        }
        return new Column(name, n, scores);
    }

    private static Column aebColumn(List<AebCorpus.Page> pages, Map<String, List<Prediction>> predictions) {
        Map<String, double[]> scores = new java.util.LinkedHashMap<>();
        for (String extractor : EXTRACTORS) {
            List<Prediction> p = predictions.get(extractor);
            ShingleMetric.Summary s = PageReport.summarize(pages, i -> p.get(i).body());
            scores.put(extractor, new double[] {s.f1(), s.precision(), s.recall()});
        }
        return new Column("AEB", pages.size(), scores);
    }

    private static void print(PrintStream out, List<Column> columns, List<Path> dirs) {
        out.printf(Locale.ROOT, "Extraction quality (body, without the title) on %s%n%n", dirs);
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "| %-14s | %-5s |", "extractor", "input"));
        StringBuilder rule = new StringBuilder("|---|---|");
        for (Column c : columns) {
            boolean full = c.name().equals("german-news-dev") || c.name().equals("AEB");
            if (full) {
                head.append(String.format(Locale.ROOT, " %s F1 | P | R |", c.name()));
                rule.append("---|---|---|");
            } else {
                head.append(String.format(Locale.ROOT, " %s F1 |", c.name()));
                rule.append("---|");
            }
        }
        out.println(head);
        out.println(rule);
        for (String extractor : EXTRACTORS) {
            String input = extractor.equals(HTML) || extractor.equals(READABILITY) ? "HTML" : "text";
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "| %-14s | %-5s |", extractor, input));
            for (Column c : columns) {
                double[] s = c.scores().get(extractor);
                boolean full = c.name().equals("german-news-dev") || c.name().equals("AEB");
                row.append(String.format(Locale.ROOT, " %.3f |", s[0]));
                if (full) {
                    row.append(String.format(Locale.ROOT, " %.3f | %.3f |", s[1], s[2]));
                }
            }
            out.println(row);
        }
        out.println();
        for (Column c : columns) {
            out.printf(Locale.ROOT, "%s: %d pages%n", c.name(), c.pages());
        }
        out.println();
    }

    private static void printMisses(
            PrintStream out, List<NewsDevCorpus.Page> pages, List<Prediction> predictions, String extractor) {
        out.printf(Locale.ROOT, "%s on german-news-dev: lost (-) and kept chrome (+) per page%n", extractor);
        for (int i = 0; i < pages.size(); i++) {
            NewsDevCorpus.Page page = pages.get(i);
            Prediction p = predictions.get(i);
            String text = SnippetMetric.normalize(p.body());
            List<String> lost = page.with().stream()
                    .filter(s -> !SnippetMetric.occurs(s, text))
                    .toList();
            List<String> kept = page.without().stream()
                    .filter(s -> SnippetMetric.occurs(s, text))
                    .toList();
            if (lost.isEmpty() && kept.isEmpty()) {
                continue;
            }
            out.printf(
                    Locale.ROOT,
                    "%s %s %s%s%n",
                    page.id(),
                    page.fold(),
                    page.url(),
                    p.failure() == null ? "" : "  FAILED: " + p.failure());
            lost.forEach(s -> out.println("  - " + s));
            kept.forEach(s -> out.println("  + " + s));
        }
        out.println();
    }

    private Prediction html(NewsDevCorpus.Page page) {
        RawArticle raw = new RawArticle(
                ArticleId.derive(page.id()),
                page.url(),
                page.html(),
                Optional.empty(),
                Optional.of(page.url()),
                Map.of());
        try {
            return prediction(html.clean(raw));
        } catch (CleaningException e) {
            return Prediction.failed(e.reason() + ": " + e.getMessage());
        }
    }

    private Prediction html(String id, String url, String page) {
        try {
            return prediction(html.cleanHtml(ArticleId.derive(id), url, page, List.of()));
        } catch (CleaningException e) {
            return Prediction.failed(e.reason() + ": " + e.getMessage());
        }
    }

    private Prediction text(String id, String url, String page) {
        try {
            return prediction(text.cleanText(ArticleId.derive(id), url, page, List.of()));
        } catch (CleaningException e) {
            return Prediction.failed(e.reason() + ": " + e.getMessage());
        }
    }

    private static Prediction prediction(CleanedArticle article) {
        return new Prediction(article.title(), String.join("\n", article.paragraphs()), null);
    }

    private static Prediction readability(NewsDevCorpus.Page page) {
        try {
            return readability(page.url(), Jsoup.parse(new ByteArrayInputStream(page.html()), null, page.url()));
        } catch (IOException e) {
            return Prediction.failed(e.toString());
        }
    }

    private static Prediction readability(String url, Document doc) {
        try {
            var article = new Readability4J(url, doc).parse();
            String body = article.getTextContent();
            return new Prediction(article.getTitle() == null ? "" : article.getTitle(), body == null ? "" : body, null);
        } catch (RuntimeException e) {
            return Prediction.failed(e.toString());
        }
    }

    private static <P> List<Prediction> map(List<P> pages, Function<P, Prediction> f) {
        List<Prediction> results = new ArrayList<>();
        for (P page : pages) {
            results.add(f.apply(page));
        }
        return results;
    }

    private static void dump(Path dir, List<String> ids, Map<String, List<Prediction>> predictions) {
        try {
            for (String extractor : EXTRACTORS) {
                Path sub = dir.resolve(extractor.replace(' ', '-'));
                Files.createDirectories(sub);
                List<Prediction> p = predictions.get(extractor);
                for (int i = 0; i < ids.size(); i++) {
                    Prediction e = p.get(i);
                    String body = e.failure() != null ? e.failure() : e.title() + "\n\n" + e.body();
                    Files.writeString(sub.resolve(ids.get(i) + ".txt"), body + "\n", StandardCharsets.UTF_8);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to " + dir, e);
        }
    }
}
