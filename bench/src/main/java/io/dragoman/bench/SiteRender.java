package io.dragoman.bench;

import io.dragoman.core.article.ArticleId;
import io.dragoman.core.article.CleanedArticle;
import io.dragoman.core.output.SiteWriter;
import io.dragoman.core.store.RunStore;
import io.dragoman.core.testing.SyntheticCorpus;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The reader site at scale: fills a run store with synthetic translated and summarised articles ({@link
 * SyntheticCorpus}), renders the site with {@link SiteWriter} as {@code dragoman site} does, and reports the render's
 * wall time, its peak heap ({@link HeapWatch}), the files and bytes written and what the first page loads. With
 * {@code --browser} it then opens {@code site/index.html} from disk in headless Chromium ({@link SiteBrowserTiming})
 * and times the first page's rows and two searches.
 *
 * <p>Run from the repository root:
 *
 * <pre>{@code
 * ./mvnw -B -q -Pbench -pl bench -am package -DskipTests
 * java -Xmx512m -cp bench/target/benchmarks.jar io.dragoman.bench.SiteRender --articles 100000 --browser
 * }</pre>
 *
 * <p>Arguments: {@code --articles N} (10,000 by default), {@code --dir D} to keep the store and site in {@code D}
 * (a store already holding at least N articles there is reused, not filled again; without {@code --dir} a temporary
 * folder is used and deleted afterwards), {@code --browser}, and {@code --browser-only} to time the browser alone on
 * the site a run with the same {@code --dir} and {@code --articles} rendered before.
 */
public final class SiteRender {

    private static final double MB = 1024.0 * 1024.0;

    /** What one render measured. */
    record Render(
            int articles,
            double seconds,
            double cpuSeconds,
            HeapWatch.Peak heap,
            int files,
            long bytes,
            long firstPageBytes,
            long largestRowShard,
            long largestTermShard) {}

