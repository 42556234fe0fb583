package io.dragoman.beam;

import io.dragoman.core.article.CleanedArticle;
import io.dragoman.core.clean.BoilerplateProfiles;
import io.dragoman.core.clean.Cleaner;
import io.dragoman.core.clean.DetectingCleaner;
import io.dragoman.core.lang.OpenNlpLanguageDetector;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.TupleTag;

/** The small steps between reading and the model stages: resume, cleaning for the content hash, deduplication. */
final class Steps {
    private Steps() {}

    /**
     * Gives pages that share an id (two captures of one URL in two archives) ids of their own: the first by location
     * keeps it, the others get {@code -2}, {@code -3}.
     */
    static final class UniqueIds extends DoFn<KV<String, Iterable<Page>>, Page> {
        private static final long serialVersionUID = 1L;

        @ProcessElement
        public void process(@Element KV<String, Iterable<Page>> e, OutputReceiver<Page> out) {
            List<Page> found = new ArrayList<>();
            e.getValue().forEach(found::add);
            found.sort(Comparator.comparing(Page::location));
            for (int i = 0; i < found.size(); i++) {
                out.output(i == 0 ? found.get(i) : found.get(i).withId(e.getKey() + "-" + (i + 1)));
            }
        }
    }

    /** Drops the pages whose id the output already holds: an earlier run did them. */
    static final class Resume extends DoFn<KV<String, CoGbkResult>, Page> {
        private static final long serialVersionUID = 1L;

        private final TupleTag<Page> pages;
        private final TupleTag<String> done;

        Resume(TupleTag<Page> pages, TupleTag<String> done) {
            this.pages = pages;
            this.done = done;
        }

        @ProcessElement
        public void process(@Element KV<String, CoGbkResult> e, OutputReceiver<Page> out) {
            boolean earlier = e.getValue().getAll(done).iterator().hasNext();
            for (Page page : e.getValue().getAll(pages)) {
                if (earlier) {
                    Metrics.counter(DragomanBeam.METRICS, "already done by an earlier run")
                            .inc();
                } else {
                    out.output(page);
                }
            }
        }
    }

    /**
     * Keys each page by the hash of its cleaned title and paragraphs, so that the same article captured twice is
     * worked on once; a page that cannot be cleaned or read keys by its own id and goes on, to be reported as the
     * CLI reports it.
     */
    static final class ContentHash extends DoFn<Page, KV<String, Page>> {
        private static final long serialVersionUID = 1L;

        private final long maxBytes;
        private transient Cleaner cleaner;

        ContentHash(long maxBytes) {
            this.maxBytes = maxBytes;
        }

        @Setup
        public void setup() {
            cleaner = cleaner(maxBytes);
        }

        @ProcessElement
        public void process(@Element Page page, OutputReceiver<KV<String, Page>> out) {
            out.output(KV.of(key(page), page));
        }

        /** The page's key: the hash of its cleaned content, or its id when it cannot be read or cleaned. */
        String key(Page page) {
            if (page.unreadable() != null) {
                return "unreadable:" + page.id();
            }
            try {
                CleanedArticle a = cleaner.clean(page.raw());
                return sha256(a.title() + "\n" + String.join("\n", a.paragraphs()));
            } catch (RuntimeException e) { // a CleaningException, or a cleaner that failed unexpectedly
                return "uncleaned:" + page.id();
            }
        }
    }

    /** Keeps one page of those with the same cleaned content: the one with the smallest id. */
    static final class Deduplicate extends DoFn<KV<String, Iterable<Page>>, Page> {
        private static final long serialVersionUID = 1L;

        @ProcessElement
        public void process(@Element KV<String, Iterable<Page>> e, OutputReceiver<Page> out) {
            Page first = null;
            long count = 0;
            for (Page p : e.getValue()) {
                count++;
                if (first == null || p.id().compareTo(first.id()) < 0) {
                    first = p;
                }
            }
            if (count > 1) {
                Metrics.counter(DragomanBeam.METRICS, "duplicates dropped").inc(count - 1);
            }
            out.output(first);
        }
    }

    /** The shard an article's model calls run in: by its id, the same on every run. */
    static final class Shard extends DoFn<Page, KV<Integer, Page>> {
        private static final long serialVersionUID = 1L;

        private final int shards;

        Shard(int shards) {
            this.shards = shards;
        }

        @ProcessElement
        public void process(@Element Page page, OutputReceiver<KV<Integer, Page>> out) {
            out.output(KV.of(Math.floorMod(page.id().hashCode(), shards), page));
        }
    }

    /** The cleaner every worker uses: the CLI's, with the job's size limit. */
    static Cleaner cleaner(long maxBytes) {
        return new DetectingCleaner(BoilerplateProfiles.builtIn(), new OpenNlpLanguageDetector(), maxBytes);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This JVM has no SHA-256.", e);
        }
    }
}
