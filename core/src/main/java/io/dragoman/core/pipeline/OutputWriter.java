package io.dragoman.core.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import io.dragoman.core.article.ArticleJson;
import io.dragoman.core.article.ArticleStatus;
import io.dragoman.core.article.CleanedArticle;
import io.dragoman.core.article.Review;
import io.dragoman.core.article.Stage;
import io.dragoman.core.llm.Usage;
import io.dragoman.core.store.RunStore;
import io.dragoman.core.store.StoredArticle;
import io.dragoman.core.store.StoredFailure;
import io.dragoman.core.summary.Summary;
import io.dragoman.core.translate.CheckResult;
import io.dragoman.core.translate.Translation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Renders a run's output files from the {@link RunStore}, the source of truth: {@code articles.jsonl} (one record per
 * article), {@code failures.jsonl}, {@code md/<id>.md} and {@code report.json} / {@code report.md}. Each file is
 * written to a temporary file and renamed into place, so a crash never leaves half a file; the store is read row by
 * row in id order, so the files are the same however the run went and a run of any size renders in little memory (the
 * page names, to remove pages no stored article has any more).
 */
public final class OutputWriter {

    private final Path dir;
    private final ObjectMapper mapper = ArticleJson.mapper().registerModule(new Jdk8Module());
    private final ArticleRecords records = new ArticleRecords(mapper);

    /** Writes into this directory. */
    public OutputWriter(Path dir) {
        this.dir = dir;
    }

    /**
     * Renders every output file from the store.
     *
     * @param run the run that just ended, for the report's throughput; empty when rendering an earlier run's store
     * @return the report that was written
     */
    public RunReport render(RunStore store, Optional<RunResult> run) {
        Set<String> pages = new HashSet<>();
        write(dir.resolve("articles.jsonl"), writer -> {
            for (Iterator<StoredArticle> it = store.articles().allById().iterator(); it.hasNext(); ) {
                StoredArticle row = it.next();
                writer.write(record(row).toString());
                writer.write('\n');
                markdown(row).ifPresent(pages::add);
            }
        });
        try {
            removeStalePages(pages);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot remove the pages of forgotten articles from " + dir.resolve("md") + ": " + describe(e), e);
        }
        write(dir.resolve("failures.jsonl"), writer -> {
            for (Iterator<StoredArticle> it = store.articles().allById().iterator(); it.hasNext(); ) {
                StoredArticle row = it.next();
                if (row.status() == ArticleStatus.FAILED && row.failure().isPresent()) {
                    writeFailure(writer, row);
                }
            }
        });
        return writeReport(store, run);
    }

    /**
     * Renders only the report ({@code report.json}, {@code report.md}) from the store.
     *
     * @param run the run that just ended; empty when rendering an earlier run's store
     * @return the report that was written
     */
    public RunReport writeReport(RunStore store, Optional<RunResult> run) {
        RunReport report = report(store, run);
        write(dir.resolve("report.json"), writer -> writer.write(report.json()));
        write(dir.resolve("report.md"), writer -> writer.write(report.markdown()));
        return report;
    }