    /** The command line. */
    record Options(int articles, Optional<Path> dir, boolean browser, boolean browserOnly) {
        static Options parse(String[] args) {
            int articles = 10_000;
            Optional<Path> dir = Optional.empty();
            boolean browser = false;
            boolean browserOnly = false;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--articles" -> articles = Integer.parseInt(value(args, ++i));
                    case "--dir" -> dir = Optional.of(Path.of(value(args, ++i)));
                    case "--browser" -> browser = true;
                    case "--browser-only" -> browserOnly = true;
                    default ->
                        throw new IllegalArgumentException("Unknown argument " + args[i]
                                + " (use --articles N, --dir D, --browser, --browser-only)");
                }
            }
            if (articles < 1) {
                throw new IllegalArgumentException("--articles must be at least 1");
            }
            if (browserOnly && dir.isEmpty()) {
                throw new IllegalArgumentException("--browser-only needs --dir, the folder of a site rendered before");
            }
            return new Options(articles, dir, browser || browserOnly, browserOnly);
        }

        private static String value(String[] args, int i) {
            if (i >= args.length) {
                throw new IllegalArgumentException(args[i - 1] + " needs a value");
            }
            return args[i];
        }
    }

    private SiteRender() {}

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        PrintStream out = System.out;
        Path dir = options.dir().orElse(Files.createTempDirectory("dragoman-site-bench-"));
        try {
            Files.createDirectories(dir);
            if (!options.browserOnly()) {
                Render render;
                try (RunStore store = RunStore.open(dir.resolve("dragoman.db"))) {
                    fill(store, options.articles(), System.err);
                    render = render(store, dir.resolve("site"));
                }
                report(render, Runtime.getRuntime().maxMemory(), out);
            }
            if (options.browser()) {
                SiteBrowserTiming.Timing timing =
                        SiteBrowserTiming.measure(dir.resolve("site/index.html"), options.articles());
                timing.report(out);
            }
        } finally {
            if (options.dir().isEmpty()) {
                delete(dir);
            }
        }
    }

    /** Stores articles {@code 0 … count-1} unless the store already holds that many. */
    static void fill(RunStore store, int count, PrintStream progress) {
        long held = store.articles().counts().values().stream()
                .mapToLong(Long::longValue)
                .sum();
        if (held >= count) {
            progress.printf(Locale.ROOT, "store already holds %,d articles: not filled again%n", held);
            return;
        }
        store.articles().clear();
        long start = System.nanoTime();
        for (int n = 0; n < count; n++) {
            ArticleId id = SyntheticCorpus.id(n);
            CleanedArticle article = SyntheticCorpus.article(n);
            store.articles().saveCleaned(id, "synthetic/" + id.value() + ".txt", "hash-" + n, article);
            store.articles().saveTranslation(id, SyntheticCorpus.translation(n, article));
            store.articles().saveSummary(id, SyntheticCorpus.summary(n));
            if ((n + 1) % 10_000 == 0) {
                progress.printf(
                        Locale.ROOT, "stored %,d articles (%.0f s)%n", n + 1, (System.nanoTime() - start) / 1e9);
            }
        }
        progress.printf(Locale.ROOT, "stored %,d articles in %.1f s%n", count, (System.nanoTime() - start) / 1e9);
    }

    /** Renders the site once, timed and watched. */
    static Render render(RunStore store, Path site) throws IOException {
        HeapWatch watch = HeapWatch.start();
        long cpu = processCpu();
        long start = System.nanoTime();
        SiteWriter.Result result = new SiteWriter(site).write(store);
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (processCpu() - cpu) / 1e9;
        HeapWatch.Peak heap = watch.stop();
        long bytes;
        try (Stream<Path> files = Files.walk(site)) {
            bytes = files.filter(Files::isRegularFile)
                    .mapToLong(SiteRender::size)
                    .sum();
        }
        long firstPage = size(site.resolve("index.html"))
                + size(site.resolve("assets/site.css"))
                + size(site.resolve("assets/site.js"));
        return new Render(
                result.articles(),
                seconds,
                cpuSeconds,
                heap,
                result.files(),
                bytes,
                firstPage,
                largest(site.resolve("data"), "rows-"),
                largest(site.resolve("data"), "terms-"));
    }

    static void report(Render r, long maxHeap, PrintStream out) {
        out.printf(Locale.ROOT, "articles                      %,d%n", r.articles());
        out.printf(Locale.ROOT, "render wall time              %.1f s%n", r.seconds());
        out.printf(Locale.ROOT, "render CPU time (process)     %.1f s%n", r.cpuSeconds());
        out.printf(
                Locale.ROOT,
                "peak heap (in use / after GC) %.0f / %.0f MB (baseline %.0f MB, -Xmx %.0f MB)%n",
                r.heap().used() / MB,
                r.heap().afterGc() / MB,
                r.heap().baseline() / MB,
                maxHeap / MB);
        out.printf(Locale.ROOT, "files written                 %,d%n", r.files());
        out.printf(Locale.ROOT, "bytes written                 %.1f MB%n", r.bytes() / MB);
        out.printf(
                Locale.ROOT,
                "first page loads              %.1f KB (index.html, site.css, site.js; no data file)%n",
                r.firstPageBytes() / 1024.0);
        out.printf(Locale.ROOT, "largest rows shard            %.1f KB%n", r.largestRowShard() / 1024.0);
        out.printf(Locale.ROOT, "largest term shard            %.1f KB%n", r.largestTermShard() / 1024.0);
    }

    /** The CPU time of the whole process so far, every thread and the collector included: a loaded machine's other
     * work does not count in it, as it does in the wall time. */
    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static long largest(Path data, String prefix) throws IOException {
        try (Stream<Path> files = Files.list(data)) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix))
                    .mapToLong(SiteRender::size)
                    .max()
                    .orElse(0);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
