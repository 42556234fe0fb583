package io.dragoman.core.output;

import io.dragoman.core.article.ArticleId;
import io.dragoman.core.output.Digest.Overview;
import io.dragoman.core.output.Digest.Period;
import io.dragoman.core.pipeline.AtomicFiles;
import io.dragoman.core.store.RunStore;
import io.dragoman.core.summary.ArticleSummary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code dragoman digest}: writes {@code DIR/digest.md} and {@code DIR/digest.json} for a range of a run's articles,
 * by day or by week, then renders the site so that its digest page shows the same.
 */
public final class DigestWriter {

    /** Writes an overview of a period from its articles' summaries; implementations call a model. */
    public interface Overviews {
        /**
         * The overview of a period, or empty when none could be written (the reason is the implementation's to tell).
         *
         * @param period the period, its stories and names
         * @param summaries the summary of each listed article of the period, in the order of its stories
         */
        Optional<Overview> overview(Period period, List<Summarized> summaries);
    }

    /** An article of a period with its summary. */
    public record Summarized(String id, String date, ArticleSummary summary) {}

    /** What was written. */
    public record Result(Path markdown, Digest digest, SiteWriter.Result site) {}

    private final Path dir;

    /** Writes into the run directory {@code dir}. */
    public DigestWriter(Path dir) {
        this.dir = dir;
    }

    /** The digest of the store's articles, without overviews; writes nothing. */
    public Digest digest(RunStore store, DigestOptions options) {
        return digest(SiteIndex.read(store), options);
    }

    private static Digest digest(SiteIndex index, DigestOptions options) {
        return Digests.build(index.entries(), index.entities(), index.versions(), options);
    }

    /** The summarised articles of a period's listed stories, in the stories' order. */
    public List<Summarized> summaries(RunStore store, Period period) {
        List<Summarized> summaries = new ArrayList<>();
        for (Digest.Story s : period.stories()) {
            for (Digest.Item i : s.articles()) {
                store.articles()
                        .find(new ArticleId(i.id()))
                        .flatMap(row -> row.summary())
                        .ifPresent(sum -> summaries.add(new Summarized(i.id(), i.date(), sum.fields())));
            }
        }
        return summaries;
    }

    /**
     * Writes the digest, with an overview per period when {@code overviews} is given.
     *
     * @throws UncheckedIOException naming the file that could not be written
     */
    public Result write(RunStore store, DigestOptions options, Optional<Overviews> overviews) {
        SiteIndex index = SiteIndex.read(store);
        Digest digest = digest(index, options);
        if (overviews.isPresent()) {
            List<Period> periods = new ArrayList<>();
            for (Period p : digest.periods()) {
                List<Summarized> summaries = summaries(store, p);
                periods.add(
                        summaries.isEmpty()
                                ? p
                                : overviews
                                        .get()
                                        .overview(p, summaries)
                                        .map(p::withOverview)
                                        .orElse(p));
            }
            digest = new Digest(digest.options(), periods, digest.undated(), digest.outside());
        }
        Path markdown = dir.resolve("digest.md");
        try {
            AtomicFiles.write(markdown, DigestMarkdown.of(digest));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + markdown + ": " + e.getMessage(), e);
        }
        DigestFile.write(dir.resolve("digest.json"), digest);
        SiteWriter.Result site = new SiteWriter(dir.resolve("site")).write(store, index);
        return new Result(markdown, digest, site);
    }
}
