package io.dragoman.bench;

import io.dragoman.core.article.ArticleId;
import io.dragoman.core.clean.BoilerplateProfiles;
import io.dragoman.core.clean.CleaningException;
import io.dragoman.core.clean.DetectingCleaner;
import io.dragoman.core.clean.HtmlCleaner;
import io.dragoman.core.lang.OpenNlpLanguageDetector;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.dankito.readability4j.Readability4J;
import org.jsoup.Jsoup;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * HTML extraction throughput in pages per second on one thread, side by side on the same {@value #SAMPLE} pages of the
 * article-extraction benchmark (every ninth page in id order): Jsoup's parse alone (the floor every Jsoup-based
 * extractor pays), Dragoman's {@link HtmlCleaner#cleanHtml} (parse, extraction, metadata and language detection) and
 * Readability4J's {@code parse()} with its text content. Read the results as ratios: Dragoman ÷ Readability4J, and each
 * ÷ the floor. The path is relative to the repository root.
 *
 * <p>Run from the repository root:
 *
 * <pre>{@code
 * ./mvnw -B -q -Pbench -pl bench -am package -DskipTests
 * java -jar bench/target/benchmarks.jar HtmlExtractionBenchmark -f 1 -wi 2 -i 3 -t 1
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class HtmlExtractionBenchmark {
    static final int SAMPLE = 20;
    private static final int STRIDE = 9;

    /** Directory of the article-extraction benchmark. */
    @Param(AebCorpus.DEFAULT_DIR)
    public String aebDir;

    private HtmlCleaner cleaner;
    private final List<AebCorpus.Page> pages = new ArrayList<>();

    /** Loads the pages and the language model once per run. */
    @Setup
    public void setUp() {
        cleaner = new HtmlCleaner(
                BoilerplateProfiles.builtIn(), new OpenNlpLanguageDetector(), DetectingCleaner.DEFAULT_MAX_BYTES);
        List<AebCorpus.Page> all = AebCorpus.load(Path.of(aebDir));
        for (int i = 0; i < all.size() && pages.size() < SAMPLE; i += STRIDE) {
            pages.add(all.get(i));
        }
        if (pages.size() != SAMPLE) {
            throw new UncheckedIOException(new IOException("expected " + SAMPLE + " sample pages in " + aebDir
                    + ", found " + pages.size() + ": run from the repository root"));
        }
    }

    /** The floor: Jsoup parses each page and nothing else; one operation is one page. */
    @Benchmark
    @OperationsPerInvocation(SAMPLE)
    public void jsoupParseOnly(Blackhole blackhole) {
        for (AebCorpus.Page page : pages) {
            blackhole.consume(Jsoup.parse(page.html(), page.url()));
        }
    }

    /** Dragoman's HTML cleaner; one operation is one page. */
    @Benchmark
    @OperationsPerInvocation(SAMPLE)
    public void dragoman(Blackhole blackhole) {
        for (AebCorpus.Page page : pages) {
            try {
                blackhole.consume(cleaner.cleanHtml(ArticleId.derive(page.id()), page.url(), page.html(), List.of()));
            } catch (CleaningException e) {
                blackhole.consume(e);
            }
        }
    }

    /** Readability4J 1.0.8; one operation is one page. */
    @Benchmark
    @OperationsPerInvocation(SAMPLE)
    public void readability4j(Blackhole blackhole) {
        for (AebCorpus.Page page : pages) {
            blackhole.consume(new Readability4J(page.url(), page.html()).parse().getTextContent());
        }
    }
}
