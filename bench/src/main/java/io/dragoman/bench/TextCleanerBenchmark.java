package io.dragoman.bench;

import io.dragoman.core.article.ArticleId;
import io.dragoman.core.clean.BoilerplateProfiles;
import io.dragoman.core.clean.CleaningException;
import io.dragoman.core.clean.DetectingCleaner;
import io.dragoman.core.clean.TextCleaner;
import io.dragoman.core.lang.OpenNlpLanguageDetector;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
 * Plain-text cleaning throughput, in articles per second on one thread: {@link TextCleaner#cleanText} (including
 * language detection) on the two BelTA seeds and on {@value #AEB_SAMPLE} pages of the article-extraction benchmark
 * flattened to plain text (every ninth page in id order). The paths are relative to the repository root.
 *
 * <p>Two baselines run on the same inputs in the same run, so results can be read as ratios: splitting the text into
 * lines (the least any line-based cleaner does) and OpenNLP language detection of the whole text (a fixed cost the
 * cleaner pays once per article).
 *
 * <p>Run from the repository root:
 *
 * <pre>{@code
 * ./mvnw -B -q -Pbench -pl bench -am package -DskipTests
 * java -jar bench/target/benchmarks.jar TextCleanerBenchmark -f 1 -wi 2 -i 3 -t 1
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class TextCleanerBenchmark {
    static final int SEEDS = 2;
    static final int AEB_SAMPLE = 20;
    private static final int AEB_STRIDE = 9;

    /** Directory of the seed articles. */
    @Param("seeds")
    public String seedsDir;

    /** Directory of the article-extraction benchmark. */
    @Param(AebCorpus.DEFAULT_DIR)
    public String aebDir;

    private TextCleaner cleaner;
    private OpenNlpLanguageDetector languages;
    private final List<Input> seeds = new ArrayList<>();
    private final List<Input> aeb = new ArrayList<>();

    private record Input(ArticleId id, String location, String text) {}

    /** Loads the inputs and the language model once per run. */
    @Setup
    public void setUp() throws IOException {
        languages = new OpenNlpLanguageDetector();
        cleaner = new TextCleaner(BoilerplateProfiles.builtIn(), languages, DetectingCleaner.DEFAULT_MAX_BYTES);
        try (Stream<Path> files = Files.list(Path.of(seedsDir))) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                seeds.add(new Input(ArticleId.derive(file.toString()), file.toString(), text));
            }
        }
        List<AebCorpus.Page> pages = AebCorpus.load(Path.of(aebDir));
        for (int i = 0; i < pages.size() && aeb.size() < AEB_SAMPLE; i += AEB_STRIDE) {
            AebCorpus.Page page = pages.get(i);
            aeb.add(new Input(ArticleId.derive(page.id()), page.url(), page.flatText()));
        }
        if (seeds.size() != SEEDS || aeb.size() != AEB_SAMPLE) {
            throw new UncheckedIOException(new IOException("expected " + SEEDS + " seeds in " + seedsDir + " and "
                    + AEB_SAMPLE + " sample pages in " + aebDir + ", found " + seeds.size() + " and " + aeb.size()
                    + ": run from the repository root"));
        }
    }

    /** Cleans both seeds; one operation is one article. */
    @Benchmark
    @OperationsPerInvocation(SEEDS)
    public void seeds(Blackhole blackhole) {
        cleanAll(seeds, blackhole);
    }

    /** Cleans the flattened benchmark sample; one operation is one article. */
    @Benchmark
    @OperationsPerInvocation(AEB_SAMPLE)
    public void flattenedPages(Blackhole blackhole) {
        cleanAll(aeb, blackhole);
    }

    /** Baseline: split the seeds into non-blank lines only. */
    @Benchmark
    @OperationsPerInvocation(SEEDS)
    public void seedsSplitLinesOnly(Blackhole blackhole) {
        for (Input input : seeds) {
            blackhole.consume(input.text().lines().filter(l -> !l.isBlank()).count());
        }
    }

    /** Baseline: detect the language of each seed's whole text only. */
    @Benchmark
    @OperationsPerInvocation(SEEDS)
    public void seedsLanguageOnly(Blackhole blackhole) {
        for (Input input : seeds) {
            blackhole.consume(languages.detect(input.text()));
        }
    }

    /** Baseline: detect the language of each flattened page's whole text only. */
    @Benchmark
    @OperationsPerInvocation(AEB_SAMPLE)
    public void flattenedPagesLanguageOnly(Blackhole blackhole) {
        for (Input input : aeb) {
            blackhole.consume(languages.detect(input.text()));
        }
    }

    private void cleanAll(List<Input> inputs, Blackhole blackhole) {
        for (Input input : inputs) {
            try {
                blackhole.consume(cleaner.cleanText(input.id(), input.location(), input.text(), List.of()));
            } catch (CleaningException e) {
                blackhole.consume(e);
            }
        }
    }
}
