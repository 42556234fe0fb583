package io.dragoman.beam;

import io.dragoman.core.article.ArticleId;
import io.dragoman.core.article.RawArticle;
import io.dragoman.core.input.Input;
import io.dragoman.core.input.InputReader;
import io.dragoman.core.input.WarcArticles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.util.Iterator;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;

/**
 * Reads one matched file, on any Beam file system, into pages keyed by article id: a web archive record by record
 * ({@link WarcArticles}), a JSONL file line by line ({@link InputReader#jsonl}), any other file as one page named by
 * the file. What cannot be read becomes a page that says why, so it is reported like any failure.
 */
final class ReadFn extends DoFn<FileIO.ReadableFile, KV<String, Page>> {
    private static final long serialVersionUID = 1L;

    private final long maxBytes;

    ReadFn(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @ProcessElement
    public void process(@Element FileIO.ReadableFile file, OutputReceiver<KV<String, Page>> out) {
        String name = file.getMetadata().resourceId().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".warc") || lower.endsWith(".warc.gz")) {
            try (WarcArticles articles = new WarcArticles(name, file::openSeekable, maxBytes, kind -> Metrics.counter(
                            DragomanBeam.METRICS, "skipped WARC records: " + kind)
                    .inc())) {
                articles.forEachRemaining(input -> emit(input, out));
            }
        } else if (lower.endsWith(".jsonl") || lower.endsWith(".jsonl.gz")) {
            try (Stream<Input> lines = InputReader.jsonl(name, () -> Channels.newInputStream(file.open()), maxBytes)) {
                Iterator<Input> it = lines.iterator();
                it.forEachRemaining(input -> emit(input, out));
            }
        } else {
            emit(whole(file, name), out);
        }
    }

    private Input whole(FileIO.ReadableFile file, String name) {
        long size = file.getMetadata().sizeBytes();
        if (size > maxBytes) {
            return new Input.Unreadable(
                    name,
                    String.format(Locale.ROOT, "too large: %,d bytes, over the limit of %,d bytes", size, maxBytes));
        }
        try (InputStream in = Channels.newInputStream(file.open())) {
            String base = file.getMetadata().resourceId().getFilename();
            int dot = base == null ? -1 : base.lastIndexOf('.');
            String id = base == null ? "article" : dot > 0 ? base.substring(0, dot) : base;
            return new Input.Read(RawArticle.of(ArticleId.derive(id), name, in.readAllBytes()));
        } catch (IOException e) {
            return new Input.Unreadable(
                    name, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    private static void emit(Input input, OutputReceiver<KV<String, Page>> out) {
        Page page =
                input instanceof Input.Read read ? Page.of(read.article()) : Page.unreadable((Input.Unreadable) input);
        out.output(KV.of(page.id(), page));
    }
}