    /**
     * Writes one output file atomically.
     *
     * @throws UncheckedIOException naming the file and what went wrong (a full disk, a file size limit, a read-only
     *     directory); the previous file, if any, is left as it was
     */
    private static void write(Path file, AtomicFiles.Content content) {
        try {
            AtomicFiles.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot write " + file + ": " + describe(e)
                            + ". The finished work is kept in the run store: fix that and run again to write the"
                            + " outputs.",
                    e);
        }
    }

    /** What went wrong with a write, in words: the system's reason, with the usual causes named. */
    static String describe(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied (is the directory read-only?)";
        }
        String reason = e instanceof FileSystemException f && f.getReason() != null ? f.getReason() : e.getMessage();
        if (reason == null) {
            return e.getClass().getSimpleName();
        }
        if (reason.contains("No space left on device") || reason.contains("Disk quota exceeded")) {
            return reason + " (the disk is full)";
        }
        if (reason.contains("File too large")) {
            return reason + " (a file size limit such as ulimit -f, or the disk is full)";
        }
        if (reason.contains("Read-only file system")) {
            return reason + " (the disk is mounted read-only)";
        }
        return reason;
    }

    /** The record of one stored article, as {@code articles.jsonl} holds it. */
    public ObjectNode record(StoredArticle row) {
        ObjectNode record;
        Optional<CleanedArticle> article = row.cleaned();
        Optional<Translation> translation = row.translation();
        if (article.isEmpty()) {
            record = mapper.createObjectNode();
            record.put("id", row.id().value());
            row.location().ifPresent(l -> record.put("location", l));
        } else if (translation.isPresent()) {
            record = records.translated(article.get(), translation.get());
        } else {
            record = records.cleaned(article.get(), "cleaned");
        }
        record.put("status", row.statusLabel());
        if (row.review() != Review.NONE && translation.isPresent()) {
            record.set("review", records.review(row.review(), translation.get()));
        }
        if (article.isPresent() && row.holds(Stage.SUMMARIZE)) {
            ObjectNode summary = records.summary(article.get(), row.summary().orElseThrow());
            if (row.needsReview()) {
                summary.put("needs_review", true); // made from a translation a person should check first
            }
            record.set("summary", summary);
        }
        row.failure()
                .filter(f -> row.status() == ArticleStatus.FAILED)
                .ifPresent(f -> record.set("failure", failure(row, f)));
        return record;
    }

    private void writeFailure(Writer writer, StoredArticle row) throws IOException {
        ObjectNode listed = mapper.createObjectNode();
        listed.put("id", row.id().value());
        row.location().ifPresent(l -> listed.put("location", l));
        listed.setAll(failure(row, row.failure().orElseThrow()));
        writer.write(listed.toString());
        writer.write('\n');
    }

    /** A failure as outputs show it: stage, reason, whether a rerun may help, attempts, and the stored details. */
    private ObjectNode failure(StoredArticle row, StoredFailure f) {
        ObjectNode failure = mapper.createObjectNode();
        failure.put("stage", f.stage().name().toLowerCase(Locale.ROOT));
        failure.put("reason", f.reason());
        failure.put("retriable", f.retriable());
        failure.put("attempts", row.attempts());
        f.detail().ifPresent(failure::setAll);
        return failure;
    }

    /**
     * Deletes the pages in {@code md/} that no stored article has any more (an article forgotten by {@code --force}
     * whose input is gone), so the folder shows what {@code articles.jsonl} holds.
     */
    private void removeStalePages(Set<String> pages) throws IOException {
        Path md = dir.resolve("md");
        if (!Files.isDirectory(md)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(md, "*.md")) {
            for (Path file : files) {
                if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
                        && !pages.contains(file.getFileName().toString())) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    /** Writes the article's page, when it has been cleaned, and returns its file name. */
    private Optional<String> markdown(StoredArticle row) {
        if (row.cleaned().isEmpty()) {
            return Optional.empty();
        }
        CleanedArticle article = row.cleaned().get();
        StringBuilder page = new StringBuilder();
        if (row.needsReview()) {
            row.translation().ifPresent(t -> page.append(records.reviewBanner(t)));
        }
        page.append(row.translation()
                .map(t -> records.markdown(article, t))
                .orElseGet(() -> ArticleFormat.MD.render(article, mapper)));
        row.summary().ifPresent(s -> page.append(records.summaryMarkdown(s)));
        row.failure().filter(f -> row.status() == ArticleStatus.FAILED).ifPresent(f -> page.append("\n> Failed at ")
                .append(f.stage().name().toLowerCase(Locale.ROOT))
                .append(": ")
                .append(ArticleFormat.escape(f.reason()))
                .append('\n'));
        Path file = dir.resolve("md").resolve(row.id().value() + ".md");
        if (!file.normalize().startsWith(dir.resolve("md").normalize())) {
            throw new IllegalStateException("Article id " + row.id() + " would write outside " + dir);
        }
        write(file, writer -> writer.write(page.toString()));
        return Optional.of(file.getFileName().toString());
    }

    /** The report of what the store holds, with the run's throughput when given. */
    public RunReport report(RunStore store, Optional<RunResult> run) {
        Map<String, Long> byStatus = new TreeMap<>();
        store.articles()
                .counts()
                .forEach((status, n) -> byStatus.put(status.name().toLowerCase(Locale.ROOT), n));
        byStatus.put(Review.NEEDS_REVIEW.label(), 0L);
        List<RunReport.ReviewItem> reviews = new java.util.ArrayList<>();
        Map<String, RunReport.FailureGroup> failures = new LinkedHashMap<>();
        Map<String, Map<String, Long>> checks = new TreeMap<>();
        Map<String, RunReport.Spend> spend = new TreeMap<>();
        long summaryWarnings = 0;
        IdenticalCopies copies = new IdenticalCopies();
        for (Iterator<StoredArticle> it = store.articles().allById().iterator(); it.hasNext(); ) {
            StoredArticle row = it.next();
            copies.add(row);
            if (row.status() == ArticleStatus.FAILED && row.failure().isPresent()) {
                StoredFailure f = row.failure().get();
                String key = f.stage().name().toLowerCase(Locale.ROOT) + ": " + RunReport.reasonKey(f.reason());
                failures.computeIfAbsent(key, k -> new RunReport.FailureGroup(k, new java.util.ArrayList<>()))
                        .ids()
                        .add(row.id().value());
            }
            if (row.needsReview()) {
                // a status of its own: counted there, not under the stage it reached
                byStatus.merge(row.status().name().toLowerCase(Locale.ROOT), -1L, Long::sum);
                byStatus.merge(Review.NEEDS_REVIEW.label(), 1L, Long::sum);
                row.translation()
                        .ifPresent(t -> reviews.add(new RunReport.ReviewItem(
                                row.id().value(),
                                t.forReview().stream().map(CheckResult::check).toList(),
                                t.forReview().stream()
                                        .flatMap(c -> c.paragraphs().stream())
                                        .distinct()
                                        .sorted()
                                        .toList())));
            }
            if (row.translation().isPresent()) {
                Translation t = row.translation().get();
                for (CheckResult c : t.checks()) {
                    if (c.status() != CheckResult.Status.PASSED) {
                        checks.computeIfAbsent(c.check(), k -> new TreeMap<>())
                                .merge(c.status().name().toLowerCase(Locale.ROOT), 1L, Long::sum);
                    }
                }
                add(spend, "translate " + t.provider().id() + " " + t.model(), t.calls(), t.usage(), t.cost());
            }
            if (row.summary().isPresent()) {
                Summary s = row.summary().get();
                summaryWarnings += s.warnings().size();
                add(spend, "summarize " + s.provider().id() + " " + s.model(), s.calls(), s.usage(), s.cost());
            }
        }
        return new RunReport(
                byStatus,
                List.copyOf(failures.values()),
                List.copyOf(reviews),
                checks,
                summaryWarnings,
                spend,
                copies.result(),
                run.map(RunReport.ThisRun::of));
    }

    private static void add(
            Map<String, RunReport.Spend> spend, String key, int calls, Usage usage, Optional<BigDecimal> cost) {
        spend.merge(key, RunReport.Spend.of(calls, usage, cost), RunReport.Spend::plus);
    }

    /**
     * Makes the output directory and its {@code md} folder, and removes the temporary files a render killed midway
     * left behind.
     */
    public void prepare() {
        try {
            Files.createDirectories(dir.resolve("md"));
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot create the output directory " + dir.resolve("md") + ": " + describe(e), e);
        }
        try {
            AtomicFiles.removeLeftovers(dir);
            AtomicFiles.removeLeftovers(dir.resolve("md"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remove the temporary files left in " + dir + ": " + describe(e), e);
        }
    }
}
